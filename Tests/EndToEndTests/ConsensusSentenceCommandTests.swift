import Foundation
import Testing

/// What the methods paragraph, the HTML report, `status` and `consensus --auto-agreed` say
/// of the consensus is true beside the numbers they give, and describes the consensus that
/// `export --consensus` holds.
@Suite struct ConsensusSentenceCommandTests {
    static func project(_ name: String, papers: Int) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-\(name)-\(UUID().uuidString)")
        #expect(try LitcoderBinary.run(["init", root.path, "--empty"]).status == 0)
        try (1...papers).map { "@article{p\($0), title={Paper \($0)}, year={2020}, abstract={Abstract \($0).}}\n" }.joined()
            .write(to: root.appendingPathComponent("refs.bib"), atomically: true, encoding: .utf8)
        #expect(try LitcoderBinary.run(["import", "refs.bib"], in: root).status == 0)
        return root
    }

    static func set(_ paper: String, _ value: String, _ coder: String, in root: URL) throws {
        let result = try LitcoderBinary.run(["set", paper, value, "--coder", coder], in: root)
        #expect(result.status == 0, "\(result.stderr)")
    }

    static func codebookHash(_ root: URL, coder: String) throws -> String {
        let log = try String(contentsOf: root.appendingPathComponent("codings/\(coder).jsonl"), encoding: .utf8)
        let first = try #require(log.split(separator: "\n").first)
        let event = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        return try #require(event["codebook"] as? String)
    }

    /// Maya codes p1 only and Jon p2 only: nothing is coded twice.
    @Test func withNoDoubleCodingTheMethodsSayThereWasNothingToCompare() throws {
        let root = try Self.project("nodouble", papers: 2)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.set("p1", "relevance=ser-core", "maya", in: root)
        try Self.set("p2", "relevance=out-of-scope", "jon", in: root)
        #expect(try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "lee"], in: root).status == 0)

        let methods = try LitcoderBinary.run(["export", "--format", "methods"], in: root)
        #expect(methods.status == 0)
        #expect(methods.stdout.contains("0 papers were coded by two or more coders."))
        #expect(methods.stdout.hasSuffix(" No consensus has been adjudicated yet. "
            + "No dimension of any paper was coded by two or more coders, so there were no codings to compare.\n"), "\(methods.stdout)")
        #expect(!methods.stdout.contains("did not disagree"))
    }

    /// p1: Maya `ser-core`, Jon `ser-adjacent`; an adjudicator (lee) takes Maya's `ser-core` by
    /// hand; then Maya changes to `ser-adjacent`, so both coders now say `ser-adjacent`: a
    /// decision by hand the coders have moved away from. p2: Maya `ser-core`, Jon
    /// `out-of-scope`, adjudicated by hand `ser-core`: a disagreement decided.
    static func movedAwayProject() throws -> URL {
        let root = try project("movedaway", papers: 2)
        try set("p1", "relevance=ser-core", "maya", in: root)
        try set("p1", "relevance=ser-adjacent", "jon", in: root)
        try set("p2", "relevance=ser-core", "maya", in: root)
        try set("p2", "relevance=out-of-scope", "jon", in: root)
        let hash = try codebookHash(root, coder: "maya")
        let lines = [("p1", 1), ("p2", 2)].map { paper, seq in
            #"{"v":1,"seq":\#(seq),"time":"2026-12-05T10:00:00.000Z","coder":"_consensus","paper":"\#(paper)","op":"adjudicate","dim":"relevance","codes":["ser-core"],"codebook":"\#(hash)","sources":["maya"],"automatic":false,"adjudicator":"lee"}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(to: root.appendingPathComponent("codings/_consensus.jsonl"), atomically: true, encoding: .utf8)
        try set("p1", "relevance=ser-adjacent", "maya", in: root)
        return root
    }

    @Test func aDecisionByHandTheCodersMovedAwayFromIsNamedAndNeverOverridden() throws {
        let root = try Self.movedAwayProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let consensusLog = root.appendingPathComponent("codings/_consensus.jsonl")
        let before = try Data(contentsOf: consensusLog)

        // One agreement (p1), held by hand with another value: not "already there".
        let taken = try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "lee"], in: root)
        #expect(taken.stdout == "codings/_consensus.jsonl: added 0 agreed decisions (0 of 1 agreements already there; "
            + "1 decided by hand with another value than the one the coders now agree on, never changed automatically: "
            + "'litcoder review' shows it to decide again); 0 disagreements left for 'litcoder review'\n", "\(taken.stdout)")
        #expect(try Data(contentsOf: consensusLog) == before, "a decision by hand is never overridden")

        // Adjudicated (p2) and open (none) add up to the one disagreement; p1 is said apart.
        let status = try LitcoderBinary.run(["status"], in: root)
        #expect(status.stdout.contains("""
            Consensus (paper × dimension decisions, against jon, maya):
              0 agreed, 1 adjudicated by hand, 0 open (of 1 disagreement)
              1 more decided by hand where the coders now agree
              1 decided by hand with another value than the one the coders now agree on (never changed automatically); to decide it again: litcoder review

            """), "\(status.stdout)")

        let long = try LitcoderBinary.run(["export", "--format", "csv-long", "--consensus"], in: root)
        #expect(long.stdout == "paper,coder,dimension,code,evidence\r\np1,_consensus,relevance,ser-core,\r\np2,_consensus,relevance,ser-core,\r\n")
        #expect(long.stderr == "note: consensus: 0 agreed, 1 adjudicated by hand, 0 open (of 1 disagreement); "
            + "1 more decided by hand where the coders now agree (1 with another value than theirs: 'litcoder review' shows it to decide again)\n")

        let methods = try LitcoderBinary.run(["export", "--format", "methods"], in: root)
        #expect(methods.stdout.hasSuffix("The consensus coding covers 2 papers: 0 decisions on a paper\u{2019}s dimension were taken where all coders agreed, "
            + "and 2 were made by an adjudicator (lee). The one disagreement was resolved by adjudication. "
            + "One decision made by an adjudicator is on a paper\u{2019}s dimension the coders now agree on, with another value than theirs: "
            + "it is to be decided again.\n"), "\(methods.stdout)")

        let html = try LitcoderBinary.run(["export", "--format", "html", "-o", "-"], in: root)
        #expect(html.stdout.contains("Consensus, in paper × dimension decisions: 0 agreed, 1 adjudicated by hand, "
            + "1 more decided by hand where the coders now agree (<strong class=\"open\">1 with another value than theirs, to decide again</strong>) "
            + "(by lee), none open (of 1 disagreement)."), "\(html.stdout)")
    }

    /// `review` shows the stale decision (p1) to decide again, beside the disagreement already
    /// decided (p2); taking Maya's value there makes it stand with the coders' value.
    @Test func reviewShowsAStaleDecisionToDecideAgain() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let root = try Self.movedAwayProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let tmux = TmuxDriver(name: "review-stale")
        defer { tmux.stop() }
        tmux.start([LitcoderBinary.url.path, "review", "--adjudicator", "lee"], in: root, width: 110, height: 30)
        guard tmux.wait(for: "1 of 2 resolved", seconds: 20) else { return }
        #expect(tmux.wait(for: "the coders now agree; decided by hand otherwise"))
        #expect(tmux.wait(for: "p1  Paper 1"))
        tmux.keys("1")
        tmux.wait(for: "reason, Enter saves")
        tmux.keys("Enter")
        #expect(tmux.wait(for: "2 of 2 resolved"))
        tmux.keys("q")
        #expect(tmux.exitStatus(seconds: 20) == 0)

        let log = try String(contentsOf: root.appendingPathComponent("codings/_consensus.jsonl"), encoding: .utf8)
        let lines = log.split(separator: "\n")
        #expect(lines.count == 3)
        let lastLine = try #require(lines.last)
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any])
        #expect(last["paper"] as? String == "p1")
        #expect(last["codes"] as? [String] == ["ser-adjacent"])
        #expect(last["automatic"] as? Bool == false)
        #expect(last["adjudicator"] as? String == "lee")

        let status = try LitcoderBinary.run(["status"], in: root)
        #expect(status.stdout.contains("  0 agreed, 1 adjudicated by hand, 0 open (of 1 disagreement)\n  1 more decided by hand where the coders now agree\n\n"),
                "\(status.stdout)")
        #expect(!status.stdout.contains("another value"))
    }

    /// With no disagreement left at all, the methods do not claim the coders never disagreed
    /// beside a decision an adjudicator made.
    @Test func noDisagreementBesideADecisionByHandIsWordedTruly() throws {
        let root = try Self.movedAwayProject()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.set("p2", "relevance=ser-core", "jon", in: root)  // now both agree on p2 too, with the decided value

        let methods = try LitcoderBinary.run(["export", "--format", "methods"], in: root)
        #expect(methods.stdout.hasSuffix("and 2 were made by an adjudicator (lee). "
            + "The coders\u{2019} current codings do not disagree on any paper\u{2019}s dimension. "
            + "2 decisions made by an adjudicator are on papers\u{2019} dimensions the coders now agree on, 1 of them with another value than theirs: "
            + "it is to be decided again.\n"), "\(methods.stdout)")
        #expect(!methods.stdout.contains("did not disagree"))
        let status = try LitcoderBinary.run(["status"], in: root)
        #expect(status.stdout.contains("  0 agreed, 0 adjudicated by hand, 0 open (of 0 disagreements)\n  2 more decided by hand where the coders now agree\n"))
    }

    /// Maya and Jon code p1 and p2 `ser-core`; Ana codes p2 `out-of-scope`; the consensus is
    /// taken among Maya and Jon only. Against every coder with codings, p1 is agreed and p2
    /// an open disagreement: so `export --consensus` holds p1 alone, and the methods and the
    /// HTML report, even with `--coders maya,jon`, say that consensus.
    @Test func theMethodsDescribeTheConsensusTheExportHoldsWhateverCodersAreCompared() throws {
        let root = try Self.project("subset", papers: 2)
        defer { try? FileManager.default.removeItem(at: root) }
        for coder in ["maya", "jon"] {
            try Self.set("p1", "relevance=ser-core", coder, in: root)
            try Self.set("p2", "relevance=ser-core", coder, in: root)
        }
        try Self.set("p2", "relevance=out-of-scope", "ana", in: root)
        #expect(try LitcoderBinary.run(["consensus", "--auto-agreed", "--coders", "maya,jon", "--adjudicator", "lee"], in: root).status == 0)

        let long = try LitcoderBinary.run(["export", "--format", "csv-long", "--consensus"], in: root)
        #expect(long.stdout == "paper,coder,dimension,code,evidence\r\np1,_consensus,relevance,ser-core,\r\n")

        let expected = "The consensus coding, measured against every coder with codings (ana, jon and maya), covers 1 paper: "
            + "1 decision on a paper\u{2019}s dimension was taken where all coders agreed, and 0 were made by an adjudicator. "
            + "Of 1 disagreement, none was adjudicated; 1 remains open.\n"
        let methods = try LitcoderBinary.run(["export", "--format", "methods", "--coders", "maya,jon"], in: root)
        #expect(methods.stdout.contains("2 coders (maya and jon) coded the abstracts independently"), "\(methods.stdout)")
        #expect(methods.stdout.hasSuffix(expected), "\(methods.stdout)")
        #expect(!methods.stdout.contains("did not disagree"))
        let all = try LitcoderBinary.run(["export", "--format", "methods"], in: root)
        #expect(all.stdout.hasSuffix("The consensus coding covers 1 paper: 1 decision on a paper\u{2019}s dimension was taken where all coders agreed, "
            + "and 0 were made by an adjudicator. Of 1 disagreement, none was adjudicated; 1 remains open.\n"), "\(all.stdout)")

        let html = try LitcoderBinary.run(["export", "--format", "html", "--coders", "maya,jon", "-o", "-"], in: root)
        #expect(html.stdout.contains("Consensus, in paper × dimension decisions: 1 agreed, 0 adjudicated by hand, "
            + "<strong class=\"open\">1 still open</strong> (of 1 disagreement). Measured against every coder with codings: ana, jon, maya.</p>"),
                "\(html.stdout)")
    }
}
