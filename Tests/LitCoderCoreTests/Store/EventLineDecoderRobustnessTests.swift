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

/// Numbers in a log line that no event can have: each makes its line a malformed one,
/// reported at its place and left out, while the lines around it are read as usual.
@Suite struct EventNumberRangeTests {
    static func line(v: String = "1", seq: String) -> String {
        #"{"v":\#(v),"seq":\#(seq),"time":"2026-01-01T00:00:02.000Z","coder":"maya","paper":"p2","op":"view","codebook":"h"}"#
    }

    /// Each damaged line, and the words its diagnostic must hold.
    static let cases: [(line: String, message: String)] = [
        // What a libFuzzer run on the event decoder found: 20 digits overflowed its integer reader.
        (#"{"v":10000000000000000000}"#, "malformed event:"),
        (line(seq: "10000000000000000000"), "malformed event:"),
        (line(v: "10000000000000000000", seq: "2"), "malformed event:"),
        (line(v: "999999999999999999", seq: "2"), "malformed event: schema version 999999999999999999 is not valid"),
        (line(seq: "0"), "malformed event: seq 0 is out of range (1 to 9007199254740992)"),
        (line(seq: "-5"), "malformed event: seq -5 is out of range (1 to 9007199254740992)"),
        (line(seq: "9007199254740993"), "malformed event: seq 9007199254740993 is out of range (1 to 9007199254740992)"),
        // The largest Int: the next line's gap check would add 1 to it.
        (line(seq: "9223372036854775807"), "malformed event: seq 9223372036854775807 is out of range (1 to 9007199254740992)"),
        (line(seq: "999999999999999999"), "malformed event: seq 999999999999999999 is out of range (1 to 9007199254740992)"),
    ]

    @Test(arguments: cases)
    func anOutOfRangeNumberIsAMalformedLineNeverATrap(line: String, message: String) throws {
        let folder = try TemporaryFolder()
        let first = #"{"v":1,"seq":1,"time":"2026-01-01T00:00:01.000Z","coder":"maya","paper":"p1","op":"view","codebook":"h"}"#
        let third = Self.line(seq: "2")
        try folder.write("maya.jsonl", [first, line, third].joined(separator: "\n") + "\n")
        let contents = try CodingLog.read(url: folder.file("maya.jsonl"), displayPath: "codings/maya.jsonl")
        #expect(contents.events.map(\.seq) == [1, 2])
        #expect(contents.health.malformedLines == 1)
        let errors = contents.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location == "codings/maya.jsonl:2")
        #expect(errors.first?.message.hasPrefix(message) == true, "\(errors)")
        #expect(errors.first?.message.hasSuffix("the line is kept in place and left out") == true
                || errors.first?.message.hasSuffix("left out of the codings") == true, "\(errors)")
        #expect(contents.diagnostics.count == 1, "a gap or repeat was reported for the damaged line: \(contents.diagnostics)")
    }

    @Test func theFastPathGivesUpOnMoreThan18DigitsWithoutOverflowing() {
        var decoder = EventLineDecoder()
        for digits in 17...40 {
            let number = String(repeating: "9", count: digits)
            let line = Array(EventNumberRangeTests.line(seq: number).utf8)
            let fast = line.withUnsafeBufferPointer { decoder.fastDecode($0) }
            #expect((fast != nil) == (digits <= 18), "\(digits) digits")
            if let fast { #expect(fast.seq == Int(number)) }
        }
    }
}
