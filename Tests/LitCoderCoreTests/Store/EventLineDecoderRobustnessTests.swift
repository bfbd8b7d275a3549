import Testing
@testable import LitCoderCore

/// The fast event decoder meets torn, cut and corrupted lines after crashes and bad merges:
/// whatever the bytes, it answers with an event or a failure, and never traps.
@Suite struct EventLineDecoderRobustnessTests {
    static let events: [CodingEvent] = [
        CodingEvent(seq: 1, time: "2026-11-24T10:00:00.000Z", coder: "maya", paper: "p1", op: .set,
                    dimension: "motivation", codes: ["health-mental", "voice-assistant"], codebook: "abc"),
        CodingEvent(seq: 2, time: "2026-11-24T10:00:01.000Z", coder: "maya", paper: "p1", op: .note,
                    text: "quote \" backslash \\ tab \t newline \n é 漢字 😀 \u{1B}[31m", codebook: "abc"),
        CodingEvent(seq: 3, time: "2026-11-24T10:00:02.000Z", coder: "_consensus", paper: "p2", op: .adjudicate,
                    dimension: "dataset", codes: ["iemocap"], codebook: "abc", sources: ["maya", "jon"],
                    reason: "both named it", automatic: false, adjudicator: "ana"),
        CodingEvent(seq: 4, time: "2026-11-24T10:00:03.000Z", coder: "maya", paper: "p3", op: .flag,
                    value: true, codebook: "abc"),
    ]

    @Test(arguments: events)
    func everyPrefixOfALineDecodesOrFails(event: CodingEvent) {
        let line = EventLineEncoder.line(for: event).filter { $0 != UInt8(ascii: "\n") }
        var decoder = EventLineDecoder()
        if case .success(let decoded) = decoder.decode(line) { #expect(decoded == event) }
        for length in 0..<line.count {
            _ = decoder.decode(Array(line.prefix(length)))
        }
    }

    @Test(arguments: events)
    func everySingleByteChangeDecodesOrFails(event: CodingEvent) {
        let line = EventLineEncoder.line(for: event).filter { $0 != UInt8(ascii: "\n") }
        var decoder = EventLineDecoder()
        let replacements: [UInt8] = [0x00, 0x22, 0x5C, 0x7B, 0x7D, 0x2C, 0x3A, 0x5B, 0x5D, 0x75, 0x80, 0xC3, 0xFF, 0x20]
        for position in line.indices {
            for byte in replacements {
                var changed = line
                changed[position] = byte
                _ = decoder.decode(changed)
            }
            var shorter = line
            shorter.remove(at: position)
            _ = decoder.decode(shorter)
        }
    }
}
