/// The mismatched papers of one scope, in corpus order: examples a researcher can quote.
public struct MismatchList: Hashable, Sendable {
    /// One paper mismatched under one alignment.
    public struct Entry: Hashable, Sendable {
        public var paper: Paper
        public var result: AlignmentResult
        /// The quotes that stand for the alignment's coded `from` and `to` codes: the words
        /// where the paper states its motivation and names its data.
        public var evidence: [QuotedCode]
        public init(paper: Paper, result: AlignmentResult, evidence: [QuotedCode] = []) {
            self.paper = paper
            self.result = result
            self.evidence = evidence
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
                if result.outcome == .mismatched {
                    entries.append(Entry(paper: paper, result: result,
                                         evidence: QuotedCode.standing(in: coding, for: result, paper: paper)))
                }
            }
        }
        self.init(scope: scope, entries: entries)
    }
}
