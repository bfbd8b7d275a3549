import Foundation
import LitCoderCore
import Testing

/// Selecting a quote in the real binary, in tmux, with the bytes a terminal sends for each key,
/// and what that leaves in the coder's log on disk.
///
/// P001's abstract in the fixture is "Clinical depression screening from voice. Trained on
/// IEMOCAP." (61 scalars); Python's `str.find` gives "Trained on IEMOCAP." at 42–61,
/// "IEMOCAP." at 53–61, and "on IEMOCAP." at 50–61; hashlib gives its SHA-256 below.
@Suite(.serialized) struct QuoteEndToEndTests {
    static let abstractHash = "8d631e2c124f75156a41095bde767b1b169b6d5e178464dec867c1d52ba59818"

    @Test func aQuoteSelectedWithTheKeysIsOnDiskAndUndone() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-quote-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: WorkbenchEndToEndTests.fixture, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = TmuxDriver(name: "quote")
        defer { tmux.stop() }
        tmux.start([LitcoderBinary.url.path, "code", "--project", dir.path, "--coder", "alice"], in: dir, width: 100, height: 30)
        guard tmux.wait(for: "paper 1/5") else { return }
        tmux.bytes(Array("v".utf8))
        guard tmux.wait(for: "abstract 0–41") else { return }
        #expect(tmux.screen.contains("quote for Healthcare (Motivation): “Clinical depression screening from voice.”"))
        tmux.bytes([0x1B, 0x5B, 0x42])  // ↓: the next sentence
        tmux.wait(for: "abstract 42–61")
        tmux.bytes([0x1B, 0x5B, 0x43])  // →: its last word
        tmux.wait(for: "abstract 53–61")
        tmux.bytes([0x1B, 0x5B, 0x44])  // ←: the word before
        tmux.wait(for: "abstract 50–52")
        tmux.bytes([0x1B, 0x5B, 0x31, 0x3B, 0x32, 0x43])  // Shift-→ (xterm's CSI 1;2C): one word more
        tmux.wait(for: "“on IEMOCAP.” abstract 50–61")
        tmux.bytes([0x0D])  // Enter: attach, coding Healthcare
        tmux.wait(for: "Quoted “on IEMOCAP.” for Healthcare (and coded it)")
        tmux.wait(for: "“1 quote”")
        tmux.wait(for: "✓ saved")

        let lines = try String(contentsOf: dir.appendingPathComponent("codings/alice.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 2)
        let evidence = try #require(lines.last)
        #expect(evidence.contains(#""op":"evidence","dim":"motivation","code":"healthcare","field":"abstract","start":50,"end":61,"quote":"on IEMOCAP.","hash":"\#(Self.abstractHash)","value":true"#),
                "\(evidence)")

        tmux.bytes(Array("u".utf8))
        tmux.wait(for: "Undid quote on healthcare of P001")
        tmux.bytes([0x12])  // Ctrl-R
        tmux.wait(for: "Redid quote on healthcare of P001")
        tmux.wait(for: "✓ saved")
        // A second dimension's quote, in a colour of its own: Tab to datasets, v (the last
        // selection), ← (the word before: "on"), Enter on IEMOCAP.
        tmux.bytes([0x09])
        tmux.bytes(Array("v".utf8))
        tmux.wait(for: "quote for IEMOCAP (Datasets)")
        tmux.bytes([0x1B, 0x5B, 0x43])  // →: its last word, "IEMOCAP."
        tmux.wait(for: "abstract 53–61")
        tmux.bytes([0x0D])
        tmux.wait(for: "Quoted “IEMOCAP.” for IEMOCAP")
        tmux.wait(for: "✓ saved")
        // Underlined (4) in cyan (36) for motivation, in magenta (35) for datasets, on the lines
        // of the abstract that hold them ("… Trained on" and "IEMOCAP." at 100 columns).
        let rows = tmux.styledScreen.split(separator: "\n").map(String.init)
        let first = try #require(rows.firstIndex { $0.contains("Trained") }, "\(rows)")
        let line = rows[first...].prefix(2).joined(separator: "\n")
        let sgr = line.components(separatedBy: "\u{1B}[").dropFirst().map { $0.prefix { $0 != "m" } }
        #expect(sgr.contains { $0.split(separator: ";").contains("36") }, "\(line.debugDescription)")
        #expect(sgr.contains { $0.split(separator: ";").contains("35") }, "\(line.debugDescription)")
        #expect(sgr.contains { $0.split(separator: ";").contains("4") }, "\(line.debugDescription)")
        tmux.bytes(Array("q".utf8))
        #expect(tmux.exitStatus() == 0)

        let log = try CodingLog.read(url: dir.appendingPathComponent("codings/alice.jsonl"))
        #expect(log.diagnostics.isEmpty)
        #expect(log.events.map(\.op) == [.set, .evidence, .evidence, .evidence, .set, .evidence])
        #expect(log.events.map(\.value) == [nil, true, false, true, nil, true])
        let quote = EvidenceQuote(field: .abstract, start: 50, end: 61, text: "on IEMOCAP.", fieldHash: Self.abstractHash)
        #expect(log.events[1...3].allSatisfy { $0.evidence == CodingEvent.Evidence(code: "healthcare", quote: quote) })
        #expect(log.events.first?.codes == ["healthcare"])
        #expect(log.events[4].dimension == "datasets" && log.events[4].codes == ["iemocap"])
        #expect(log.events[5].evidence == CodingEvent.Evidence(
            code: "iemocap", quote: EvidenceQuote(field: .abstract, start: 53, end: 61, text: "IEMOCAP.", fieldHash: Self.abstractHash)))
    }
}
