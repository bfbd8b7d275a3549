/// Judges papers against a codebook's alignments: aligned, mismatched or undetermined.
///
/// The rule (documented in `docs/codebook-format.md`): a coded `from` code with needs is
/// *served* when one single coded `to` code provides everything it needs; needs met only by
/// combining several `to` codes do not count, because each dataset is a separate deployment
/// context. A paper is aligned when every such code is served, mismatched when any is not.
/// Codes that are no longer in the codebook are ignored here and reported by `staleCodes(in:)`.
public struct AlignmentEvaluator: Sendable {
    public let codebook: Codebook
    let compiled: [CompiledAlignment]
    /// Every codebook dimension, in codebook order.
    let dimensions: [CompiledDimension]
    /// Dimension id → position in `dimensions` (the first, if an invalid codebook repeats one).
    let dimensionPosition: CodeLookup

    public init(codebook: Codebook) {
        self.codebook = codebook
        dimensions = codebook.dimensions.map(CompiledDimension.init)
        let position = CodeLookup(codebook.dimensions.map(\.id))
        dimensionPosition = position
        compiled = codebook.alignments.map {
            CompiledAlignment(rule: $0, codebook: codebook, dimensionPosition: position)
        }
    }

    public var alignments: [AlignmentRule] { compiled.map(\.rule) }

    /// Every alignment's result for one paper, in codebook order.
    public func evaluate(_ coding: PaperCoding) -> [AlignmentResult] {
        var located = CodedPositions()
        located.locate(coding, in: dimensions, position: dimensionPosition)
        return compiled.map { result(of: $0, located: located) }
    }

    /// One alignment's result for one paper; nil when the codebook has no such alignment.
    public func evaluate(_ coding: PaperCoding, alignment id: String) -> AlignmentResult? {
        guard let alignment = compiled.first(where: { $0.rule.id == id }) else { return nil }
        return result(of: alignment, for: coding)
    }

    func result(of alignment: CompiledAlignment, for coding: PaperCoding) -> AlignmentResult {
        var located = CodedPositions()
        located.locate(coding, in: dimensions, position: dimensionPosition)
        return result(of: alignment, located: located)
    }

    func result(of alignment: CompiledAlignment, located: CodedPositions) -> AlignmentResult {
        let judgement = alignment.judge(
            fromRows: located.codes(of: alignment.fromDimension), toCodes: located.codes(of: alignment.toDimension))
        let provided = alignment.providedColumns(judgement.toCodes)
        let providedSet = Set(provided)
        let unserved = judgement.unservedRows.map { row in
            let unmet = zip(alignment.needsAsWritten[row], alignment.needs[row])
                .filter { _, numbers in !numbers.contains(where: providedSet.contains) }
                .map(\.0)
            return AlignmentResult.Unserved(
                code: alignment.rows[row], needs: alignment.needsAsWritten[row], unmet: unmet)
        }
        return AlignmentResult(
            alignment: alignment.rule, outcome: judgement.outcome, reason: judgement.reason,
            fromCodes: judgement.fromRows.map { alignment.rows[$0] },
            toCodes: judgement.toCodes.map { alignment.toCodes[$0] },
            provided: provided.map { alignment.columns[$0] },
            served: judgement.servedRows.map { alignment.rows[$0] },
            unserved: unserved)
    }

    /// The codes a paper carries that the codebook no longer has (or whose dimension it no
    /// longer has), each once, sorted by dimension then in the order they appear.
    public func staleCodes(in coding: PaperCoding) -> [StaleCoding.Code] {
        var stale: [StaleCoding.Code] = []
        for dimension in coding.codes.keys.sorted() {
            let known = dimensionPosition[dimension].map { dimensions[$0].index }
            for code in coding.codes[dimension] ?? [] where known?[code] == nil {
                let entry = StaleCoding.Code(dimension: dimension, code: code)
                if !stale.contains(entry) { stale.append(entry) }
            }
        }
        return stale
    }
}
