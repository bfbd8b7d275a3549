import Foundation

/// Every paper and dimension on which the chosen coders differ, or that some of them left
/// empty, with each coder's value and note: what `litcoder disagreements` prints and the
/// review screen walks.
public struct DisagreementList: Sendable {
    public var coders: [String]
    public var items: [CodingComparison]
    /// Paper titles by id, for display.
    public var titles: [String: String]
    /// The number dimensions: their values are shown as numbers, not as quoted text.
    public var numberDimensions: Set<String>

    public init(codebook: Codebook, states: [CodingState], dimensions: [String]? = nil, corpus: Corpus = Corpus()) {
        self.init(coders: states.map(\.coder),
                  items: CodingComparison.disagreements(codebook: codebook, states: states, dimensions: dimensions,
                                                        corpus: corpus),
                  corpus: corpus, numberDimensions: Set(codebook.dimensions.filter { $0.kind == .number }.map(\.id)))
    }

    /// The disagreements among `comparisons` (as `CodingComparison.all` gives them).
    public init(coders: [String], items comparisons: [CodingComparison], corpus: Corpus = Corpus(),
                numberDimensions: Set<String> = []) {
        self.coders = coders
        self.numberDimensions = numberDimensions
        items = comparisons.filter(\.isDisagreement)
        var titles: [String: String] = [:]
        for item in items where titles[item.paper] == nil { titles[item.paper] = corpus.paper(item.paper)?.title ?? "" }
        self.titles = titles
    }

    /// How many items are of each kind.
    public func count(_ kind: CodingComparison.Kind) -> Int { items.count { $0.kind == kind } }

    /// `12 disagreements among alice and bob (3 not coded by a coder, 1 required and not coded)`.
    public var countLine: String {
        var line = "\(items.count) disagreement\(items.count == 1 ? "" : "s") among \(coders.joined(separator: ", "))"
        var kinds: [String] = []
        if count(.notCoded) > 0 { kinds.append("\(count(.notCoded)) not coded by a coder who coded the paper") }
        if count(.requiredNotCoded) > 0 { kinds.append("\(count(.requiredNotCoded)) required and not coded on a paper marked done") }
        if !kinds.isEmpty { line += " (" + kinds.joined(separator: "; ") + ")" }
        return line
    }

    /// One block per disagreement: paper, dimension, its kind when not a plain difference and
    /// the title, then a line per coder.
    public func table() -> String {
        guard !items.isEmpty else { return "no disagreements among \(coders.joined(separator: ", "))" }
        let width = coders.map(\.count).max() ?? 0
        // Padded once per coder: Foundation's padding of every line was a large share of a long list.
        let padded = Dictionary(coders.map { ($0, $0.padding(toLength: width, withPad: " ", startingAt: 0)) },
                                uniquingKeysWith: { first, _ in first })
        let numberDimensions = numberDimensions
        let titles = titles
        // Each item's block on its own, in runs on all cores, joined in order.
        var blocks = ParallelChunks.map(count: items.count, minimumChunk: 4_096) { index -> String in
            let item = items[index]
            var head = "\(item.paper)  \(item.dimension)"
            if let phrase = item.kindPhrase { head += "  (\(phrase))" }
            if let title = titles[item.paper], !title.isEmpty { head += "  \(title)" }
            var lines = [head]
            for coding in item.codings {
                let name = padded[coding.coder] ?? coding.coder.padding(toLength: width, withPad: " ", startingAt: 0)
                var line = "  \(name)  \(Self.shown(coding, isNumber: numberDimensions.contains(item.dimension)))"
                if !coding.note.isEmpty { line += "  — note: " + Self.oneLine(coding.note) }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }
        blocks.append(countLine)
        return blocks.joined(separator: "\n\n")
    }

    /// A coder's value as the table shows it: codes, a number as numbers are printed
    /// everywhere (`NumberValue.text`), a text in quotes, or why there is none.
    static func shown(_ coding: CodingComparison.CoderCoding, isNumber: Bool = false) -> String {
        if isNumber, let text = coding.text, let number = NumberValue.canonical(text) { return number }
        if let text = coding.text { return "\"" + oneLine(text) + "\"" }
        if !coding.codes.isEmpty { return coding.codes.joined(separator: ", ") }
        return coding.codedPaper ? "(not coded)" : "(did not code this paper)"
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// One row per disagreement and coder: `paper,title,dimension,kind,coder,codes,text,note`;
    /// codes separated by `;`, `text` the value of a text or number dimension.
    public func csv() -> String {
        var table = TextTable(header: ["paper", "title", "dimension", "kind", "coder", "codes", "text", "note"])
        for item in items {
            for coding in item.codings {
                table.append([item.paper, titles[item.paper] ?? "", item.dimension, item.kind.rawValue, coding.coder,
                              coding.codes.joined(separator: ";"), coding.text ?? "", coding.note])
            }
        }
        return table.csv()
    }

    /// `{"coders", "disagreements": [{"paper", "title", "dimension", "kind", "not_coded_by",
    /// "codings": [{"coder", "codes", "text", "note", "coded_paper"}]}]}`.
    public func json() -> String {
        JSONValue.object([
            ("coders", .array(coders.map { .string($0) })),
            ("disagreements", .array(items.map { item in
                .object([
                    ("paper", .string(item.paper)),
                    ("title", .string(titles[item.paper] ?? "")),
                    ("dimension", .string(item.dimension)),
                    ("kind", .string(item.kind.rawValue)),
                    ("not_coded_by", .array(item.notCodedBy.map { .string($0) })),
                    ("codings", .array(item.codings.map { coding in
                        .object([
                            ("coder", .string(coding.coder)),
                            ("codes", .array(coding.codes.map { .string($0) })),
                            ("text", coding.text.map { .string($0) } ?? .null),
                            ("note", .string(coding.note)),
                            ("coded_paper", .bool(coding.codedPaper)),
                        ])
                    })),
                ])
            })),
        ]).rendered()
    }
}
