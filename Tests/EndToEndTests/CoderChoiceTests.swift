import Foundation
import Testing
import LitCoderCore

/// Which coders the commands count: empty logs never, and the reports compare the coders
/// the consensus was built from unless `--coders` says otherwise.
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

    @Test func methodsCompareTheConsensusSourcesUnlessCodersAreGiven() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let built = try LitcoderBinary.run(
            ["consensus", "--auto-agreed", "--coders", "alice,bob", "--adjudicator", "carol"], in: fixture.root)
        #expect(built.status == 0, "\(built.stderr)")
        let byDefault = try LitcoderBinary.run(["export", "--format", "methods"], in: fixture.root)
        #expect(byDefault.status == 0, "\(byDefault.stderr)")
        #expect(byDefault.stdout.contains("2 coders (alice and bob)"), "\(byDefault.stdout)")
        let chosen = try LitcoderBinary.run(["export", "--format", "methods", "--coders", "alice,carol"], in: fixture.root)
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout.contains("2 coders (alice and carol)"), "\(chosen.stdout)")
        let html = try LitcoderBinary.run(["export", "--format", "html", "--coders", "alice,bob"], in: fixture.root)
        #expect(html.status == 0, "\(html.stderr)")
        let unknown = try LitcoderBinary.run(["export", "--format", "methods", "--coders", "alice,dave"], in: fixture.root)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no codings by dave"))
        let misplaced = try LitcoderBinary.run(["export", "--format", "csv", "--coders", "alice,bob"], in: fixture.root)
        #expect(misplaced.status == 64)
    }
}
