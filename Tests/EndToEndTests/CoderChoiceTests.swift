import Foundation
import Testing
import LitCoderCore

/// Which coders the commands count: empty logs never, and the reports compare every coder
/// with codings unless `--coders` says otherwise, whatever the consensus holds.
@Suite struct CoderChoiceTests {
    @Test func anEmptyLogDoesNotMakeACoder() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        try Data().write(to: fixture.root.appendingPathComponent("codings/ghost.jsonl"))
        for arguments in [["agree", "--format", "json", "--bootstrap", "0"], ["export", "--format", "methods"]] {
            let result = try LitcoderBinary.run(arguments, in: fixture.root)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("ghost"), "\(arguments): \(result.stdout)")
        }
        let status = try LitcoderBinary.run(["status"], in: fixture.root)
        #expect(status.stdout.contains("ghost       0    0/6     0        0  no codings yet"), "\(status.stdout)")
    }

    /// With `coders:` in litcoder.yaml, a writing command refuses any other name, creating nothing.
    @Test(arguments: [
        ["set", "p1", "data=acted", "--coder", "alicee"],
        ["codings", "import", "in.csv", "--coder", "alicee"],
    ])
    func aNameTheProjectDoesNotListIsRefused(arguments: [String]) throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        try "name: fixture\ncodebook: codebooks/fixture.yaml\ncorpus: corpus/papers.jsonl\ncoders: [alice, bob, carol]\n"
            .write(to: fixture.root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        try "paper,dimension,code\np1,data,acted\n".write(to: fixture.root.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let refused = try LitcoderBinary.run(arguments, in: fixture.root)
        #expect(refused.status == 64)
        #expect(refused.stderr == """
            error: 'alicee' is not a coder of this project; did you mean 'alice'?
              hint: litcoder.yaml lists the coders under 'coders:' (alice, bob, carol); add 'alicee' there, or pass --new-coder to start a new coder

            """)
        #expect(refused.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("codings/alicee.jsonl").path))
        let meant = try LitcoderBinary.run(arguments + ["--new-coder"], in: fixture.root)
        #expect(meant.status == 0, "\(meant.stderr)")
        #expect(try CodingLog.read(url: fixture.root.appendingPathComponent("codings/alicee.jsonl")).events.count == 1)
        let listed = try LitcoderBinary.run(["set", "p1", "data=acted", "--coder", "bob"], in: fixture.root)
        #expect(listed.status == 0, "\(listed.stderr)")
    }

    /// A log of views alone (a mistyped name that opened the workbench) makes no coder anywhere.
    @Test func aLogWithoutDecisionsMakesNoCoder() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        try #"{"v":1,"seq":1,"time":"2026-01-01T00:00:00.000Z","coder":"zed","paper":"p1","op":"view","codebook":"h"}"#
            .appending("\n").write(to: fixture.root.appendingPathComponent("codings/zed.jsonl"), atomically: true, encoding: .utf8)
        for arguments in [["agree", "--format", "json", "--bootstrap", "0"], ["disagreements", "--format", "csv"],
                          ["export", "--format", "methods"], ["export", "--format", "csv", "--all"],
                          ["export", "--format", "json", "--all"], ["summary", "--all", "--format", "csv"]] {
            let result = try LitcoderBinary.run(arguments, in: fixture.root)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("zed"), "\(arguments): \(result.stdout)")
        }
        #expect(try LitcoderBinary.run(["round", "add", "pilot", "--papers", "p1,p2"], in: fixture.root).status == 0)
        // alice, bob and carol coded p1 and p2 but marked neither done.
        let rounds = try LitcoderBinary.run(["round", "list"], in: fixture.root)
        #expect(rounds.stdout == """
            round  papers  chosen  alice done  bob done  carol done
            -----  ------  ------  ----------  --------  ----------
            pilot       2  listed           0         0           0

            """, "\(rounds.stdout)")
        let roundsJSON = try LitcoderBinary.run(["round", "list", "--format", "json"], in: fixture.root)
        #expect(!roundsJSON.stdout.contains("zed"), "\(roundsJSON.stdout)")
        #expect(roundsJSON.stdout.contains(#""alice": 0"#), "\(roundsJSON.stdout)")
        let status = try LitcoderBinary.run(["status"], in: fixture.root)
        // coder (5 wide), events (6), coded (5), done (4), flagged (7), then the state.
        let zed = status.stdout.split(separator: "\n").first { $0.hasPrefix("zed") }
        #expect(zed == "zed         1    0/6     0        0  no codings yet", "\(status.stdout)")
        let named = try LitcoderBinary.run(["agree", "--coders", "alice,zed"], in: fixture.root)
        #expect(named.status == 1)
        #expect(named.stderr.contains("no codings by zed in codings/; coders with codings: alice, bob, carol"), "\(named.stderr)")
    }

    @Test func aRejectedCodingsImportLeavesNoLog() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let input = fixture.root.appendingPathComponent("bad.csv")
        try "paper,coder,dimension,code\nnope,lee,data,acted\n".write(to: input, atomically: true, encoding: .utf8)
        let result = try LitcoderBinary.run(["codings", "import", input.path, "--coder", "lee"], in: fixture.root)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("codings/lee.jsonl").path))
    }

    /// The coders compared by default are every coder with codings, before and after the
    /// consensus exists: a consensus built from two of three coders does not narrow the reports.
    @Test func methodsCompareEveryCoderWithCodingsUnlessCodersAreGiven() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let built = try LitcoderBinary.run(
            ["consensus", "--auto-agreed", "--coders", "alice,bob", "--adjudicator", "carol"], in: fixture.root)
        #expect(built.status == 0, "\(built.stderr)")
        let byDefault = try LitcoderBinary.run(["export", "--format", "methods"], in: fixture.root)
        #expect(byDefault.status == 0, "\(byDefault.stderr)")
        #expect(byDefault.stdout.contains("3 coders (alice, bob and carol)"), "\(byDefault.stdout)")
        let chosen = try LitcoderBinary.run(["export", "--format", "methods", "--coders", "alice,carol"], in: fixture.root)
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout.contains("2 coders (alice and carol)"), "\(chosen.stdout)")
        let html = try LitcoderBinary.run(["export", "--format", "html", "--coders", "alice,bob"], in: fixture.root)
        #expect(html.status == 0, "\(html.stderr)")
        let unknown = try LitcoderBinary.run(["export", "--format", "methods", "--coders", "alice,dave"], in: fixture.root)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("error: 'dave' is not a coder of this project\n"), "\(unknown.stderr)")
        let misplaced = try LitcoderBinary.run(["export", "--format", "csv", "--coders", "alice,bob"], in: fixture.root)
        #expect(misplaced.status == 64)
    }

    /// A coder with codings whom the consensus never names (a name confirmed with
    /// `--new-coder`) is compared before and after the consensus is built, so `agree` does not
    /// change and a second `consensus --auto-agreed` adds nothing.
    ///
    /// With zed's p1 data=natural beside the fixture: p1 data differs (acted ×3, natural) and p1
    /// motivation is not coded by zed; the agreements left are p3 data and motivation, p5 data
    /// and motivation, p6 motivation (5); the disagreements p1 data, p1 motivation, p2 data,
    /// p2 motivation, p6 data (5, one of them a dimension zed left empty).
    @Test func theComparedCodersDoNotChangeOnceAConsensusExists() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let zed = try LitcoderBinary.run(["set", "p1", "data=natural", "--coder", "zed"], in: fixture.root)
        #expect(zed.status == 0, "\(zed.stderr)")
        let agreeArguments = ["agree", "--bootstrap", "0"]
        let before = try LitcoderBinary.run(agreeArguments, in: fixture.root)
        #expect(before.status == 0, "\(before.stderr)")
        let first = try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "dan"], in: fixture.root)
        #expect(first.stdout == "codings/_consensus.jsonl: added 5 agreed decisions (0 of 5 agreements already there); "
            + "5 disagreements left for 'litcoder review' (1 of them a dimension some coder left empty, never taken automatically)\n",
            "\(first.stdout)\(first.stderr)")
        let second = try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "dan"], in: fixture.root)
        #expect(second.stdout == "codings/_consensus.jsonl: added 0 agreed decisions (5 of 5 agreements already there); "
            + "5 disagreements left for 'litcoder review' (1 of them a dimension some coder left empty, never taken automatically)\n",
            "\(second.stdout)\(second.stderr)")
        #expect(try fixture.consensusEvents().count == 5)
        let after = try LitcoderBinary.run(agreeArguments, in: fixture.root)
        #expect(after.stdout == before.stdout)
        #expect(after.stdout.contains("coders: alice, bob, carol, zed"), "\(after.stdout)")
        let status = try LitcoderBinary.run(["status"], in: fixture.root)
        #expect(status.stdout.contains("""
            Consensus (paper × dimension decisions, against alice, bob, carol, zed):
              5 agreed, 0 adjudicated by hand, 5 open (of 5 disagreements)
            """), "\(status.stdout)")
    }

    /// Writes `coders: [alice, bob, carol]` into the fixture's litcoder.yaml.
    static func declareCoders(_ fixture: AgreementFixture) throws {
        try "name: fixture\ncodebook: codebooks/fixture.yaml\ncorpus: corpus/papers.jsonl\ncoders: [alice, bob, carol]\n"
            .write(to: fixture.root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
    }

    static let readingRefusal = """
        error: 'bobb' is not a coder of this project; did you mean 'bob'?
          hint: the project's coders (listed under 'coders:' in litcoder.yaml, with a log in codings/, or assigned papers) are: alice, bob, carol; a new coder is added under 'coders:' in litcoder.yaml

        """

    /// Every command that only reads a coder's codings refuses a name that is no coder of the
    /// project, instead of printing an empty result as if it were real.
    @Test(arguments: [
        ["queue", "--coder", "bobb"], ["show", "p1", "--coder", "bobb"], ["summary", "--coder", "bobb"],
        ["mismatches", "--coder", "bobb"], ["export", "--format", "csv", "--coder", "bobb"],
        ["export", "--format", "html", "--coder", "bobb"], ["export", "--format", "bibtex", "--coder", "bobb", "--where", "data=acted"],
        ["agree", "--coders", "alice,bobb"], ["disagreements", "--coders", "alice,bobb"],
        ["export", "--format", "methods", "--coders", "alice,bobb"],
    ])
    func aReadingCommandRefusesANameThatIsNoCoder(arguments: [String]) throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        try Self.declareCoders(fixture)
        let result = try LitcoderBinary.run(arguments, in: fixture.root)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr == Self.readingRefusal, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
    }

    /// `assign` gives papers: a name that is none of the declared coders is refused as `set`
    /// refuses it, and nothing is written.
    @Test func assignRefusesANameThatIsNoCoder() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        try Self.declareCoders(fixture)
        let assignments = fixture.root.appendingPathComponent("assignments.jsonl")
        let typo = try LitcoderBinary.run(["assign", "--coders", "alice,bobb,carol"], in: fixture.root)
        #expect(typo.status == 64)
        #expect(typo.stderr == """
            error: 'bobb' is not a coder of this project; did you mean 'bob'?
              hint: litcoder.yaml lists the coders under 'coders:' (alice, bob, carol); add 'bobb' there, or pass --new-coder to start a new coder

            """, "\(typo.stderr)")
        #expect(!FileManager.default.fileExists(atPath: assignments.path))
        #expect(try LitcoderBinary.run(["assign", "--coders", "alice,bob"], in: fixture.root).status == 0)
        let before = try String(contentsOf: assignments, encoding: .utf8)
        let to = try LitcoderBinary.run(["assign", "--reassign", "bob", "--to", "carl"], in: fixture.root)
        #expect(to.status == 64)
        #expect(to.stderr.hasPrefix("error: 'carl' is not a coder of this project; did you mean 'carol'?\n"), "\(to.stderr)")
        let from = try LitcoderBinary.run(["assign", "--reassign", "bobb", "--to", "carol"], in: fixture.root)
        #expect(from.status == 64)
        #expect(from.stderr.hasPrefix("error: 'bobb' has no assigned papers; did you mean 'bob'?; the assigned coders are alice, bob"),
                "\(from.stderr)")
        #expect(try String(contentsOf: assignments, encoding: .utf8) == before)
        let meant = try LitcoderBinary.run(["assign", "--reassign", "bob", "--to", "dave", "--new-coder"], in: fixture.root)
        #expect(meant.status == 0, "\(meant.stderr)")
    }

    /// A coder started once with `--new-coder` is a coder from then on (their log makes them
    /// one); `validate` and `status` say the name is not under `coders:` yet.
    @Test func aNewCoderStartedOnceIsACoderFromThenOn() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        try Self.declareCoders(fixture)
        #expect(try LitcoderBinary.run(["set", "p1", "data=acted", "--coder", "dave"], in: fixture.root).status == 64)
        #expect(try LitcoderBinary.run(["set", "p1", "data=acted", "--coder", "dave", "--new-coder"], in: fixture.root).status == 0)
        let later = try LitcoderBinary.run(["set", "p2", "data=natural", "--coder", "dave"], in: fixture.root)
        #expect(later.status == 0, "\(later.stderr)")
        #expect(try LitcoderBinary.run(["queue", "--coder", "dave"], in: fixture.root).status == 0)

        let validate = try LitcoderBinary.run(["validate"], in: fixture.root)
        #expect(validate.stdout.contains("""
            codings/dave.jsonl: warning: 'dave' is not listed under 'coders:' in litcoder.yaml, but has this log; its codings are compared with the other coders' in agree and every report
              hint: add 'dave' under 'coders:' in litcoder.yaml if dave is a coder; if the name is a slip, move codings/dave.jsonl out of codings/ and code under the right name
            """), "\(validate.stdout)\(validate.stderr)")

        let status = try LitcoderBinary.run(["status"], in: fixture.root)
        #expect(status.stdout.contains("""
            dave:
              not listed under 'coders:' in litcoder.yaml, yet compared as a coder: add 'dave' there, or, if the name is a slip, move codings/dave.jsonl out of codings/ ('litcoder validate' says more)
            """), "\(status.stdout)")
        let json = try LitcoderBinary.run(["status", "--format", "json"], in: fixture.root)
        #expect(json.stdout.contains(#""unlisted" : true"#))

        // Listed, the name is flagged no more.
        try "name: fixture\ncodebook: codebooks/fixture.yaml\ncorpus: corpus/papers.jsonl\ncoders: [alice, bob, carol, dave]\n"
            .write(to: fixture.root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        let clean = try LitcoderBinary.run(["validate"], in: fixture.root)
        #expect(!(clean.stdout + clean.stderr).contains("not listed"), "\(clean.stdout)")
    }
}
