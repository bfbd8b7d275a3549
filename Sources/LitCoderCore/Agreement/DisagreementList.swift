import Foundation

/// Every paper and dimension on which the chosen coders differ, with each coder's codes and
/// note: what `litcoder disagreements` prints and the review screen walks.
public struct DisagreementList: Sendable {
    public var coders: [String]
    public var items: [CodingComparison]
    /// Paper titles by id, for display.
    public var titles: [String: String]

    public init(codebook: Codebook, states: [CodingState], dimensions: [String]? = nil, corpus: Corpus = Corpus()) {
        coders = states.map(\.coder)
        items = CodingComparison.all(codebook: codebook, states: states, dimensions: dimensions, corpus: corpus)
            .filter(\.isDisagreement)
        var titles: [String: String] = [:]
        for item in items where titles[item.paper] == nil { titles[item.paper] = corpus.paper(item.paper)?.title ?? "" }
        self.titles = titles
    }

    /// One block per disagreement: paper, title and dimension, then a line per coder.
    public func table() -> String {
        guard !items.isEmpty else { return "no disagreements among \(coders.joined(separator: ", "))" }
        let width = coders.map(\.count).max() ?? 0
        var blocks: [String] = []
        for item in items {
            var lines = ["\(item.paper)  \(item.dimension)  \(titles[item.paper] ?? "")"
                .trimmingCharacters(in: .whitespaces)]
            for coding in item.codings {
                let name = coding.coder.padding(toLength: width, withPad: " ", startingAt: 0)
                let codes = coding.codes.isEmpty ? "(not coded)" : coding.codes.joined(separator: ", ")
                var line = "  \(name)  \(codes)"
                if !coding.note.isEmpty { line += "  — note: " + coding.note.replacingOccurrences(of: "\n", with: " ") }
                lines.append(line)
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        blocks.append("\(items.count) disagreement\(items.count == 1 ? "" : "s") among \(coders.joined(separator: ", "))")
        return blocks.joined(separator: "\n\n")
    }

    /// One row per disagreement and coder: `paper,title,dimension,coder,codes,note`; codes
    /// separated by `;`.
    public func csv() -> String {
        var table = TextTable(header: ["paper", "title", "dimension", "coder", "codes", "note"])
        for item in items {
            for coding in item.codings {
                table.append([item.paper, titles[item.paper] ?? "", item.dimension, coding.coder,
                              coding.codes.joined(separator: ";"), coding.note])
            }
        }
        return table.csv()
    }

    /// `{"coders": [...], "disagreements": [{"paper", "title", "dimension", "codings":
    /// [{"coder", "codes", "note"}]}]}`; `codes` is `[]` where a coder did not code it.
    public func json() -> String {
        JSONValue.object([
            ("coders", .array(coders.map { .string($0) })),
            ("disagreements", .array(items.map { item in
                .object([
                    ("paper", .string(item.paper)),
                    ("title", .string(titles[item.paper] ?? "")),
                    ("dimension", .string(item.dimension)),
                    ("codings", .array(item.codings.map { coding in
                        .object([
                            ("coder", .string(coding.coder)),
                            ("codes", .array(coding.codes.map { .string($0) })),
                            ("note", .string(coding.note)),
                        ])
                    })),
                ])
            })),
        ]).rendered()
    }
}
