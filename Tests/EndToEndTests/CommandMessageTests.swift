import Foundation
import Testing

/// What `init` refuses, who the coder is without USER, and whose usage a usage error shows.
@Suite struct CommandMessageTests {
    static var fixture: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/alignment-project").path
    }

    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-messages-\(UUID().uuidString)")
    }

    @Test(arguments: ["title,year,doi\nA paper,2021,10.1/x\n", "@article{k, title={A paper}}\n"])
    func initRefusesACorpusThatIsNotJSONLines(contents: String) throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let input = dir.appendingPathComponent("semi.csv")
        try contents.write(to: input, atomically: true, encoding: .utf8)
        let project = dir.appendingPathComponent("p4")
        let result = try LitcoderBinary.run(["init", project.path, "--corpus", input.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("litcoder import"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("litcoder.yaml").path))
    }

    @Test func initIgnoresTornLogCopies() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try LitcoderBinary.run(["init", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        let ignore = try String(contentsOf: dir.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore.contains("codings/*.torn-*"))
        #expect(ignore.contains(".litcoder-cache/"))
    }

    @Test func withoutUserOrLognameTheAccountNameIsTheCoder() throws {
        let result = try LitcoderBinary.run(["summary", "--project", Self.fixture],
                                            environment: ["USER": "", "LOGNAME": "", "LITCODER_CODER": ""])
        #expect(!result.stderr.contains("empty"), "\(result.stderr)")
        // The fixture's only coder is alice, so the account's name is refused as no coder of it.
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("is not a coder of this project"), "\(result.stderr)")
        #expect(result.stderr.contains("are: alice;"), "\(result.stderr)")
    }

    @Test func withoutUserOrLognameTheAccountNameAdjudicates() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.fixture), to: dir)
        let result = try LitcoderBinary.run(["consensus", "--auto-agreed", "--project", dir.path],
                                            environment: ["USER": "", "LOGNAME": "", "LITCODER_CODER": ""])
        #expect(!result.stderr.contains("empty") && !result.stderr.contains("adjudicat"), "\(result.stderr)")
        // Past the adjudicator: the fixture has one coder, which is what stops it.
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("at least 2 coders"), "\(result.stderr)")
    }

    @Test(arguments: [
        (["summary", "--alignment", "nope"], "summary"),
        (["mismatches", "--alignment", "nope"], "mismatches"),
        (["set", "p1", "motivation=x", "--coder", "../evil"], "set"),
    ])
    func aUsageErrorShowsTheSubcommandsUsage(arguments: [String], command: String) throws {
        let result = try LitcoderBinary.run(arguments + ["--project", Self.fixture])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(!result.stderr.contains("<subcommand>"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage:") && result.stderr.contains(command), "\(result.stderr)")
    }
}

/// Every error has one prefix, lowercase, whatever kind it is.
@Suite struct ErrorFormatTests {
    @Test(arguments: [
        (["summary", "--coder", "mya"], Int32(64)),
        (["summary", "--alignment", "nope"], Int32(64)),
        (["summary", "--bogus"], Int32(64)),
    ])
    func oneErrorPrefix(arguments: [String], status: Int32) throws {
        let result = try LitcoderBinary.run(arguments + ["--project", CommandMessageTests.fixture])
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        #expect(!result.stderr.contains("Error:"), "\(result.stderr)")
    }

    @Test func aLocatedProblemGetsNoSecondPrefix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-errors-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "name: x\ncodebook: [\n".write(to: dir.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        let result = try LitcoderBinary.run(["status", "--project", dir.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("litcoder.yaml:3:"), "\(result.stderr)")
        #expect(!result.stderr.contains("Error:"), "\(result.stderr)")
    }
}

/// Help offers only what a command accepts; a wrong `--project` says what is wrong with it.
@Suite struct CommandHelpTests {
    @Test func mismatchesHelpOffersOnlyItsFormats() throws {
        let result = try LitcoderBinary.run(["mismatches", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("table") && result.stdout.contains("json"), "\(result.stdout)")
        #expect(!result.stdout.contains("markdown") && !result.stdout.contains("latex"), "\(result.stdout)")
    }

    @Test func aMissingProjectFolderIsNamedAsMissing() throws {
        let missing = "/nonexistent-\(UUID().uuidString)"
        let result = try LitcoderBinary.run(["status", "--project", missing])
        #expect(result.status == 1)
        #expect(result.stderr.contains("there is no folder \(missing)"), "\(result.stderr)")
        #expect(!result.stderr.contains("any folder above"), "\(result.stderr)")
    }

    @Test func aFolderWithoutAProjectDoesNotClaimASearchUpwards() throws {
        let result = try LitcoderBinary.run(["status", "--project", FileManager.default.temporaryDirectory.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no litcoder.yaml in"), "\(result.stderr)")
        #expect(!result.stderr.contains("any folder above"), "\(result.stderr)")
    }
}
