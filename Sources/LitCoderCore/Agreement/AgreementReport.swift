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

        public init(dimensions: [String]? = nil, setDistance: SetDistance = .masi, resamples: Int = 1_000,
                    seed: UInt64 = 1, level: Double = 0.95) {
            self.dimensions = dimensions
            self.setDistance = setDistance
            self.resamples = resamples
            self.seed = seed
            self.level = level
        }
    }

    public var coders: [String]
    public var options: Options
    public var dimensions: [DimensionAgreement]

    /// Agreement among `states` (one per chosen coder) on the codebook's coded dimensions;
    /// free-text dimensions have no codes to agree on and are left out.
    public init(codebook: Codebook, states: [CodingState], options: Options = Options()) {
        coders = states.map(\.coder)
        self.options = options
        let chosen = codebook.dimensions.filter { dimension in
            dimension.kind != .text && (options.dimensions?.contains(dimension.id) ?? true)
        }
        dimensions = chosen.map { dimension in
            DimensionAgreement(DimensionCodings(dimension: dimension, states: states), options: options)
        }
    }
}
