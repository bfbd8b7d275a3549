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
