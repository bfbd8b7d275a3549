/// The consensus as it stands: the decisions of `codings/_consensus.jsonl` that still hold
/// against the compared coders' codings, and how complete that is.
///
/// A paper × dimension is **decided** when an adjudicator decided it by hand, or when it was
/// taken automatically and the compared coders still agree on that very value; everything
/// else is **open** (a disagreement nobody decided by hand) or not taken yet (an agreement).
/// The log keeps an automatic decision the coders no longer agree on until `consensus
/// --auto-agreed` withdraws it, but from the moment they stop agreeing it is no decision:
/// every reader of the consensus (the exports of every format, `summary`, `mismatches`,
/// `prisma`, `export --where`, the HTML report, the methods paragraph, `status`) reads
/// `state`, where such a dimension is not coded, and `progress`, where it is open.
public struct StandingConsensus: Sendable {
    /// The consensus with only the decisions that stand: every decision made by hand (and any
    /// value the log holds without a provenance), and every automatic decision on a paper ×
    /// dimension the compared coders still agree on, with the value they agree on. Notes,
    /// flags and done marks are the log's.
    public var state: CodingState
    /// How complete the consensus is over the comparisons.
    public var progress: ConsensusProgress
    /// The coders it was measured against, in the order compared.
    public var coders: [String]

    /// - Parameters:
    ///   - comparisons: the compared coders' comparisons (`CodingComparison.all` of their
    ///     states, each paper among the coders assigned to it).
    ///   - consensus: the consensus log's replayed state.
    ///
    /// With fewer than two coders nothing is compared: every decision made by hand stands,
    /// and no automatic one does.
    public init(codebook: Codebook, comparisons: [CodingComparison], consensus: CodingState, coders: [String]) {
        var progress = ConsensusProgress()
        let standing = progress.tally(comparisons, consensus: consensus, codebook: codebook)
        var state = consensus
        consensus.forEachPaper { paper, coding in
            let fallen = coding.provenance.filter { dimension, provenance in
                provenance.automatic && !standing.contains(Self.key(paper, dimension))
            }
            guard !fallen.isEmpty else { return }
            var kept = coding
            for dimension in fallen.keys {
                kept.provenance[dimension] = nil
                kept.codes[dimension] = nil
                kept.texts[dimension] = nil
            }
            state.setCoding(kept, for: paper)
        }
        self.state = state
        self.progress = progress
        self.coders = coders
    }

    /// The consensus measured against `states` (each paper among the coders assigned to it,
    /// as `CodingPlan.compared` gives them).
    public init(codebook: Codebook, comparedStates states: [CodingState], consensus: CodingState, corpus: Corpus) {
        self.init(codebook: codebook, comparisons: CodingComparison.all(codebook: codebook, states: states, corpus: corpus),
                  consensus: consensus, coders: states.map(\.coder))
    }

    static func key(_ paper: String, _ dimension: String) -> String { paper + "\u{1F}" + dimension }
}
