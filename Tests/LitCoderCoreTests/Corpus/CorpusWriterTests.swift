import Foundation
import Testing
@testable import LitCoderCore

@Suite struct CorpusWriterTests {
    static let full = Paper(
        id: "p-1", title: "Títle with \"quotes\"", authors: ["Müller, Jürgen", "王, 芳", "Иванова, Анна"],
        year: 2024, venue: "Interspeech", doi: "10.5555/litcoder.sample.01", url: "https://example.org/a/b",
        abstract: "Line one\nline two\twith a tab, a backslash \\ and an emoji 😀; sep\u{2028}end\u{0001}.",
        keywords: ["speech", "emotion"], source: "litcoder sample")

    @Test func keysAreWrittenInReadingOrder() {
        let line = PaperJSONLine.encode(Self.full)
        let keys = ["\"id\"", "\"title\"", "\"authors\"", "\"year\"", "\"venue\"", "\"doi\"", "\"url\"",
                    "\"abstract\"", "\"keywords\"", "\"source\""]
        let positions = keys.compactMap { line.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(!line.contains("\n"), "one record, one line")
        #expect(line.contains("Müller") && line.contains("😀"), "non-ASCII stays readable UTF-8")
        #expect(line.contains("https://example.org/a/b"), "slashes are not escaped")
        #expect(line.contains("\\u2028") && line.contains("\\u0001") && line.contains("\\t"))
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("tab\tnewline\ncr\r", #""tab\tnewline\ncr\r""#),
        ("\u{00}\u{1F}\u{7F}\u{08}\u{0C}", #""\u0000\u001f\u007f\b\f""#),
        ("line\u{2028}para\u{2029}end", #""line\u2028para\u2029end""#),
        ("a/b é 中 😀 \u{2027}", #""a/b é 中 😀 \#u{2027}""#),
    ])
    func stringsAreEscapedExactlyAsJSONRequires(text: String, expected: String) {
        #expect(PaperJSONLine.quoted(text) == expected)
    }

    @Test func absentOptionalFieldsAreLeftOut() {
        let line = PaperJSONLine.encode(Paper(id: "x", title: "T"))
        #expect(line == #"{"id":"x","title":"T","authors":[],"abstract":"","keywords":[]}"#)
    }

    @Test(arguments: [
        Self.full,
        Paper(id: "x", title: "T"),
        Paper(id: "ctl", title: "\u{7F}\u{08}\u{0C}\r", abstract: String(repeating: "\"\\/", count: 50)),
    ])
    func encodedLineDecodesToTheSamePaper(paper: Paper) throws {
        let decoded = try JSONDecoder().decode(Paper.self, from: Data(PaperJSONLine.encode(paper).utf8))
        #expect(decoded == paper)
    }

    @Test func writeThenLoadRoundTripsAndReplacesTheFile() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("papers.jsonl")
        try Data("old contents\n".utf8).write(to: url)
        let papers = [Self.full, Paper(id: "p-2", title: "Second", year: 1999)]
        try Corpus.writeJSONL(papers, to: url)
        let (corpus, diagnostics) = Corpus.load(files: [url])
        #expect(diagnostics.isEmpty)
        #expect(corpus.papers == papers)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(leftovers == ["papers.jsonl"], "no temporary file is left behind")
    }

    @Test func rewritingAnUnchangedCorpusGivesIdenticalBytes() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("papers.jsonl")
        try Corpus(papers: [Self.full, Paper(id: "b", title: "B")]).write(to: url)
        let first = try Data(contentsOf: url)
        let (corpus, _) = Corpus.load(files: [url])
        try corpus.write(to: url)
        #expect(try Data(contentsOf: url) == first)
        #expect(first.last == UInt8(ascii: "\n"), "every line ends with a newline")
    }

    @Test func anEmptyCorpusIsAnEmptyFile() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("empty.jsonl")
        try Corpus.writeJSONL([], to: url)
        #expect(try Data(contentsOf: url).isEmpty)
    }

    @Test func existingPermissionsAreKept() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("papers.jsonl")
        try Data().write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        try Corpus.writeJSONL([Paper(id: "a", title: "A")], to: url)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func temporariesOfKilledWritersAreRemovedOthersKept() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("papers.jsonl")
        // The highest pid Linux hands out is below 2^22; this one belongs to no process.
        let abandoned = ".papers.jsonl.tmp-\(Int32.max - 7)-123"
        let live = ".papers.jsonl.tmp-\(getpid())-456"
        let unrelated = ".other.jsonl.tmp-\(Int32.max - 7)-789"
        for name in [abandoned, live, unrelated] {
            try Data("partial".utf8).write(to: folder.url.appendingPathComponent(name))
        }
        try Corpus.writeJSONL([Paper(id: "a", title: "A")], to: url)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.url.path))
        #expect(names == ["papers.jsonl", live, unrelated])
    }

    @Test func duplicateIDsWriteNothing() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("papers.jsonl")
        try Data("keep me\n".utf8).write(to: url)
        #expect(throws: CorpusWriteError.duplicateID("a", firstIndex: 0, secondIndex: 2)) {
            try Corpus.writeJSONL([Paper(id: "a", title: "A"), Paper(id: "b", title: "B"), Paper(id: "a", title: "C")], to: url)
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "keep me\n")
    }

    @Test func aMissingFolderIsAClearErrorAndLeavesNothing() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("no-such-folder/papers.jsonl")
        do {
            try Corpus.writeJSONL([Paper(id: "a", title: "A")], to: url)
            Issue.record("writing into a missing folder should fail")
        } catch let error as AtomicFileError {
            #expect(error.description.contains("no-such-folder"))
            #expect(error.description.contains("unchanged"))
        }
    }
}
