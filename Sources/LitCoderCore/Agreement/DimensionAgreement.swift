/// The agreement statistics of one dimension.
public struct DimensionAgreement: Hashable, Sendable {
    public var id: String
    public var label: String
    public var kind: Dimension.Kind
    /// Whether the codes are an ordered scale (single-choice only).
    public var ordered: Bool
    /// `nominal`, `ordinal`, `interval`, `masi` or `jaccard`.
    public var distance: String
    /// Papers coded on this dimension by at least two of the chosen coders.
    public var units: Int
    /// n: the values in those papers.
    public var pairableValues: Int
    /// Papers on which some coders who coded the paper gave this dimension a value and others
    /// left it empty: their empty codings count as missing values.
    public var notCoded: Int
    /// Codings left out as missing because they have no place on an ordered scale or are no number.
    public var offScale: Int
    public var percentAgreement: Coefficient
    public var alpha: Coefficient
    public var bootstrap: AlphaBootstrap
    public var cohenKappa: Coefficient
    public var scottPi: Coefficient
    public var fleissKappa: Coefficient
    /// Multi-select only: α of each code's presence, so a team sees which codes are unreliable.
    public var perCode: [CodeAlpha]
    /// With `Options.pairs`: every pair of the chosen coders, in the order chosen.
    public var pairs: [PairAgreement]

    /// α of one code of a multi-select dimension, coded present or absent.
    public struct CodeAlpha: Hashable, Sendable {
        public var code: String
        public var alpha: Coefficient
    }

    /// - Parameter coverage: how many of the chosen coders coded each paper
    ///   (`DimensionCodings.coverage(of:)`), to count `notCoded`; nil counts none.
    public init(_ codings: DimensionCodings, options: AgreementReport.Options, coverage: [String: Int]? = nil) {
        let dimension = codings.dimension
        let data = codings.data
        id = dimension.id
        label = dimension.label
        kind = dimension.kind
        ordered = dimension.kind == .single && dimension.ordered
        notCoded = coverage.map(codings.notCodedUnits(coverage:)) ?? 0
        offScale = codings.offScale
        distance = codings.distanceName(setDistance: options.setDistance)
        if dimension.kind == .multi {
            // One value per distinct set of codes: too many for a dense value × value matrix.
            let setAlpha = SetDistanceAlpha(data, sets: codings.valueCodes, distance: options.setDistance,
                                            label: codings.label(of:))
            units = setAlpha.coincidences.pairableUnits
            pairableValues = Int(setAlpha.coincidences.total)
            alpha = setAlpha.coefficient
            bootstrap = setAlpha.bootstrap(coderCount: codings.coders.count, resamples: options.resamples,
                                           seed: options.seed, level: options.level)
        } else {
            let matrix = CoincidenceMatrix(data)
            units = matrix.pairableUnits
            pairableValues = Int(matrix.total)
            let metric = codings.metric(setDistance: options.setDistance)
            let krippendorff = KrippendorffAlpha(matrix, metric: metric, label: codings.label(of:))
            alpha = krippendorff.coefficient
            bootstrap = AlphaBootstrap(matrix: matrix, alpha: krippendorff, coderCount: codings.coders.count,
                                       resamples: options.resamples, seed: options.seed, level: options.level)
        }
        percentAgreement = PercentAgreement.of(data)
        // κ, π and Fleiss' κ count categories: they fit codes, not free text or numbers.
        let categorical = dimension.takesCodes
        let notCategorical = dimension.kind == .number
            ? "n/a: number dimension (interval α measures it)" : "n/a: free-text dimension (% agreement and nominal α measure it)"
        if !categorical {
            cohenKappa = .undefined(notCategorical)
            scottPi = .undefined(notCategorical)
        } else if codings.coders.count == 2 {
            cohenKappa = CohensKappa.of(data)
            scottPi = ScottsPi.of(data)
        } else {
            let reason = "n/a: needs exactly 2 coders, \(codings.coders.count) chosen"
            cohenKappa = .undefined(reason)
            scottPi = .undefined(reason)
        }
        if dimension.kind == .multi {
            fleissKappa = .undefined("n/a: multi-select dimension (Fleiss' κ needs one code per coding)")
            perCode = zip(codings.codesUsed, CodePresence.matrices(codings)).map { code, matrix in
                let alpha = KrippendorffAlpha(matrix, metric: .nominal, label: { $0 == 1 ? "present" : "absent" })
                return CodeAlpha(code: code, alpha: alpha.coefficient)
            }
        } else {
            fleissKappa = categorical ? FleissKappa.of(data) : .undefined(notCategorical)
            perCode = []
        }
        pairs = options.pairs ? PairAgreement.all(codings, metric: codings.metric(setDistance: options.setDistance)) : []
        if units == 0 {
            let reason = "no paper was coded on this dimension by 2 or more of the chosen coders"
            percentAgreement = .undefined(reason)
            alpha = .undefined(reason)
            bootstrap.lower = .undefined(reason)
            bootstrap.upper = .undefined(reason)
            if categorical, codings.coders.count == 2 {
                cohenKappa = .undefined(reason)
                scottPi = .undefined(reason)
            }
            if categorical, dimension.kind != .multi { fleissKappa = .undefined(reason) }
        }
    }
}

/// Agreement between two of the chosen coders on one dimension: α with the dimension's
/// distance over the papers both coded, and Cohen's κ on a single-choice dimension.
public struct PairAgreement: Hashable, Sendable {
    public var first: String
    public var second: String
    /// Papers both coded on the dimension.
    public var units: Int
    public var percentAgreement: Coefficient
    public var alpha: Coefficient
    public var cohenKappa: Coefficient

    /// The pair `first`, `second` (indices into `codings.coders`) under `metric`.
    public init(_ codings: DimensionCodings, first: Int, second: Int, metric: DistanceMetric) {
        self.first = codings.coders[first]
        self.second = codings.coders[second]
        let full = codings.data
        var cells: [Int32] = []
        cells.reserveCapacity(full.unitCount * 2)
        for unit in 0..<full.unitCount {
            let a = full.value(unit: unit, coder: first), b = full.value(unit: unit, coder: second)
            // Only papers both coded can be compared; dropping the rest changes no statistic.
            guard a >= 0, b >= 0 else { continue }
            cells += [a, b]
        }
        let data = ReliabilityData(coderCount: 2, valueCount: full.valueCount, cells: cells)
        units = data.unitCount
        let noPaper = "\(self.first) and \(self.second) coded no paper of this dimension both"
        percentAgreement = units == 0 ? .undefined(noPaper) : PercentAgreement.of(data)
        alpha = units == 0 ? .undefined(noPaper) : KrippendorffAlpha(data, metric: metric, label: codings.label(of:)).coefficient
        switch codings.dimension.kind {
        case .single: cohenKappa = units == 0 ? .undefined(noPaper) : CohensKappa.of(data)
        case .multi: cohenKappa = .undefined("n/a: multi-select dimension (Cohen's κ is given for single-choice dimensions)")
        case .text: cohenKappa = .undefined("n/a: free-text dimension")
        case .number: cohenKappa = .undefined("n/a: number dimension (interval α measures it)")
        }
    }

    /// Every pair of `codings.coders`, in the order chosen: (1, 2), (1, 3), (2, 3) …
    static func all(_ codings: DimensionCodings, metric: DistanceMetric) -> [PairAgreement] {
        var pairs: [PairAgreement] = []
        for i in codings.coders.indices {
            for j in codings.coders.indices where j > i {
                pairs.append(PairAgreement(codings, first: i, second: j, metric: metric))
            }
        }
        return pairs
    }

    /// Each undefined statistic by its field name, with the reason.
    public var undefinedReasons: [(field: String, reason: String)] {
        [("percent_agreement", percentAgreement), ("krippendorff_alpha", alpha), ("cohen_kappa", cohenKappa)]
            .compactMap { field, c in c.undefinedReason.map { (field, $0) } }
    }
}
