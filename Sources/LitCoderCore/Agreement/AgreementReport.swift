/// Inter-coder agreement per dimension for a chosen set of coders: what `litcoder agree` shows.
///
/// Every number is derived from the coders' replayed logs and the codebook; the same files, the
/// same options and the same seed give the same report.
public struct AgreementReport: Hashable, Sendable {
    /// What to compute.
    public struct Options: Hashable, Sendable {
        /// Only these dimensions (ids), in codebook order; nil for every coded dimension.
        public var dimensions: [String]?
        /// The set distance for multi-select dimensions; MASI by default (Passonneau 2006),
        /// because it gives partial credit for overlap and more for one set containing the other.
        public var setDistance: SetDistance
        /// X, the bootstrap replicates; 0 for no interval.
        public var resamples: Int
        public var seed: UInt64
        public var level: Double
        /// Also every pair of coders' α (and Cohen's κ on single-choice dimensions).
        public var pairs: Bool

        public init(dimensions: [String]? = nil, setDistance: SetDistance = .masi, resamples: Int = 1_000,
                    seed: UInt64 = 1, level: Double = 0.95, pairs: Bool = false) {
            self.dimensions = dimensions
            self.setDistance = setDistance
            self.resamples = resamples
            self.seed = seed
            self.level = level
            self.pairs = pairs
        }
    }

    public var coders: [String]
    public var options: Options
    public var dimensions: [DimensionAgreement]

    /// Agreement among `states` (one per chosen coder) on the codebook's dimensions, every kind:
    /// codes, texts (compared normalised) and numbers. Pure, so any set of coders and papers
    /// (a calibration round, an assignment) can be measured alike.
    public init(codebook: Codebook, states: [CodingState], options: Options = Options()) {
        coders = states.map(\.coder)
        self.options = options
        let chosen = codebook.dimensions.filter { options.dimensions?.contains($0.id) ?? true }
        let coverage = DimensionCodings.coverage(of: states)
        // Dimensions are independent (each bootstrap has its own seeded stream), so they are
        // computed on all cores; the report is the same whichever finishes first.
        dimensions = ParallelChunks.map(count: chosen.count, minimumChunk: 1) { index in
            DimensionAgreement(DimensionCodings(dimension: chosen[index], states: states), options: options, coverage: coverage)
        }
    }
}
