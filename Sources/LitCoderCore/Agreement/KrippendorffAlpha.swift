/// Krippendorff's α, following Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability".
///
/// α = 1 − D_o / D_e over the coincidence matrix: any number of coders, missing values allowed,
/// units with fewer than two values ignored. Undefined when D_e = 0 (no pairable variation).
public struct KrippendorffAlpha: Hashable, Sendable {
    public var coefficient: Coefficient
    /// D_o, the observed disagreement.
    public var observedDisagreement: Double
    /// D_e, the disagreement expected by chance.
    public var expectedDisagreement: Double
    /// The distance table the disagreements were weighed with.
    public var distances: [Double]

    /// α of `matrix` under `metric`; `label(id)` names a value in the "no variation" reason.
    public init(_ matrix: CoincidenceMatrix, metric: DistanceMetric, label: (Int) -> String = { "#\($0)" }) {
        let v = matrix.valueCount
        let table = metric.distances(for: matrix)
        distances = table
        let n = matrix.total
        guard n >= 2 else {
            observedDisagreement = 0
            expectedDisagreement = 0
            coefficient = .undefined("too few pairable values: no paper was coded by 2 or more coders")
            return
        }
        var observed = 0.0
        var expected = 0.0
        matrix.cells.withUnsafeBufferPointer { o in
            table.withUnsafeBufferPointer { delta in
                for c in 0..<v where matrix.valueTotals[c] > 0 {
                    let nc = matrix.valueTotals[c]
                    var rowExpected = 0.0
                    for k in 0..<v {
                        let d = delta[c * v + k]
                        observed += o[c * v + k] * d
                        rowExpected += matrix.valueTotals[k] * d
                    }
                    expected += nc * rowExpected
                }
            }
        }
        observedDisagreement = observed / n
        expectedDisagreement = expected / (n * (n - 1))
        coefficient = KrippendorffAlpha.coefficient(observed: observed, expected: expected, n: n,
                                                    pairableValues: matrix.pairableValueIds, label: label)
    }

    /// α = 1 − (n − 1) · D_o / D_e from the sums of observed and expected distances over `n`
    /// pairable values; undefined, saying why, when nothing varies (every set of α's kind, dense
    /// or sparse, ends here).
    static func coefficient(observed: Double, expected: Double, n: Double, pairableValues present: [Int],
                            label: (Int) -> String) -> Coefficient {
        guard expected != 0 else {
            return .undefined(present.count == 1
                ? "no variation: every pairable value is '\(label(present[0]))'"
                : "no variation: all pairable values are at distance 0 from each other")
        }
        return .value(1 - (n - 1) * observed / expected)
    }

    /// α of `data` under `metric`.
    public init(_ data: ReliabilityData, metric: DistanceMetric, label: (Int) -> String = { "#\($0)" }) {
        self.init(CoincidenceMatrix(data), metric: metric, label: label)
    }
}
