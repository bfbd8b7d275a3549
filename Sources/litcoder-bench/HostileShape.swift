import Foundation
import LitCoderCore

/// The worst inputs known for each parser of user files: the shapes that once took quadratic
/// time or unbounded memory (issue 14), and the plain shape of each format beside them.
///
/// Each shape makes its input from a unit count, so an input `k` times larger has `k` times the
/// units; a linear parser then takes about `k` times as long. `HostileBenchmark` times each at
/// 1× and 10×.
enum HostileShape: String, CaseIterable {
    case bibtexBrokenEntries = "bibtex-broken-entries"
    case bibtexOneKey = "bibtex-one-key"
    case bibtexStringDoubling = "bibtex-string-doubling"
    case bibtexStringReuse = "bibtex-string-reuse"
    case bibtexNames = "bibtex-names"
    case latexCommands = "latex-commands"
    case risContinuation = "ris-continuation"
    case risLooseTags = "ris-loose-tags"
    case medlineContinuation = "medline-continuation"
    case wosContinuation = "wos-continuation"
    case wosAuthors = "wos-authors"
    case csvPythonList = "csv-python-list"
    case csvConstantID = "csv-constant-id"
    case csvUnclosedQuotes = "csv-unclosed-quotes"
    case csvTextAfterQuote = "csv-text-after-quote"
    case jsonlImport = "jsonl-import"
    case jsonlNested = "jsonl-nested"
    case corpusLines = "corpus-lines"
    case corpusUnknownKeys = "corpus-unknown-keys"
    case corpusNested = "corpus-nested"
    case eventsFastPath = "events-fast-path"
    case eventsSlowPath = "events-slow-path"
    case eventsBigNumbers = "events-big-numbers"
    case codebookCodes = "codebook-codes"
    case codebookUnmetNeeds = "codebook-unmet-needs"
    case codebookAliases = "codebook-yaml-aliases"
    case codebookNesting = "codebook-yaml-nesting"
    case codingsRows = "codings-rows"
    case qdcSameNames = "qdc-same-names"
    case qdcNested = "qdc-nested"

    /// The parser the shape is aimed at, as `scripts/fuzz` names it.
    var parser: String { String(rawValue.prefix { $0 != "-" }) }

    /// Units at 1×: chosen so that 1× takes tens of milliseconds.
    var baseUnits: Int {
        switch self {
        case .bibtexStringDoubling: 2_000
        case .codebookCodes, .codebookUnmetNeeds: 1_000
        case .codebookAliases, .codebookNesting: 500
        case .jsonlNested, .corpusNested: 5_000
        case .qdcSameNames, .qdcNested: 10_000
        default: 20_000
        }
    }

    /// The input for `units` units.
    func input(units n: Int) -> [UInt8] {
        var s = ""
        switch self {
        case .bibtexBrokenEntries:
            // A comma missing after each title: every entry is skipped and reported at its line.
            for i in 0..<n { s += "@article{k\(i),\n  title = {Title \(i)}\n  year = 2020\n}\n" }
        case .bibtexOneKey:
            for i in 0..<n { s += "@article{same, title = {Paper number \(i)}, year = 2020}\n" }
        case .bibtexStringDoubling:
            // 40 macros, each twice the one before (2^40 bytes at the end), then entries using them.
            s += "@string{m0 = {ab}}\n"
            for k in 1...40 { s += "@string{m\(k) = m\(k - 1) # m\(k - 1)}\n" }
            for i in 0..<n { s += "@article{k\(i), title = m\(20 + i % 21) # { part \(i)}, year = 2020}\n" }
        case .bibtexStringReuse:
            // One 4 KB macro used by every entry: capped at 10 times the file's size in all.
            s += "@string{long = {" + String(repeating: "word ", count: 800) + "}}\n"
            for i in 0..<n { s += "@article{k\(i), journal = long, title = {T\(i)}}\n" }
        case .bibtexNames:
            s += "@article{k, title = {Names}, author = {"
            s += (0..<n).map { "von D{\\\"u}rer\($0), Jr, Albrecht \($0)" }.joined(separator: " and ")
            s += "}}\n"
        case .latexCommands:
            s += "@article{k, title = {"
            for i in 0..<n { s += "\\'e\\c{c}{\\\"o}\\unknown\(i % 10)x --- $\\alpha$ \\emph{w} " }
            s += "}}\n"
        case .risContinuation:
            s += "TY  - JOUR\nTI  - One long abstract\nAB  - It starts here\n"
            for i in 0..<n { s += "and goes on over line \(i) of the abstract without a tag\n" }
            s += "ER  - \n"
        case .risLooseTags:
            s += "TY  - JOUR\n"
            for i in 0..<n { s += "KW - keyword \(i)\n" }
            s += "ER  - \n"
        case .medlineContinuation:
            s += "PMID- 1\nTI  - One long abstract\nAB  - It starts here\n"
            for i in 0..<n { s += "      and goes on over line \(i) of the abstract\n" }
        case .wosContinuation:
            s += "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI One long abstract\nAB It starts here\n"
            for i in 0..<n { s += "   and goes on over line \(i) of the abstract\n" }
            s += "ER\n"
        case .wosAuthors:
            s += "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI Many authors\nAU Author, A\n"
            for i in 0..<n { s += "   Author\(i), B\n" }
            s += "ER\n"
        case .csvPythonList:
            // An authors cell that looks like a Python list whose first item never closes.
            s += "title,authors\nA paper,\"['Marx, Karl"
            for i in 0..<n { s += ", Name\(i) Surname" }
            s += "]\"\n"
        case .csvConstantID:
            s += "id,title,year\n"
            for i in 0..<n { s += "same,Paper number \(i),2020\n" }
        case .csvUnclosedQuotes:
            // Every row opens a quote that no later quote closes.
            s += "title,authors,year\n"
            for i in 0..<n { s += "\"Paper \(i),Author,2020\n" }
        case .csvTextAfterQuote:
            s += "title,authors,year\n"
            for i in 0..<n { s += "\"Paper \(i)\" and more,Author,2020\n" }
        case .jsonlImport:
            for i in 0..<n { s += #"{"title":"Paper \#(i)","authors":[{"family":"Doe","given":"J"}],"year":2020,"DOI":"10.1/\#(i)"}"# + "\n" }
        case .jsonlNested:
            s += #"{"title":"deep","x":"# + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "}\n"
        case .corpusLines:
            for i in 0..<n { s += #"{"id":"p\#(i)","title":"Paper \#(i)","authors":["Doe, J"],"year":2020,"abstract":"An abstract."}"# + "\n" }
        case .corpusUnknownKeys:
            s += #"{"id":"p","title":"t""#
            for i in 0..<n { s += #","k\#(i)":1"# }
            s += "}\n"
        case .corpusNested:
            s += #"{"id":"p","title":"t","x":"# + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "}\n"
        case .eventsFastPath:
            for i in 0..<n { s += Self.event(seq: "\(i + 1)") + "\n" }
        case .eventsSlowPath:
            // An unknown key sends each line to JSONDecoder.
            for i in 0..<n { s += Self.event(seq: "\(i + 1)", extra: #","note":"x""#) + "\n" }
        case .eventsBigNumbers:
            for _ in 0..<n { s += Self.event(seq: "1000000000000000000000000") + "\n" }
        case .codebookCodes:
            s += "id: big\ntitle: Big\nversion: \"1\"\ndimensions:\n  - id: d\n    label: D\n    kind: multi\n    codes:\n"
            for i in 0..<n { s += "      - {id: c\(i), label: Code \(i), definition: Code number \(i)., aliases: [word\(i)], provides: [ctx\(i)]}\n" }
            s += "  - id: e\n    label: E\n    kind: single\n    codes:\n      - {id: x, label: X, definition: X., needs: [{any: [ctx0]}]}\n"
            s += "alignments:\n  - {id: a, label: A, from: e, to: d}\n"
        case .codebookUnmetNeeds:
            // Every need names a context no code provides: each is reported with a did-you-mean.
            s += "id: big\ntitle: Big\nversion: \"1\"\ndimensions:\n  - id: d\n    label: D\n    kind: multi\n    codes:\n"
            for i in 0..<n { s += "      - {id: c\(i), label: Code \(i), definition: D., provides: [context\(i)]}\n" }
            s += "  - id: e\n    label: E\n    kind: multi\n    codes:\n"
            for i in 0..<n { s += "      - {id: x\(i), label: X, definition: X., needs: [{any: [kontext\(i)]}]}\n" }
            s += "alignments:\n  - {id: a, label: A, from: e, to: d}\n"
        case .codebookAliases:
            // The YAML "billion laughs": each anchor a list of ten aliases of the one before.
            s += "id: bomb\ntitle: Bomb\nversion: \"1\"\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            for k in 1..<n { s += "a\(k): &a\(k) [*a\(k - 1), *a\(k - 1), *a\(k - 1), *a\(k - 1), *a\(k - 1), *a\(k - 1), *a\(k - 1), *a\(k - 1), *a\(k - 1), *a\(k - 1)]\n" }
            s += "dimensions: *a\(n - 1)\n"
        case .codebookNesting:
            s += "id: deep\ntitle: Deep\nversion: \"1\"\ndimensions: " + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "\n"
        case .codingsRows:
            s += "paper,coder,dimension,code\n"
            for i in 0..<n { s += "sample-0\(1 + i % 9)-x,fuzz,motivation,health-mental\n" }
        case .qdcSameNames:
            // Every code has one name: ids other, other-2, other-3 … are made for them.
            s += Self.qdcStart + "<Code guid=\"\(Self.guid(0))\" name=\"Dimension\" isCodable=\"false\">\n"
            for i in 1...n { s += "<Code guid=\"\(Self.guid(i))\" name=\"Other\" isCodable=\"true\"/>\n" }
            s += "</Code>\n" + Self.qdcEnd
        case .qdcNested:
            // Chains 60 codes deep (the limit is 64): each code's label names every level above it.
            s += Self.qdcStart
            var made = 0
            while made < n {
                s += "<Code guid=\"\(Self.guid(made))\" name=\"Top \(made)\" isCodable=\"false\">"
                for level in 1..<60 { s += "<Code guid=\"\(Self.guid(made + level))\" name=\"Level \(level)\" isCodable=\"true\">" }
                s += String(repeating: "</Code>", count: 60) + "\n"
                made += 60
            }
            s += Self.qdcEnd
        }
        return Array(s.utf8)
    }

    private static let qdcStart = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\n"
    private static let qdcEnd = "</Codes></CodeBook>\n"

    private static func guid(_ i: Int) -> String {
        let hex = String(i, radix: 16)
        return "00000000-0000-0000-0000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    private static func event(seq: String, extra: String = "") -> String {
        #"{"v":1,"seq":\#(seq),"time":"2026-11-24T10:00:00.000Z","coder":"maya","paper":"p1","op":"set","dim":"motivation","codes":["health-mental"],"codebook":"5e1f"\#(extra)}"#
    }

    /// Runs the parser on `bytes` as litcoder does; returns what it found (records, problems) to print.
    ///
    /// Where a command reads a file in pieces (the corpus, a log) or imports it whole (reading,
    /// giving ids and merging), the bytes are written to a file first and read the same way.
    func run(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-hostile-\(getpid())")
        defer { try? FileManager.default.removeItem(at: url) }
        switch self {
        case .bibtexBrokenEntries, .bibtexStringDoubling, .bibtexStringReuse, .bibtexNames, .latexCommands:
            return Self.summary(BibTeXParser.parse(bytes, file: "hostile.bib"))
        case .bibtexOneKey:
            return try Self.importing(bytes, at: url)
        case .risContinuation, .risLooseTags:
            return Self.summary(RISParser.parse(bytes, file: "hostile.ris"))
        case .medlineContinuation:
            return Self.summary(MedlineParser.parse(bytes, file: "hostile.nbib"))
        case .wosContinuation, .wosAuthors:
            return Self.summary(WebOfScienceParser.parse(bytes, file: "hostile.txt"))
        case .csvPythonList, .csvUnclosedQuotes, .csvTextAfterQuote:
            return Self.summary(try CSVImporter.parse(bytes, file: "hostile.csv"))
        case .csvConstantID:
            return try Self.importing(bytes, at: url)
        case .jsonlImport, .jsonlNested:
            return Self.summary(JSONLinesImporter.parse(bytes, file: "hostile.jsonl"))
        case .corpusLines, .corpusUnknownKeys, .corpusNested:
            try Data(bytes).write(to: url)
            let (corpus, diagnostics) = Corpus.load(files: [url])
            return "\(corpus.count) papers, \(diagnostics.count) problems"
        case .eventsFastPath, .eventsSlowPath, .eventsBigNumbers:
            try Data(bytes).write(to: url)
            let contents = try CodingLog.read(url: url)
            return "\(contents.events.count) events, \(contents.health.malformedLines) malformed"
        case .codebookCodes, .codebookUnmetNeeds, .codebookAliases, .codebookNesting:
            let (codebook, diagnostics) = CodebookLoader.parse(String(decoding: bytes, as: UTF8.self), file: "hostile.yaml")
            return "\(codebook == nil ? "refused" : "loaded"), \(diagnostics.count) problems"
        case .codingsRows:
            return try Self.codings(bytes)
        case .qdcSameNames, .qdcNested:
            let conversion = try QDCCodebook.convert(Data(bytes), file: "hostile.qdc", id: "hostile", title: "Hostile")
            return "\(conversion.codebook.dimensions.reduce(0) { $0 + $1.codes.count }) codes"
        }
    }

    private static func summary(_ parsed: ParsedFile) -> String {
        "\(parsed.recordCount) records, \(parsed.diagnostics.count) problems"
    }

    /// Reading, giving ids and merging duplicates, as `litcoder import` does (without writing the corpus).
    private static func importing(_ bytes: [UInt8], at url: URL) throws -> String {
        try Data(bytes).write(to: url)
        var session = CorpusImport(corpusFiles: [.init(url: url.appendingPathExtension("corpus"), name: "corpus.jsonl",
                                                      papers: [], hasUnreadableLines: false)], target: 0)
        session.read(url: url, file: "hostile", options: .init())
        return "\(session.merger.added.count) papers, \(session.merger.duplicates.count) duplicates"
    }

    private static func codings(_ bytes: [UInt8]) throws -> String {
        guard let codebook = CodebookLoader.parse(BundledSample.codebook, file: "ser.yaml").0 else { return "no codebook" }
        let papers = (1...9).map { Paper(id: "sample-0\($0)-x", title: "T") }
        do {
            let plan = try CodingsImport.plan(Data(bytes), file: "hostile.csv", coder: "fuzz", codebook: codebook,
                                              corpus: Corpus(papers: papers), current: CodingState(coder: "fuzz"))
            return "\(plan.events.count) events"
        } catch {
            return "\(error.diagnostics.count) problems"
        }
    }
}
