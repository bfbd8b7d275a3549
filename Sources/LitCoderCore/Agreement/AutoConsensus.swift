/// The consensus decisions that need no adjudicator: where every chosen coder who coded a
/// paper's dimension chose the same codes (`litcoder consensus --auto-agreed`).
public enum AutoConsensus {
    /// `adjudicate` events (automatic, sources = the agreeing coders) for every agreement not
    /// already in `consensus`. Idempotent: an agreement already recorded with the same codes
    /// adds nothing, and a decision an adjudicator made by hand is never overridden.
    public static func events(
        for comparisons: [CodingComparison], consensus: CodingState, adjudicator: String, codebookHash: String
    ) -> [CodingEvent] {
        comparisons.compactMap { comparison in
            guard comparison.isAgreement, let codes = comparison.coded.first?.codes else { return nil }
            let existing = consensus.coding(for: comparison.paper)
            if let provenance = existing.provenance[comparison.dimension] {
                if !provenance.automatic { return nil }
                if Set(existing.codes(for: comparison.dimension)) == Set(codes) { return nil }
            }
            return .adjudicate(
                paper: comparison.paper, dimension: comparison.dimension, codes: codes,
                sources: comparison.coded.map(\.coder), adjudicator: adjudicator, automatic: true,
                codebook: codebookHash)
        }
    }
}
