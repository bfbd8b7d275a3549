/// Each alignment's outcome for one paper after another, for exports that need only the
/// verdict: the alignment engine's own judgement, without building the explanation.
///
/// Keeps one buffer of located codes across papers, so judging 100,000 papers allocates once.
struct AlignmentOutcomes {
    let evaluator: AlignmentEvaluator
    private var located = CodedPositions()

    init(_ evaluator: AlignmentEvaluator) { self.evaluator = evaluator }

    /// Whether the codebook has any alignment to judge.
    var isEmpty: Bool { evaluator.compiled.isEmpty }

    /// Calls `body` with each alignment's outcome for `coding`, in codebook order.
    mutating func forEach(_ coding: PaperCoding, _ body: (AlignmentResult.Outcome) -> Void) {
        guard !evaluator.compiled.isEmpty else { return }
        located.locate(coding, in: evaluator.dimensions, position: evaluator.dimensionPosition)
        for alignment in evaluator.compiled {
            let judgement = alignment.judge(fromRows: located.codes(of: alignment.fromDimension),
                                            toCodes: located.codes(of: alignment.toDimension))
            body(judgement.outcome)
        }
    }
}
