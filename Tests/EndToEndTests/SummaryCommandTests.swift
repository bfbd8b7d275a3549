import Foundation
import Testing

/// `litcoder summary` and `litcoder mismatches` run as a user runs them, on the fixture project.
@Suite struct SummaryCommandTests {
    static var fixture: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/alignment-project").path
    }

    func run(_ arguments: [String]) throws -> LitcoderBinary.Result {
        try LitcoderBinary.run(arguments + ["--project", Self.fixture], environment: ["LITCODER_CODER": "alice"])
    }

    @Test func jsonSummaryOfTheCurrentCoder() throws {
        let result = try run(["summary", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(root["scope"] as? String == "coder:alice")
        let alignment = try #require((root["alignments"] as? [[String: Any]])?.first)
        #expect(alignment["mismatched"] as? Int == 3)
    }

    @Test func allGivesOneBlockPerCoder() throws {
        let result = try run(["summary", "--all"])
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "Summary for coder:").count == 2)
    }

    @Test(arguments: ["summary", "mismatches"])
    func noConsensusYetIsADataErrorSayingHowToBuildIt(command: String) throws {
        let result = try run([command, "--consensus", "--format", "csv"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("no consensus yet"))
        #expect(result.stderr.contains("litcoder consensus --auto-agreed"))
        #expect(result.stderr.contains("litcoder review"))
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["summary", "mismatches"])
    func aMistypedCoderIsAUsageErrorNamingTheCoders(command: String) throws {
        let result = try run([command, "--coder", "alcie"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: 'alcie' is not a coder of this project; did you mean 'alice'?\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["summary", "--consensus", "--coder", "bob"], "not both"),
        (["summary", "--all", "--consensus"], "--all"),
        (["summary", "--alignment", "nope"], "alignments are: motivation-dataset"),
        (["summary", "--format", "pdf"], "format"),
        (["mismatches", "--format", "latex"], "'latex' is invalid"),
        (["mismatches", "--coder", "../x"], "coder name"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test(arguments: ["markdown", "latex"])
    func paperReadyFormatsHideAllZeroRowsAndColumnsUnlessAskedForAll(format: String) throws {
        let trimmed = try run(["summary", "--format", format])
        let full = try run(["summary", "--format", format, "--all-codes"])
        #expect(trimmed.status == 0 && full.status == 0, "\(trimmed.stderr)\(full.stderr)")
        // `angry` is used by no paper, `arousal` provided to no motivation: both only with --all-codes.
        for zeroOnly in ["angry", "arousal"] {
            #expect(!trimmed.stdout.contains(zeroOnly), "\(zeroOnly) shown by default")
            #expect(full.stdout.contains(zeroOnly), "\(zeroOnly) missing with --all-codes")
        }
        #expect(trimmed.stdout.contains("Hidden: 6 rows and 1 column where every count is 0 (--all-codes shows them)."))
        #expect(!full.stdout.contains("Hidden:"))
        #expect(trimmed.stdout.contains("clinical-states"), "a column with a count stays")
    }

    @Test(arguments: ["table", "csv", "json"])
    func otherFormatsIgnoreAllCodes(format: String) throws {
        let plain = try run(["summary", "--format", format])
        let full = try run(["summary", "--format", format, "--all-codes"])
        #expect(plain.status == 0)
        #expect(plain.stdout == full.stdout)
        #expect(plain.stdout.contains("angry"), "zero rows stay in \(format)")
    }

    @Test func mismatchesListThePapersToQuote() throws {
        let result = try run(["mismatches", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.count == 4)
        #expect(lines.dropFirst().map { $0.split(separator: ",")[2] } == ["p2", "p3", "p4"])
    }

    @Test func aBrokenCorpusLineIsReportedAndTheRestCounted() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-summary-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.fixture), to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus/papers.jsonl")
        let text = try String(contentsOf: corpus, encoding: .utf8)
        try (text + "{not json\n").write(to: corpus, atomically: true, encoding: .utf8)
        let result = try LitcoderBinary.run(["summary", "--coder", "alice", "--project", dir.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("corpus/papers.jsonl:13"))
        #expect(result.stdout.contains("— 12 papers"))
    }
}
