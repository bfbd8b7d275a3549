/// The consensus decisions that need no adjudicator: where every chosen coder who coded a
/// paper's dimension chose the same codes (`litcoder consensus --auto-agreed`).
public enum AutoConsensus {
    /// Why an automatic decision is withdrawn, as its event records it.
    public static let withdrawalReason = "withdrawn: the coders no longer agree"

    /// `adjudicate` events for every agreement not already in `consensus` (automatic, sources =
    /// the agreeing coders), and a withdrawal (automatic, no codes, no sources) for every
    /// automatic decision the chosen coders no longer agree on, so that it goes back to review.
    /// Idempotent: an agreement already recorded with the same codes adds nothing, and a
    /// decision an adjudicator made by hand is never overridden or withdrawn.
    ///
    /// - Parameter coders: the chosen coders; an automatic decision all of whose sources are
    ///   among them, on a paper and dimension fewer than two of them still code, is withdrawn too.
    public static func events(
        for comparisons: [CodingComparison], consensus: CodingState, adjudicator: String, codebookHash: String,
        coders: [String]? = nil
    ) -> [CodingEvent] {
        func withdrawal(paper: String, dimension: String) -> CodingEvent {
            .adjudicate(paper: paper, dimension: dimension, codes: [], sources: [], adjudicator: adjudicator,
                        reason: withdrawalReason, automatic: true, codebook: codebookHash)
        }
        var compared = Set<String>()
        var events: [CodingEvent] = comparisons.compactMap { comparison in
            compared.insert(comparison.paper + "\u{1F}" + comparison.dimension)
            let existing = consensus.coding(for: comparison.paper)
            let provenance = existing.provenance[comparison.dimension]
            if provenance?.automatic == false { return nil }
            guard comparison.isAgreement, let codes = comparison.coded.first?.codes else {
                return provenance == nil ? nil : withdrawal(paper: comparison.paper, dimension: comparison.dimension)
            }
            if provenance != nil, Set(existing.codes(for: comparison.dimension)) == Set(codes) { return nil }
            return .adjudicate(
                paper: comparison.paper, dimension: comparison.dimension, codes: codes,
                sources: comparison.coded.map(\.coder), adjudicator: adjudicator, automatic: true,
                codebook: codebookHash)
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
