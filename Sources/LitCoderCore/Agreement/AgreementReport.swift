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

/// The agreement statistics of one dimension.
public struct DimensionAgreement: Hashable, Sendable {
    public var id: String
    public var label: String
    public var kind: Dimension.Kind
    /// `nominal`, `masi` or `jaccard`.
    public var distance: String
    /// Papers coded on this dimension by at least two of the chosen coders.
    public var units: Int
    /// n: the values in those papers.
    public var pairableValues: Int
    public var percentAgreement: Coefficient
    public var alpha: Coefficient
    public var bootstrap: AlphaBootstrap
    public var cohenKappa: Coefficient
    public var scottPi: Coefficient
    public var fleissKappa: Coefficient
    /// Multi-select only: α of each code's presence, so a team sees which codes are unreliable.
    public var perCode: [CodeAlpha]

    /// α of one code of a multi-select dimension, coded present or absent.
    public struct CodeAlpha: Hashable, Sendable {
        public var code: String
        public var alpha: Coefficient
    }

    public init(_ codings: DimensionCodings, options: AgreementReport.Options) {
        let dimension = codings.dimension
        let data = codings.data
        id = dimension.id
        label = dimension.label
        kind = dimension.kind
        let matrix = CoincidenceMatrix(data)
        units = matrix.pairableUnits
        pairableValues = Int(matrix.total)
        let metric: DistanceMetric
        if dimension.kind == .multi {
            distance = options.setDistance.rawValue
            metric = .table(options.setDistance.table(for: codings.valueCodes.map(Set.init)))
        } else {
            distance = "nominal"
            metric = .nominal
        }
        let krippendorff = KrippendorffAlpha(matrix, metric: metric, label: codings.label(of:))
        alpha = krippendorff.coefficient
        bootstrap = AlphaBootstrap(matrix: matrix, alpha: krippendorff, coderCount: codings.coders.count,
                                   resamples: options.resamples, seed: options.seed, level: options.level)
        percentAgreement = PercentAgreement.of(data)
        if codings.coders.count == 2 {
            cohenKappa = CohensKappa.of(data)
            scottPi = ScottsPi.of(data)
        } else {
            let reason = "n/a: needs exactly 2 coders, \(codings.coders.count) chosen"
            cohenKappa = .undefined(reason)
            scottPi = .undefined(reason)
        }
        if dimension.kind == .multi {
            fleissKappa = .undefined("n/a: multi-select dimension (Fleiss' κ needs one code per coding)")
            perCode = codings.codesUsed.map { code in
                let presence = codings.presence(of: code)
                let alpha = KrippendorffAlpha(presence, metric: .nominal, label: { $0 == 1 ? "present" : "absent" })
                return CodeAlpha(code: code, alpha: alpha.coefficient)
            }
        } else {
            fleissKappa = FleissKappa.of(data)
            perCode = []
        }
        if units == 0 {
            let reason = "no paper was coded on this dimension by 2 or more of the chosen coders"
            percentAgreement = .undefined(reason)
            alpha = .undefined(reason)
            bootstrap.lower = .undefined(reason)
            bootstrap.upper = .undefined(reason)
            if codings.coders.count == 2 {
                cohenKappa = .undefined(reason)
                scottPi = .undefined(reason)
            }
            if dimension.kind != .multi { fleissKappa = .undefined(reason) }
        }
    }
}
