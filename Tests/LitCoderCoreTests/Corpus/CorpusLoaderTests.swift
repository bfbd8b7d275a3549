import Foundation
import Testing
@testable import LitCoderCore

@Suite struct CorpusLoaderTests {
    /// One corpus file's bytes and what loading them must give.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        /// The ids loaded, in order.
        var ids: [String]
        /// Each expected diagnostic as `LINE: words the message contains` or
        /// `LINE:COLUMN: words`, in order.
        var problems: [String]
        var testDescription: String { name }

        init(_ name: String, _ text: String, ids: [String], problems: [String] = []) {
            self.init(name, bytes: Array(text.utf8), ids: ids, problems: problems)
        }

        init(_ name: String, bytes: [UInt8], ids: [String], problems: [String] = []) {
            self.name = name
            self.bytes = bytes
            self.ids = ids
            self.problems = problems
        }
    }

    static let a = #"{"id":"a","title":"A"}"#
    static let b = #"{"id":"b","title":"B"}"#

    static let cases: [Case] = [
        Case("empty file is an empty corpus", "", ids: []),
        Case("only blank lines", "\n  \n\t\n\r\n", ids: []),
        Case("two records, last without newline", "\(a)\n\(b)", ids: ["a", "b"]),
        Case("blank lines between records keep line numbers", "\n\(a)\n\n   \n{oops}\n\(b)\n",
             ids: ["a", "b"], problems: ["5:2: not valid JSON: expected a key in double quotes, found 'o'"]),
        Case("CRLF line ends", "\(a)\r\n\(b)\r\n", ids: ["a", "b"]),
        Case("UTF-8 byte-order mark", bytes: [0xEF, 0xBB, 0xBF] + Array("\(a)\n\(b)\n".utf8), ids: ["a", "b"]),
        Case("malformed line reported, the rest loaded", "\(a)\n{\"id\":\"x\",\n\(b)\n",
             ids: ["a", "b"], problems: ["2: not valid JSON: the line ends before the object is closed"]),
        Case("a JSON list is not a record", "[1,2]\n\(a)\n", ids: ["a"], problems: ["1: a JSON list, not a JSON object"]),
        Case("a JSON string is not a record", "\"hello\"\n\(a)\n", ids: ["a"], problems: ["1: a JSON string, not a JSON object"]),
        Case("a JSON number is not a record", "42\n", ids: [], problems: ["1: a JSON number, not a JSON object"]),
        Case("JSON null is not a record", "null\n", ids: [], problems: ["1: the line is JSON null, not a JSON object"]),
        Case("missing id", #"{"title":"T"}"#, ids: [], problems: [#"1: missing "id""#]),
        Case("missing title", #"{"id":"t"}"#, ids: [], problems: [#"1: missing "title""#]),
        Case("null id", #"{"id":null,"title":"T"}"#, ids: [], problems: [#"1: "id" is null"#]),
        Case("empty id", #"{"id":"  ","title":"T"}"#, ids: [], problems: ["1: paper id is empty"]),
        Case("numeric id", #"{"id":7,"title":"T"}"#, ids: [], problems: [#"1: "id" should be a string"#]),
        Case("year as text", #"{"id":"y","title":"T","year":"2021"}"#, ids: [], problems: [#"1: "year" should be a whole number"#]),
        Case("authors as one string", #"{"id":"y","title":"T","authors":"Doe, J"}"#, ids: [],
             problems: [#"1: "authors" should be a list"#]),
        Case("a keyword that is not a string", #"{"id":"y","title":"T","keywords":["ok",3]}"#, ids: [],
             problems: [#"1: "keywords[1]" should be a string"#]),
        Case("null optional fields are absent", #"{"id":"n","title":"T","year":null,"doi":null,"authors":null}"#, ids: ["n"]),
        Case("misspelt key is a warning, the paper loads", #"{"id":"m","title":"T","abstarct":"…"}"#, ids: ["m"],
             problems: ["1: unknown key 'abstarct' (did you mean 'abstract'?)"]),
        Case("other unknown keys are ignored quietly", #"{"id":"m","title":"T","arxiv":"2101.00001","pmid":1}"#, ids: ["m"]),
        Case("a misspelt key is reported once per file", "{\"id\":\"a\",\"title\":\"A\",\"titel\":\"x\"}\n\(b)\n{\"id\":\"c\",\"title\":\"C\",\"titel\":\"y\",\"keyword\":[]}\n",
             ids: ["a", "b", "c"], problems: ["1: unknown key 'titel' (did you mean 'title'?) is ignored (on 2 lines", "3: unknown key 'keyword' (did you mean 'keywords'?)"]),
        Case("duplicate id names both lines, first wins", "\(a)\n\(b)\n{\"id\":\"a\",\"title\":\"again\"}\n",
             ids: ["a", "b"], problems: ["3: duplicate paper id 'a' (first at corpus.jsonl:1)"]),
        Case("Latin-1 byte names its line and position",
             bytes: Array("\(a)\n{\"id\":\"l\",\"title\":\"caf".utf8) + [0xE9] + Array("\"}\n\(b)\n".utf8),
             ids: ["a", "b"], problems: ["2:23: not valid UTF-8 (byte 0xE9)"]),
        Case("truncated multi-byte character", bytes: Array("{\"id\":\"t\",\"title\":\"".utf8) + [0xE2, 0x82],
             ids: [], problems: ["1: not valid UTF-8 (byte 0xE2"]),
        Case("UTF-16 surrogate encoded in UTF-8", bytes: Array("{\"id\":\"s\",\"title\":\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8),
             ids: [], problems: ["1: not valid UTF-8 (byte 0xED"]),
        Case("a byte-order mark where a concatenated file began", bytes: Array("\(a)\n".utf8) + [0xEF, 0xBB, 0xBF] + Array(b.utf8),
             ids: ["a", "b"]),
        Case("escaped tab, escaped newline and emoji inside strings are fine",
             "{\"id\":\"e\",\"title\":\"Tab\\there 😀\",\"abstract\":\"one\\ntwo\"}\n", ids: ["e"]),
        Case("a raw tab inside a string is named, with its column",
             "{\"id\":\"e\",\"title\":\"Tab\there\"}\n", ids: [], problems: ["1:23: not valid JSON: unescaped control character U+0009"]),
        Case("a NUL byte is not JSON", bytes: Array("{\"id\":\"z\",\"title\":\"a".utf8) + [0x00] + Array("\"}".utf8),
             ids: [], problems: ["1: not valid JSON"]),
    ]

    @Test(arguments: cases)
    func loadingGivesTheExpectedPapersAndDiagnostics(_ c: Case) {
        var loader = CorpusLoader()
        loader.read(data: Data(c.bytes), name: "corpus.jsonl")
        #expect(loader.corpus.papers.map(\.id) == c.ids)
        #expect(loader.diagnostics.count == c.problems.count, "\(loader.diagnostics)")
        for (diagnostic, expected) in zip(loader.diagnostics, c.problems) {
            let location = expected.prefix { $0 != " " }.dropLast().split(separator: ":").map { Int($0) }
            let words = expected.drop { $0 != " " }.dropFirst()
            #expect(diagnostic.line == location.first ?? nil, "\(diagnostic)")
            if location.count > 1 { #expect(diagnostic.column == location[1], "\(diagnostic)") }
            #expect(diagnostic.message.contains(words), "\(diagnostic)")
            #expect(diagnostic.file == "corpus.jsonl")
            #expect(diagnostic.hint != nil, "every problem says what to do")
        }
    }

    /// Reading a file in chunks must give what reading its bytes at once gives, wherever the
    /// chunk boundaries fall (inside a line, a CRLF, a byte-order mark or a UTF-8 character).
    @Test(arguments: [1, 2, 3, 5, 16, 1 << 20])
    func chunkedFileReadingMatchesReadingAllAtOnce(chunkSize: Int) throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("corpus.jsonl")
        let withBOM = Case("byte-order mark then CRLF", bytes: [0xEF, 0xBB, 0xBF] + Array("{oops}\r\n\(Self.a)\r\n".utf8), ids: ["a"])
        for c in Self.cases + [withBOM] {
            try Data(c.bytes).write(to: url)
            var whole = CorpusLoader()
            whole.read(data: Data(c.bytes), name: "corpus.jsonl")
            var chunked = CorpusLoader()
            chunked.read(url: url, name: "corpus.jsonl", chunkSize: chunkSize)
            #expect(chunked.corpus.papers == whole.corpus.papers, "\(c.name)")
            #expect(chunked.diagnostics == whole.diagnostics, "\(c.name)")
        }
    }

    /// Past 64 lines a chunk is parsed on two threads; papers and diagnostics must still come
    /// in file order, with line numbers and duplicates judged as if read one line at a time.
    @Test(arguments: [64, 65, 200, 1_001])
    func manyLinesKeepFileOrderAndLineNumbers(count: Int) {
        var text = ""
        for i in 0..<count {
            switch i % 7 {
            case 3: text += "{\"id\":\"p\(i)\"}\n"  // no title
            case 5: text += "{\"id\":\"p\(i - 1)\",\"title\":\"again\"}\n"  // repeats the line before
            case 6: text += "\n"
            default: text += "{\"id\":\"p\(i)\",\"title\":\"T\(i)\"}\n"
            }
        }
        var loader = CorpusLoader()
        loader.read(data: Data(text.utf8), name: "c.jsonl")
        let expectedIDs = (0..<count).filter { [0, 1, 2, 4].contains($0 % 7) }.map { "p\($0)" }
        #expect(loader.corpus.papers.map(\.id) == expectedIDs)
        let expectedProblems = (0..<count).filter { $0 % 7 == 3 || $0 % 7 == 5 }.map { "c.jsonl:\($0 + 1)" }
        #expect(loader.diagnostics.map(\.location) == expectedProblems)
        #expect(loader.diagnostics.filter { $0.message.hasPrefix("duplicate paper id") }.count == (count + 1) / 7)
    }

    @Test func aFolderInsteadOfAFileIsReported() throws {
        let folder = try TemporaryFolder()
        var loader = CorpusLoader()
        loader.read(url: folder.url, name: "corpus")
        #expect(loader.corpus.count == 0)
        #expect(loader.diagnostics.map(\.message) == ["cannot read the corpus file: Is a directory"])
    }

    @Test func diagnosticsRenderAsFileColonLine() {
        var loader = CorpusLoader()
        loader.read(data: Data("\(Self.a)\n{\"id\":\"x\"}\n".utf8), name: "corpus/papers.jsonl")
        let rendered = loader.diagnostics.first?.description ?? ""
        #expect(rendered.hasPrefix(#"corpus/papers.jsonl:2: error: malformed paper record: missing "title""#), "\(rendered)")
    }

    @Test func duplicateAcrossFilesNamesTheFirstFile() throws {
        let folder = try TemporaryFolder()
        let first = folder.url.appendingPathComponent("one.jsonl")
        let second = folder.url.appendingPathComponent("two.jsonl")
        try Data("\(Self.a)\n".utf8).write(to: first)
        try Data("\(Self.b)\n\(Self.a)\n".utf8).write(to: second)
        let (corpus, diagnostics) = Corpus.load(files: [first, second], displayName: { $0.lastPathComponent })
        #expect(corpus.papers.map(\.id) == ["a", "b"])
        #expect(diagnostics.map(\.location) == ["two.jsonl:2"])
        #expect(diagnostics.first?.message.contains("first at one.jsonl:1") == true)
    }

    @Test func aMissingFileIsReportedAndOtherFilesStillLoad() throws {
        let folder = try TemporaryFolder()
        let present = folder.url.appendingPathComponent("present.jsonl")
        try Data("\(Self.a)\n".utf8).write(to: present)
        let missing = folder.url.appendingPathComponent("missing.jsonl")
        let (corpus, diagnostics) = Corpus.load(files: [missing, present], displayName: { $0.lastPathComponent })
        #expect(corpus.papers.map(\.id) == ["a"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.file == "missing.jsonl")
        #expect(diagnostics.first?.message == "no such corpus file")
    }

    @Test func aFiveMegabyteAbstractLoads() throws {
        let abstract = String(repeating: "Emotion in speech, überall. ", count: 5 * 1024 * 1024 / 28 + 1)
        let line = PaperJSONLine.encode(Paper(id: "long", title: "Long", abstract: abstract))
        #expect(line.utf8.count > 5 * 1024 * 1024)
        var loader = CorpusLoader()
        loader.read(data: Data("\(Self.a)\n\(line)\n\(Self.b)\n".utf8), name: "big.jsonl")
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("big.jsonl")
        try Data("\(Self.a)\n\(line)\n\(Self.b)\n".utf8).write(to: url)
        let (fromFile, fileDiagnostics) = Corpus.load(files: [url])
        #expect(fileDiagnostics.isEmpty)
        #expect(fromFile.paper("long")?.abstract == abstract, "a line longer than a read chunk")
        #expect(loader.diagnostics.isEmpty)
        #expect(loader.corpus.papers.map(\.id) == ["a", "long", "b"])
        #expect(loader.corpus.paper("long")?.abstract == abstract)
    }

    @Test(arguments: [
        ("abstarct", "abstract"), ("Title", "title"), ("author", "authors"), ("keyword", "keywords"),
        ("DOI", "doi"), ("titel", "title"), ("abstarct", "abstract"), ("uri", "url"),
        ("yr", nil), ("publisher", nil), ("arxiv", nil), ("pmid", nil), ("type", nil), ("note", nil), ("date", nil),
    ] as [(String, String?)])
    func misspeltKeysSuggestTheNearestKnownKey(key: String, expected: String?) {
        #expect(CorpusLoader.closestKnownKey(to: key) == expected)
    }
}
