/// The consensus decisions that need no adjudicator: where every chosen coder who coded a
/// paper gave its dimension the same value (`litcoder consensus --auto-agreed`).
public enum AutoConsensus {
    /// Why an automatic decision is withdrawn, as its event records it.
    public static let withdrawalReason = "withdrawn: the coders no longer agree"

    /// `adjudicate` events for every agreement not already in `consensus` (automatic, sources =
    /// the agreeing coders), and a withdrawal (automatic, no value, no sources) for every
    /// automatic decision the chosen coders no longer agree on, so that it goes back to review.
    /// A dimension some coder of the paper left empty is never an agreement (`CodingComparison`).
    /// Idempotent: an agreement already recorded with the same value adds nothing, and a
    /// decision an adjudicator made by hand is never overridden or withdrawn.
    ///
    /// - Parameter coders: the chosen coders; an automatic decision all of whose sources are
    ///   among them, on a paper and dimension that is no longer compared, is withdrawn too.
    public static func events(
        for comparisons: [CodingComparison], consensus: CodingState, codebook: Codebook, adjudicator: String,
        codebookHash: String, coders: [String]? = nil
    ) -> [CodingEvent] {
        func withdrawal(paper: String, dimension: String) -> CodingEvent {
            // A text or number decision is cleared with an empty text, a coded one with no codes.
            if consensus.coding(for: paper).texts[dimension] != nil {
                return .adjudicate(paper: paper, dimension: dimension, text: "", sources: [], adjudicator: adjudicator,
                                   reason: withdrawalReason, automatic: true, codebook: codebookHash)
            }
            return .adjudicate(paper: paper, dimension: dimension, codes: [], sources: [], adjudicator: adjudicator,
                               reason: withdrawalReason, automatic: true, codebook: codebookHash)
        }
        var dimensions: [String: Dimension] = [:]
        for dimension in codebook.dimensions { dimensions[dimension.id] = dimension }
        var compared = Set<String>()
        var events: [CodingEvent] = comparisons.compactMap { comparison in
            compared.insert(comparison.paper + "\u{1F}" + comparison.dimension)
            let existing = consensus.codingIfPresent(for: comparison.paper)
            let provenance = existing?.provenance[comparison.dimension]
            if provenance?.automatic == false { return nil }
            guard comparison.isAgreement, let agreed = comparison.coded.first,
                  let dimension = dimensions[comparison.dimension] else {
                return provenance == nil ? nil : withdrawal(paper: comparison.paper, dimension: comparison.dimension)
            }
            // Already held, compared as the coders' values are (the same set of codes, the same
            // text once normalised, the same number): the decision stands as it is.
            if provenance != nil, comparison.isHeld(by: existing, dimension: dimension) { return nil }
            let sources = comparison.coded.map(\.coder)
            if let text = agreed.text {
                // The texts agree once normalised; the first coder's wording is the one kept, its
                // white space tidied (no blanks around it, one space between words); a number
                // in its canonical form.
                let kept = dimension.kind == .number ? NumberValue.canonical(text) ?? TextNormalisation.tidied(text)
                    : TextNormalisation.tidied(text)
                return .adjudicate(paper: comparison.paper, dimension: comparison.dimension, text: kept, sources: sources,
                                   adjudicator: adjudicator, automatic: true, codebook: codebookHash)
            }
            return .adjudicate(paper: comparison.paper, dimension: comparison.dimension, codes: agreed.codes,
                               sources: sources, adjudicator: adjudicator, automatic: true, codebook: codebookHash)
        }
        guard let coders else { return events }
        let chosen = Set(coders)
        consensus.forEachPaper { paper, coding in
            for (dimension, provenance) in coding.provenance.sorted(by: { $0.key < $1.key })
            where provenance.automatic && !provenance.sources.isEmpty
                && provenance.sources.allSatisfy(chosen.contains) && !compared.contains(paper + "\u{1F}" + dimension) {
                events.append(withdrawal(paper: paper, dimension: dimension))
            }
        }
        return events
    }
}
