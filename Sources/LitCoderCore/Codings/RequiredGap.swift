/// A paper a coder marked done while a required dimension of it is still empty: the paper is
/// not fully coded, whatever its done mark says.
public struct RequiredGap: Hashable, Sendable {
    public var paper: String
    /// The required dimensions left empty, in codebook order.
    public var dimensions: [String]

    public init(paper: String, dimensions: [String]) {
        self.paper = paper
        self.dimensions = dimensions
    }

    /// Every done paper of `state` with a required dimension empty, in the order the log first
    /// touched them; papers outside `corpus` (when given) are left out.
    public static func find(in state: CodingState, codebook: Codebook, corpus: Corpus? = nil) -> [RequiredGap] {
        let required = codebook.dimensions.filter(\.required)
        guard !required.isEmpty else { return [] }
        var gaps: [RequiredGap] = []
        state.forEachPaper { paper, coding in
            guard coding.done, corpus?.contains(paper) ?? true else { return }
            let empty = required.filter { coding.codes(for: $0.id).isEmpty && (coding.texts[$0.id] ?? "").isEmpty }.map(\.id)
            if !empty.isEmpty { gaps.append(RequiredGap(paper: paper, dimensions: empty)) }
        }
        return gaps
    }

    /// `paper 'p3' is marked done, but required dimension 'relevance' is empty`.
    public var message: String {
        let names = dimensions.map { "'\($0)'" }.joined(separator: ", ")
        return "paper '\(paper)' is marked done, but required dimension\(dimensions.count == 1 ? "" : "s") \(names) \(dimensions.count == 1 ? "is" : "are") empty"
    }
}
