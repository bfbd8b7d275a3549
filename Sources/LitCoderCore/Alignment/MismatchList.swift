/// The mismatched papers of one scope, in corpus order: examples a researcher can quote.
public struct MismatchList: Hashable, Sendable {
    /// One paper mismatched under one alignment.
    public struct Entry: Hashable, Sendable {
        public var paper: Paper
        public var result: AlignmentResult
        public init(paper: Paper, result: AlignmentResult) {
            self.paper = paper
            self.result = result
        }
    }

    public var scope: String
    public var entries: [Entry]

    public init(scope: String, entries: [Entry]) {
        self.scope = scope
        self.entries = entries
    }

    /// Every corpus paper that `state` codes into a mismatch, for one alignment or all.
    public init(scope: String, evaluator: AlignmentEvaluator, corpus: Corpus, state: CodingState, alignment: String? = nil) {
        let rules = evaluator.compiled.filter { alignment == nil || $0.rule.id == alignment }
        var entries: [Entry] = []
        for paper in corpus.papers {
            guard let coding = state.codingIfPresent(for: paper.id) else { continue }
            for rule in rules {
                let result = evaluator.result(of: rule, for: coding)
                if result.outcome == .mismatched { entries.append(Entry(paper: paper, result: result)) }
            }
        }
        self.init(scope: scope, entries: entries)
    }
}
