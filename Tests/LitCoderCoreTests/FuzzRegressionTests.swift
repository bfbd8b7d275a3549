import Foundation
import Testing
@testable import LitCoderCore

/// Every input under `FuzzRegressions/` (one folder per parser, as `scripts/fuzz` names them)
/// once crashed, hung or blew up its parser. Each is read here the way its harness reads it,
/// and what comes out is checked: a message at the right place, never a trap.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")

    /// Every file, as `parser/name`.
    static var files: [String] {
        let parsers = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return parsers.sorted().flatMap { parser -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(parser).path)) ?? []
            return names.sorted().map { "\(parser)/\($0)" }
        }.filter { !$0.hasSuffix(".md") }
    }

    /// What reading each file must give, worked out by hand (see each file's row in README.md).
    static let expected: [String: String] = [
        "events/overflow-v.jsonl": "0 events; codings/fuzz.jsonl:1: error: malformed event",
        "events/overflow-seq.jsonl": "0 events; codings/fuzz.jsonl:1: error: malformed event",
        "events/seq-int-max-then-gap.jsonl": "1 events; codings/fuzz.jsonl:1: error: malformed event: seq 9223372036854775807 is out of range (1 to 9007199254740992); the line is kept in place and left out | codings/fuzz.jsonl:2: warning: seq jumps from 0 to 2: seq 1 is missing",
        "bibtex/string-doubling.bib": "0 records; 12 errors, the last: fuzz.bib:42: error: @article skipped: @string macros expand this file to more than 10 times its size (1 MB); litcoder stops expanding there",
        "codebook/alias-bomb.yaml": "refused: fuzz.yaml:7:10: error: YAML aliases here make the file 2356 nodes where 46 are written; litcoder refuses aliases that multiply a file more than 10 times",
        // 5,000 brackets meet libyaml's own limit of 1,000 first: its scanner reads the run ahead
        // and stops at the start of the nesting inside `dimensions: [` (line 4, column 14).
        "codebook/deep-nesting.yaml": "refused: fuzz.yaml:4:14: error: YAML nested more than 64 levels deep; litcoder stops there",
        "csv/python-list-never-closes.csv": "1 records; 1 authors",
        // `<` then 0xFF: FoundationXML trapped on the element name (libFuzzer, the qdc harness).
        "qdc/element-name-not-utf8.qdc": "refused: fuzz.qdc:1: error: a byte that is not UTF-8 (0xFF) at byte 2: REFI-QDA files are UTF-8 text",
        // `<?x?>`: FoundationXML read a null pointer for the missing data (libFuzzer, the qdc harness).
        "qdc/processing-instruction-without-data.qdc": "refused: fuzz.qdc:1: error: a processing instruction (<?…?>): REFI-QDA files have none but the XML declaration at the start",
        // `<?x?>` inside a start tag that never closes: libxml2 recovered from the broken tag and
        // reported the instruction, on which FoundationXML read a null pointer (the qdc harness in CI).
        "qdc/processing-instruction-in-a-broken-tag.qdc": "refused: fuzz.qdc:1: error: a processing instruction (<?…?>): REFI-QDA files have none but the XML declaration at the start",
        "project/alias-bomb.litcoder.yaml": "refused: litcoder.yaml:6:10: error: YAML aliases here make the file 2354 nodes where 44 are written; litcoder refuses aliases that multiply a file more than 10 times",
    ]

    @Test func everyRegressionInputHasAnExpectation() {
        #expect(Set(Self.files) == Set(Self.expected.keys))
    }

    @Test(arguments: files)
    func aRegressionInputGivesItsMessageNotACrash(file: String) throws {
        let url = Self.folder.appendingPathComponent(file)
        let bytes = try [UInt8](Data(contentsOf: url))
        let outcome = try Self.read(bytes, parser: String(file.prefix { $0 != "/" }))
        let expected = try #require(Self.expected[file])
        #expect(outcome.hasPrefix(expected), "\(file): \(outcome)")
    }

    /// The outcome in a line: what was read and the problems, the way the harness reads it.
    static func read(_ bytes: [UInt8], parser: String) throws -> String {
        switch parser {
        case "events":
            let folder = try TemporaryFolder()
            try Data(bytes).write(to: folder.file("fuzz.jsonl"))
            let contents = try CodingLog.read(url: folder.file("fuzz.jsonl"), displayPath: "codings/fuzz.jsonl")
            return "\(contents.events.count) events; " + contents.diagnostics.map { $0.description.prefix { $0 != "\n" } }.joined(separator: " | ")
        case "bibtex":
            let parsed = BibTeXParser.parse(bytes, file: "fuzz.bib")
            let errors = parsed.diagnostics.filter { $0.severity == .error }
            return "\(parsed.recordCount) records; \(errors.count) errors, the last: " + (errors.last?.description.prefix { $0 != "\n" } ?? "")
        case "codebook":
            let (codebook, diagnostics) = CodebookLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
            return (codebook == nil ? "refused: " : "loaded: ") + diagnostics.map { $0.description.prefix { $0 != "\n" } }.joined(separator: " | ")
        case "csv":
            let parsed = try CSVImporter.parse(bytes, file: "fuzz.csv")
            return "\(parsed.recordCount) records; \(parsed.records.first?.authors.count ?? 0) authors"
        case "qdc":
            do {
                let conversion = try QDCCodebook.convert(Data(bytes), file: "fuzz.qdc", id: "fuzz", title: "Fuzz")
                return "loaded: \(conversion.codebook.dimensions.count) dimensions"
            } catch {
                return "refused: \("\(error)".prefix { $0 != "\n" })"
            }
        case "project":
            let folder = try TemporaryFolder()
            try Data(bytes).write(to: folder.file("litcoder.yaml"))
            do {
                _ = try Project.load(root: folder.url)
                return "loaded"
            } catch {
                return "refused: \("\(error)".prefix { $0 != "\n" })"
            }
        default:
            Issue.record("no reader for the folder '\(parser)'")
            return ""
        }
    }
}
