import Foundation
import Testing

/// An event in a log it does not belong in (a coder's `set` in the consensus log, an
/// `adjudicate` in a coder's log, another coder's event) is a malformed line for every
/// reader: `validate` and `status` name it, and no export, report or count uses it.
@Suite struct MisplacedEventCommandTests {
    /// Maya and Jon code p1 `relevance=ser-core`, and the consensus takes it automatically.
    /// Then, by hand: a `set` of p2 `out-of-scope` in the consensus log (line 2), an
    /// `adjudicate` of p3 `ser-dataset` in Maya's log (line 2), and an event of Jon's, p2
    /// `out-of-scope`, in Maya's log (line 3).
    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-misplaced-\(UUID().uuidString)")
        #expect(try LitcoderBinary.run(["init", root.path, "--empty"]).status == 0)
        try (1...3).map { "@article{p\($0), title={Paper \($0)}, year={2020}, abstract={Abstract \($0).}}\n" }.joined()
            .write(to: root.appendingPathComponent("refs.bib"), atomically: true, encoding: .utf8)
        #expect(try LitcoderBinary.run(["import", "refs.bib"], in: root).status == 0)
        for coder in ["maya", "jon"] {
            #expect(try LitcoderBinary.run(["set", "p1", "relevance=ser-core", "--coder", coder], in: root).status == 0)
        }
        #expect(try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "ana"], in: root).status == 0)
        let maya = root.appendingPathComponent("codings/maya.jsonl")
        let first = try #require(try String(contentsOf: maya, encoding: .utf8).split(separator: "\n").first)
        let event = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let hash = try #require(event["codebook"] as? String)
        let time = "2026-12-05T10:00:00.000Z"
        try append(#"{"v":1,"seq":2,"time":"\#(time)","coder":"_consensus","paper":"p2","op":"set","dim":"relevance","codes":["out-of-scope"],"codebook":"\#(hash)"}"#,
                   to: root.appendingPathComponent("codings/_consensus.jsonl"))
        try append(#"{"v":1,"seq":2,"time":"\#(time)","coder":"maya","paper":"p3","op":"adjudicate","dim":"relevance","codes":["ser-dataset"],"codebook":"\#(hash)","sources":["maya"],"automatic":false,"adjudicator":"maya"}"#,
                   to: maya)
        try append(#"{"v":1,"seq":3,"time":"\#(time)","coder":"jon","paper":"p2","op":"set","dim":"relevance","codes":["out-of-scope"],"codebook":"\#(hash)"}"#,
                   to: maya)
        return root
    }

    static func append(_ line: String, to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
    }

    static let consensusLine = "codings/_consensus.jsonl:2: error: malformed event: a 'set' event (coder '_consensus') in the consensus log, "
        + "which holds only 'adjudicate' decisions; the line is kept in place and left out of the codings\n"
    static let adjudicateLine = "codings/maya.jsonl:2: error: malformed event: an 'adjudicate' event (a consensus decision) in maya's log; "
        + "consensus decisions belong in codings/_consensus.jsonl; the line is kept in place and left out of the codings\n"
    static let otherCoderLine = "codings/maya.jsonl:3: error: malformed event: an event of coder 'jon' in maya's log, which holds only "
        + "maya's events (coder \"maya\"); the line is kept in place and left out of the codings\n"

    @Test func validateAndStatusReportEachLineWithWhatToDo() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }

        let validate = try LitcoderBinary.run(["validate"], in: root)
        #expect(validate.status == 1)
        for line in [Self.consensusLine, Self.adjudicateLine, Self.otherCoderLine] {
            #expect(validate.stdout.contains(line), "\(validate.stdout)")
        }
        #expect(validate.stdout.contains("  hint: make the decision with 'litcoder review' (or move the line to codings/_consensus.jsonl), and remove it here\n"))
        #expect(validate.stdout.contains("  hint: if it is jon's decision, make it in jon's log ('litcoder set … --coder jon') and remove the line; if it is maya's, correct its coder to \"maya\"\n"))
        #expect(validate.stdout.hasSuffix(": 3 errors, 0 warnings\n"), "no seq gap: each misplaced line keeps its seq")

        let status = try LitcoderBinary.run(["status"], in: root)
        #expect(status.status == 0)
        for line in [Self.consensusLine, Self.adjudicateLine, Self.otherCoderLine] {
            #expect(status.stderr.contains(line), "\(status.stderr)")
        }
        #expect(status.stdout.contains("maya:\n  2 malformed lines kept in place (see the messages above)\n"), "\(status.stdout)")
        #expect(status.stdout.contains("_consensus:\n  1 malformed line"), "\(status.stdout)")
        // Only p1 is compared (p2 and p3 hold no event of Maya's): one agreement, held.
        #expect(status.stdout.contains("  1 agreed, 0 adjudicated by hand, 0 open (of 0 disagreements)\n"), "\(status.stdout)")
    }

    @Test func noReaderUsesAMisplacedLine() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }

        let long = try LitcoderBinary.run(["export", "--format", "csv-long", "--consensus"], in: root)
        #expect(long.stdout == "paper,coder,dimension,code,evidence\r\np1,_consensus,relevance,ser-core,\r\n")
        #expect(long.stderr.contains(Self.consensusLine))

        let prisma = try LitcoderBinary.run(["prisma", "--format", "json"], in: root)
        let flow = try #require(try JSONSerialization.jsonObject(with: Data(prisma.stdout.utf8)) as? [String: Any])
        #expect(flow["screened"] as? Int == 1, "only p1: the consensus log's 'set' of p2 is left out")
        #expect(flow["excluded"] as? Int == 0)

        let mine = try LitcoderBinary.run(["export", "--format", "csv-long", "--coder", "maya"], in: root)
        #expect(mine.stdout == "paper,coder,dimension,code,evidence\r\np1,maya,relevance,ser-core,\r\n")

        for paper in ["p2", "p3"] {
            let show = try LitcoderBinary.run(["show", paper, "--coder", "maya"], in: root)
            #expect(show.stdout.contains("  relevance: —\n"), "\(paper): \(show.stdout)")
        }

        let disagreements = try LitcoderBinary.run(["disagreements"], in: root)
        #expect(disagreements.stdout == "no disagreements among jon, maya\n", "\(disagreements.stdout)")
    }

    @Test func theNextEventFollowsTheMisplacedLinesSeq() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }

        #expect(try LitcoderBinary.run(["set", "p2", "relevance=ser-adjacent", "--coder", "maya"], in: root).status == 0)
        let lines = try String(contentsOf: root.appendingPathComponent("codings/maya.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.last?.contains(#""seq":4,"#) == true, "\(lines.last ?? "")")
        let validate = try LitcoderBinary.run(["validate"], in: root)
        #expect(!validate.stdout.contains("seq"), "\(validate.stdout)")
        let show = try LitcoderBinary.run(["show", "p2", "--coder", "maya"], in: root)
        #expect(show.stdout.contains("  relevance: ser-adjacent\n"))
    }
}
