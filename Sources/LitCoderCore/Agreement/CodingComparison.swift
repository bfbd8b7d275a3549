/// How the chosen coders coded one paper on one dimension, side by side.
///
/// A comparison exists only where at least two of them coded the dimension (an empty selection
/// is "not coded"); it is an agreement when all of those coded the same set of codes.
public struct CodingComparison: Hashable, Sendable {
    public var paper: String
    public var dimension: String
    /// One entry per chosen coder, in the order chosen; `codes` is empty when not coded.
    public var codings: [CoderCoding]

    /// One coder's codes (in codebook order) and note on the paper.
    public struct CoderCoding: Hashable, Sendable {
        public var coder: String
        public var codes: [String]
        public var note: String
        public init(coder: String, codes: [String], note: String) {
            self.coder = coder
            self.codes = codes
            self.note = note
        }
    }

    public init(paper: String, dimension: String, codings: [CoderCoding]) {
        self.paper = paper
        self.dimension = dimension
        self.codings = codings
    }

    /// The coders who coded this dimension.
    public var coded: [CoderCoding] { codings.filter { !$0.codes.isEmpty } }

    /// Whether everyone who coded it chose the same set of codes.
    public var isAgreement: Bool {
        let sets = coded.map { Set($0.codes) }
        return sets.count >= 2 && sets.allSatisfy { $0 == sets[0] }
    }

    public var isDisagreement: Bool { coded.count >= 2 && !isAgreement }

    /// Codes every coder who coded it chose, in codebook order.
    public var intersection: [String] {
        guard let first = coded.first else { return [] }
        let common = coded.dropFirst().reduce(Set(first.codes)) { $0.intersection($1.codes) }
        return first.codes.filter { common.contains($0) }
    }

    /// Codes any coder who coded it chose, in the order first met (codebook order per coder).
    public var union: [String] {
        var seen = Set<String>()
        return coded.flatMap(\.codes).filter { seen.insert($0).inserted }
    }

    /// Every paper and coded dimension that at least two of `states` coded, in corpus order
    /// (papers outside the corpus last, by id), dimensions in codebook order.
    public static func all(
        codebook: Codebook, states: [CodingState], dimensions: [String]? = nil, corpus: Corpus = Corpus()
    ) -> [CodingComparison] {
        let chosen = codebook.dimensions.filter { $0.kind != .text && (dimensions?.contains($0.id) ?? true) }
        var paperIds = Set<String>()
        for state in states { state.forEachPaper { id, coding in if !coding.codes.isEmpty { paperIds.insert(id) } } }
        let paperOrder = paperIds.sorted { a, b in
            switch (corpus.index(of: a), corpus.index(of: b)) {
            case let (x?, y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
        var out: [CodingComparison] = []
        for paper in paperOrder {
            for dimension in chosen {
                let codings = states.map { state in
                    let coding = state.coding(for: paper)
                    return CoderCoding(coder: state.coder, codes: ordered(coding.codes(for: dimension.id), dimension),
                                       note: coding.note)
                }
                let comparison = CodingComparison(paper: paper, dimension: dimension.id, codings: codings)
                if comparison.coded.count >= 2 { out.append(comparison) }
            }
        }
        return out
    }

    /// Codes in codebook order, unknown ones after them sorted, duplicates dropped.
    static func ordered(_ codes: [String], _ dimension: Dimension) -> [String] {
        let set = Set(codes)
        let known = dimension.codes.map(\.id).filter { set.contains($0) }
        return known + set.subtracting(known).sorted()
    }
}
