import Foundation
import Testing
@testable import LitCoderCore

/// Evidence lines in a log on disk that are damaged or hand-edited: each is reported at its
/// line, never half-applied and never a crash; a quote that reads whole but no longer points at
/// its words is kept and reported by `validate` at the line that attached it.
///
/// Offsets and hashes are those of `EvidenceTests.paper`, counted by hand there.
@Suite struct EvidenceLogTests {
    static let head = #"{"v":2,"seq":SEQ,"time":"t","coder":"alice","paper":"p1","op":"evidence","dim":"motivation","#
    static let tail = #","codebook":"h"}"#

    static func line(_ seq: Int, _ fields: String) -> String {
        head.replacingOccurrences(of: "SEQ", with: String(seq)) + fields + tail
    }

    /// Damaged lines, each with words its diagnostic must contain.
    static let damaged: [(fields: String, says: String)] = [
        (#""code":"healthcare","field":"abstract","start":-1,"end":3,"quote":"Caf","hash":"x","value":true"#, "start -1 and end 3 are not a span"),
        (#""code":"healthcare","field":"abstract","start":4,"end":4,"quote":"","hash":"x","value":true"#, "start 4 and end 4 are not a span"),
        (#""code":"healthcare","field":"abstract","start":9,"end":4,"quote":"Café","hash":"x","value":true"#, "start 9 and end 4 are not a span"),
        (#""code":"healthcare","field":"abstract","start":0,"end":2147483648,"quote":"Café","hash":"x","value":true"#, "are not a span"),
        (#""code":"healthcare","field":"abstract","start":0,"end":99999999999999999999999,"quote":"Café","hash":"x","value":true"#,
         #""end" should be a whole number"#),
        // Past what any JSON reader here holds: Foundation's own words, at the line.
        (#""code":"healthcare","field":"abstract","start":1e400,"end":4,"quote":"Café","hash":"x","value":true"#, "not valid JSON"),
        (#""code":"healthcare","field":"abstract","start":0.5,"end":4,"quote":"Café","hash":"x","value":true"#,
         #""start" should be a whole number; it is 0.5"#),
        (#""code":"healthcare","field":"abstract","start":"0","end":4,"quote":"Café","hash":"x","value":true"#, "start"),
        (#""code":"healthcare","field":"abstract","start":0,"end":5,"quote":"Café","hash":"x","value":true"#, "the quote has 4 characters but start–end spans 5"),
        (#""code":"healthcare","field":"body","start":0,"end":4,"quote":"Café","hash":"x","value":true"#, "'body' is not title or abstract"),
        (#""field":"abstract","start":0,"end":4,"quote":"Café","hash":"x","value":true"#, "code"),
        (#""code":"healthcare","field":"abstract","start":0,"end":4,"quote":"Café","value":true"#, "hash"),
        (#""code":"healthcare","field":"abstract","start":0,"end":4,"quote":"Café","hash":"x""#, "value"),
        (#""value":true"#, "code"),
    ]

    @Test(arguments: damaged.indices)
    func aDamagedEvidenceLineIsReportedAtItsLineAndLeftOut(index: Int) throws {
        let (fields, says) = Self.damaged[index]
        let folder = try TemporaryFolder()
        // A good line either side: the damaged one is line 2, and only it is left out.
        let good = #""code":"healthcare","field":"abstract","start":0,"end":4,"quote":"Café","hash":"x","value":true"#
        try folder.write("codings/alice.jsonl", [Self.line(1, good), Self.line(2, fields), Self.line(3, good)].joined(separator: "\n") + "\n")
        let contents = try CodingLog.read(url: folder.file("codings/alice.jsonl"))
        #expect(contents.events.map(\.seq) == [1, 3])
        #expect(contents.health.malformedLines == 1)
        let diagnostic = try #require(contents.diagnostics.first)
        // The other: seq 2 is missing from what was read.
        #expect(contents.diagnostics.map(\.line) == [2, 3])
        #expect(contents.diagnostics.last?.message == "seq jumps from 1 to 3: seq 2 is missing")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.hasPrefix("malformed event: "), "\(diagnostic.message)")
        #expect(diagnostic.message.contains(says), "\(diagnostic.message)")
    }

    /// A log of a million-digit offset is read in time linear in its length, and refused.
    @Test func aHugeNumberIsRefusedWithoutBlowingUp() throws {
        let folder = try TemporaryFolder()
        let digits = String(repeating: "9", count: 1_000_000)
        try folder.write("codings/alice.jsonl", Self.line(1, #""code":"healthcare","field":"abstract","start":0,"end":"# + digits
            + #","quote":"Café","hash":"x","value":true"#) + "\n")
        let contents = try CodingLog.read(url: folder.file("codings/alice.jsonl"))
        #expect(contents.events.isEmpty)
        #expect(contents.diagnostics.map(\.line) == [1])
    }

    /// Quotes that read whole but whose words are not (or no longer) at their offsets: kept in
    /// the log, out of sight, and each reported by `validate` at the line that attached it.
    @Test func validateReportsEveryQuoteThatDoesNotStandAtItsLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("proj/litcoder.yaml", "name: t\ncodebook: cb.yaml\ncorpus: papers.jsonl\n")
        try folder.write("proj/cb.yaml", """
            id: ev
            title: Evidence
            version: "1"
            dimensions:
              - id: motivation
                label: Motivation
                kind: multi
                codes:
                  - {id: healthcare, label: Healthcare, definition: Health.}

            """)
        let paper = EvidenceTests.paper
        try folder.write("proj/papers.jsonl", String(decoding: try JSONEncoder().encode(paper), as: UTF8.self) + "\n")
        let hash = EvidenceTests.abstractHash
        let set = #"{"v":1,"seq":1,"time":"t","coder":"alice","paper":"p1","op":"set","dim":"motivation","codes":["healthcare"],"codebook":"h"}"#
        try folder.write("proj/codings/alice.jsonl", [
            set,
            // Line 2: past the end of the 48-scalar abstract.
            Self.line(2, #""code":"healthcare","field":"abstract","start":100,"end":104,"quote":"Café","hash":"\#(hash)","value":true"#),
            // Line 3: in range, but other words are there ("Café" is at 0–4).
            Self.line(3, #""code":"healthcare","field":"abstract","start":1,"end":5,"quote":"Café","hash":"\#(hash)","value":true"#),
            // Line 4: the words are there, the hash is of another text: a note, not a warning.
            Self.line(4, #""code":"healthcare","field":"abstract","start":15,"end":26,"quote":"情感 😀 stress","hash":"0000","value":true"#),
            // Line 5: stands, with the right hash: nothing to say.
            Self.line(5, #""code":"healthcare","field":"title","start":0,"end":6,"quote":"Stress","hash":"\#(EvidenceTests.titleHash)","value":true"#),
        ].joined(separator: "\n") + "\n")
        let validation = ProjectValidation.project(try Project.load(root: folder.file("proj")))
        let evidence = validation.diagnostics.filter { $0.message.contains("quote") }
        #expect(evidence.map(\.severity) == [.warning, .warning, .note])
        #expect(evidence.map(\.file) == ["codings/alice.jsonl", "codings/alice.jsonl", "codings/alice.jsonl"])
        // In the order of the quotes' places in the abstract.
        #expect(evidence.map(\.line) == [3, 2, nil])
        #expect(evidence[0].message == "paper 'p1', motivation=healthcare: the quote “Café” is stale: the abstract changed: "
            + "the quoted words are no longer at abstract 1–5 (they are now at 0–4); it is left out of highlights and exports")
        #expect(evidence[1].message.contains("no longer at abstract 100–104 (they are now at 0–4)"), "\(evidence[1].message)")
        #expect(evidence[2].message.hasPrefix("1 quote was taken from an earlier version of a title or abstract"))
        #expect(evidence[0].hint?.contains(#"litcoder evidence p1 motivation healthcare "Café" --coder alice --remove"#) == true)

        // Nothing stale is drawn or exported as if it stood: only the two that stand remain.
        let state = try CodingLog.read(url: folder.file("proj/codings/alice.jsonl"))
        let coding = CodingState(coder: "alice", replaying: state.events).coding(for: "p1")
        let check = QuoteCheck(paper: paper)
        #expect(coding.quotes(dimension: "motivation", code: "healthcare").filter(check.holds).map(\.text) == ["Stress", "情感 😀 stress"])
    }
}
