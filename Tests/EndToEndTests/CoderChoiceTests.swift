import Foundation
import Testing

/// Which coders the commands count: empty logs never, and the reports compare the coders
/// the consensus was built from unless `--coders` says otherwise.
@Suite struct CoderChoiceTests {
    @Test func anEmptyLogDoesNotMakeACoder() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        try Data().write(to: fixture.root.appendingPathComponent("codings/ghost.jsonl"))
        for arguments in [["agree", "--format", "json", "--bootstrap", "0"], ["export", "--format", "methods"], ["status"]] {
            let result = try LitcoderBinary.run(arguments, in: fixture.root)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("ghost"), "\(arguments): \(result.stdout)")
        }
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
        #expect(unknown.stderr.contains("no log for dave"))
        let misplaced = try LitcoderBinary.run(["export", "--format", "csv", "--coders", "alice,bob"], in: fixture.root)
        #expect(misplaced.status == 64)
    }
}

/// `agree` says which dimensions it leaves out.
@Suite struct AgreeNoteTests {
    @Test func freeTextDimensionsAreNamedAsLeftOut() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let result = try LitcoderBinary.run(["agree", "--bootstrap", "0"], in: fixture.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("left out: remarks"), "\(result.stderr)")
    }
}
