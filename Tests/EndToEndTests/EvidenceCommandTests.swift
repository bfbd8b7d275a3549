import Foundation
import LitCoderCore
import Testing

/// `litcoder evidence` and `show` through the built binary: exact output, exit statuses and
/// the log on disk.
///
/// p1's abstract is "Café patients: 情感 😀 stress.  Les élèves\nparlent." and its title "Stress in
/// café", counted by hand in `EvidenceTests` (LitCoderCoreTests) and checked with Python's
/// `str.find`: "情感 😀 stress" 15–26, "élèves\nparlent." 33–48, title "café" 10–14. The SHA-256
/// values are hashlib's of the same UTF-8 bytes.
@Suite struct EvidenceCommandTests {
    static let abstractHash = "2e5d9785b10d66419d089e40f367fa1914c3acd8753dcc6355ebf1cb47d5ff2e"
    static let titleHash = "8c3f48e21adf5d602d63f627789125fc435da73e12a81bca7973d5759fb92e61"
    static let codebook = """
        id: ev
        title: Evidence
        version: "1"
        dimensions:
          - id: motivation
            label: Motivation
            kind: multi
            codes:
              - {id: healthcare, label: Healthcare, definition: Health.}
              - {id: hci, label: HCI, definition: Interaction.}
          - id: comment
            label: Comment
            kind: text

        """
    static let papers = #"""
        {"id":"p1","title":"Stress in café","abstract":"Café patients: 情感 😀 stress.  Les élèves\nparlent."}
        {"id":"p2","title":"Other","abstract":"Nothing."}

        """#

    /// A project made by `init` from the files above.
    final class Sandbox {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-evidence-\(UUID().uuidString)")
        var project: URL { root.appendingPathComponent("proj") }
        var logURL: URL { project.appendingPathComponent("codings/alice.jsonl") }

        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try EvidenceCommandTests.codebook.write(to: root.appendingPathComponent("cb.yaml"), atomically: true, encoding: .utf8)
            try EvidenceCommandTests.papers.write(to: root.appendingPathComponent("papers.jsonl"), atomically: true, encoding: .utf8)
            let made = try LitcoderBinary.run(["init", "proj", "--codebook", "cb.yaml", "--corpus", "papers.jsonl"], in: root)
            #expect(made.status == 0, "\(made.stderr)")
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func evidence(_ arguments: String...) throws -> LitcoderBinary.Result {
            try LitcoderBinary.run(["evidence"] + arguments + ["--coder", "alice"], in: project)
        }

        var logBytes: Data? { FileManager.default.contents(atPath: logURL.path) }
        func events() throws -> [CodingEvent] { try CodingLog.read(url: logURL).events }
    }

    @Test func attachingCodesTheCodeAndWritesTheQuoteWithItsOffsetsAndHash() throws {
        let box = try Sandbox()
        // Typed with other white space than the abstract has: the first occurrence is quoted
        // as the abstract has it.
        let first = try box.evidence("p1", "motivation", "healthcare", "  情感 😀\t  stress ")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "p1: coded motivation=healthcare and quoted “情感 😀 stress” (abstract 15–26) as its evidence; "
            + "saved 2 events for alice (codings/alice.jsonl)\n")
        #expect(first.stderr == "")
        let lines = try String(contentsOf: box.logURL, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""op":"set","dim":"motivation","codes":["healthcare"]"#))
        #expect(lines[1].hasPrefix(#"{"v":2,"seq":2,"time":""#))
        #expect(lines[1].contains(#""coder":"alice","paper":"p1","op":"evidence","dim":"motivation","code":"healthcare","field":"abstract","start":15,"end":26,"quote":"情感 😀 stress","hash":"\#(Self.abstractHash)","value":true,"codebook":""#),
                "\(lines[1])")

        // A line break in the abstract: quoted with it, shown on one line.
        let broken = try box.evidence("p1", "motivation", "healthcare", "élèves parlent.")
        #expect(broken.stdout == "p1: quoted “élèves parlent.” (abstract 33–48) as evidence for motivation=healthcare; "
            + "saved 1 event for alice (codings/alice.jsonl)\n")
        #expect(try box.events().last?.evidence?.quote.text == "élèves\nparlent.")

        // The title is searched first.
        let title = try box.evidence("p1", "motivation", "hci", "café")
        #expect(title.stdout == "p1: coded motivation=hci and quoted “café” (title 10–14) as its evidence; "
            + "saved 2 events for alice (codings/alice.jsonl)\n")
        let quote = try #require(try box.events().last?.evidence?.quote)
        #expect(quote == EvidenceQuote(field: .title, start: 10, end: 14, text: "café", fieldHash: Self.titleHash))

        // Attaching it again changes nothing and writes nothing.
        let before = box.logBytes
        let again = try box.evidence("p1", "motivation", "hci", "café")
        #expect(again.status == 0)
        #expect(again.stdout == "p1: “café” (title 10–14) is already evidence for motivation=hci (alice); unchanged\n")
        #expect(box.logBytes == before)
    }

    @Test func wordsThatAreNotThereAreRefusedAndNothingIsWritten() throws {
        let box = try Sandbox()
        for typed in ["stress!", "cafe", "情感😀", "Stress in café patients"] {
            let result = try box.evidence("p1", "motivation", "healthcare", typed)
            #expect(result.status == 1, "\(typed)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("error: '\(typed)' is not in the title or abstract of p1; nothing was written\n"), "\(result.stderr)")
        }
        #expect(box.logBytes == nil, "not even an empty log")
        let empty = try box.evidence("p1", "motivation", "healthcare", " \t ")
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix("error: TEXT is empty: give the words to quote, as the title or abstract has them\n"), "\(empty.stderr)")
        #expect(box.logBytes == nil)
        // A log that exists stays byte for byte.
        _ = try box.evidence("p1", "motivation", "healthcare", "Les")
        let before = box.logBytes
        let refused = try box.evidence("p1", "motivation", "hci", "Les élèves parlent!")
        #expect(refused.status == 1)
        #expect(box.logBytes == before)
    }

    @Test(arguments: [
        (["p9", "motivation", "hci", "Les"], "error: no paper 'p9' in the corpus; did you mean 'p1' or 'p2'?"),
        (["p1", "motivation", "hcx", "Les"], "error: dimension 'motivation' has no code 'hcx'; did you mean 'hci'?"),
        (["p1", "comment", "x", "Les"], "error: dimension 'comment' takes text or a number, not codes; a quote is evidence for a code"),
    ])
    func aWrongTargetIsAUsageError(arguments: [String], message: String) throws {
        let box = try Sandbox()
        let result = try LitcoderBinary.run(["evidence"] + arguments + ["--coder", "alice"], in: box.project)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix(message + "\n"), "\(result.stderr)")
        #expect(box.logBytes == nil)
    }

    @Test func removeTakesTheQuoteOffAndKeepsTheCode() throws {
        let box = try Sandbox()
        _ = try box.evidence("p1", "motivation", "healthcare", "情感 😀 stress")
        let removed = try box.evidence("p1", "motivation", "healthcare", "情感 😀 stress", "--remove")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "p1: removed “情感 😀 stress” (abstract 15–26) from motivation=healthcare; "
            + "saved 1 event for alice (codings/alice.jsonl)\n")
        let events = try box.events()
        #expect(events.map(\.op) == [.set, .evidence, .evidence])
        #expect(events.last?.value == false)
        #expect(events.last?.evidence?.quote == EvidenceQuote(field: .abstract, start: 15, end: 26, text: "情感 😀 stress",
                                                              fieldHash: Self.abstractHash))
        // Not attached (any more): refused, nothing written.
        let before = box.logBytes
        let again = try box.evidence("p1", "motivation", "healthcare", "情感 😀 stress", "--remove")
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("error: no quote '情感 😀 stress' is attached to motivation=healthcare of p1; nothing was written\n"),
                "\(again.stderr)")
        #expect(box.logBytes == before)
        let show = try LitcoderBinary.run(["show", "p1", "--coder", "alice"], in: box.project)
        #expect(show.stdout.contains("  motivation: healthcare\n  comment: —\n"), "\(show.stdout)")
    }

    @Test func showListsTheQuotesInTextAndJSON() throws {
        let box = try Sandbox()
        _ = try box.evidence("p1", "motivation", "healthcare", "情感 😀 stress")
        _ = try box.evidence("p1", "motivation", "healthcare", "élèves parlent.")
        _ = try box.evidence("p1", "motivation", "hci", "café")
        let text = try LitcoderBinary.run(["show", "p1", "--coder", "alice"], in: box.project)
        #expect(text.status == 0)
        #expect(text.stdout.contains("""
              motivation: healthcare, hci
                evidence for healthcare: “情感 😀 stress” (abstract 15–26)
                evidence for healthcare: “élèves parlent.” (abstract 33–48)
                evidence for hci: “café” (title 10–14)
              comment: —

            """), "\(text.stdout)")

        let json = try LitcoderBinary.run(["show", "p1", "--coder", "alice", "--format", "json"], in: box.project)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let coding = try #require(object["coding"] as? [String: Any])
        let evidence = try #require(coding["evidence"] as? [String: [String: [[String: Any]]]])
        let healthcare = try #require(evidence["motivation"]?["healthcare"])
        #expect(healthcare.map { $0["start"] as? Int } == [15, 33])
        #expect(healthcare.map { $0["end"] as? Int } == [26, 48])
        #expect(healthcare.map { $0["quote"] as? String } == ["情感 😀 stress", "élèves\nparlent."])
        #expect(healthcare.map { $0["field"] as? String } == ["abstract", "abstract"])
        #expect(healthcare.map { $0["hash"] as? String } == [Self.abstractHash, Self.abstractHash])
        #expect(healthcare.map { $0["stale"] as? Bool } == [false, false])
        #expect(evidence["motivation"]?["hci"]?.first?["field"] as? String == "title")
    }

    @Test func aCorrectedAbstractMakesTheQuoteStaleInShow() throws {
        let box = try Sandbox()
        _ = try box.evidence("p1", "motivation", "healthcare", "情感 😀 stress")
        // The abstract is corrected before the quote: its words move 4 scalars on.
        let corpus = box.project.appendingPathComponent("corpus/papers.jsonl")
        let text = try String(contentsOf: corpus, encoding: .utf8)
        try text.replacingOccurrences(of: "Café patients:", with: "Les Café patients:").write(to: corpus, atomically: true, encoding: .utf8)
        let show = try LitcoderBinary.run(["show", "p1", "--coder", "alice"], in: box.project)
        #expect(show.stdout.contains("    evidence for healthcare: “情感 😀 stress” (abstract 15–26) — STALE: the abstract changed: "
            + "the quoted words are no longer at abstract 15–26 (they are now at 19–30)\n"), "\(show.stdout)")
        // Left out of csv-long, with a warning; marked stale in json.
        let long = try LitcoderBinary.run(["export", "--format", "csv-long", "--coder", "alice"], in: box.project)
        #expect(long.stdout == "paper,coder,dimension,code,evidence\r\np1,alice,motivation,healthcare,\r\n")
        #expect(long.stderr.contains("codings/alice.jsonl: warning: 1 quote is stale (the paper's text changed under it): "
            + "marked stale in json, left out of csv-long, qdpx and html"), "\(long.stderr)")
        let json = try LitcoderBinary.run(["export", "--format", "jsonl", "--coder", "alice"], in: box.project)
        #expect(json.stdout.contains(#""stale":true"#), "\(json.stdout)")
        let validate = try LitcoderBinary.run(["validate"], in: box.project)
        #expect(validate.stdout.contains("codings/alice.jsonl:2: warning: paper 'p1', motivation=healthcare: the quote “情感 😀 stress” is stale"),
                "\(validate.stdout)\(validate.stderr)")
    }
}
