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
        // Read from the state's columns, without assembling each paper's coding.
        for number in 0..<state.paperCount where state.marks(number: number).done {
            let paper = state.paperID(number: number)
            guard corpus?.contains(paper) ?? true else { continue }
            let empty = required.filter { !state.hasValue(number: number, dimension: $0.id) }.map(\.id)
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
