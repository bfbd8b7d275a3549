/// Krippendorff's coincidence matrix: how often each pair of values was given to the same unit
/// by two different coders.
///
/// Every ordered pair (c, k) of values from two different coders in a unit with m_u ≥ 2 values
/// adds 1/(m_u − 1) to o_ck (Krippendorff 2011, step 2). Units with fewer than 2 values do not
/// count anywhere, not even in the expected disagreement.
public struct CoincidenceMatrix: Hashable, Sendable {
    public let valueCount: Int
    /// Row-major `valueCount × valueCount`.
    public private(set) var cells: [Double]
    /// n_c: the pairable frequency of each value.
    public private(set) var valueTotals: [Double]
    /// n: the number of pairable values.
    public private(set) var total: Double
    /// Units with at least 2 values.
    public private(set) var pairableUnits: Int

    public init(_ data: ReliabilityData) {
        let v = data.valueCount
        valueCount = v
        var o = [Double](repeating: 0, count: v * v)
        var units = 0
        data.forEachPairableUnit { _, values in
            units += 1
            let weight = 1 / Double(values.count - 1)
            for i in values.indices {
                let row = Int(values[i]) * v
                for j in values.indices where j != i {
                    o[row + Int(values[j])] += weight
                }
            }
        }
        var totals = [Double](repeating: 0, count: v)
        for c in 0..<v {
            var sum = 0.0
            for k in 0..<v { sum += o[c * v + k] }
            totals[c] = sum
        }
        cells = o
        valueTotals = totals
        // Each pairable value contributes exactly 1 across its row, so n is an integer count.
        total = totals.reduce(0, +).rounded()
        pairableUnits = units
    }

    public subscript(c: Int, k: Int) -> Double { cells[c * valueCount + k] }

    /// Values with a non-zero pairable frequency.
    public var pairableValueIds: [Int] { (0..<valueCount).filter { valueTotals[$0] > 0 } }
}
