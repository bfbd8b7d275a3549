/// The distance δ(c, k) between two values that Krippendorff's α weighs disagreements by.
///
/// Each case turns into a `valueCount × valueCount` table for one coincidence matrix
/// (the ordinal metric depends on the matrix's marginal frequencies).
public enum DistanceMetric: Hashable, Sendable {
    /// 0 when equal, else 1.
    case nominal
    /// Krippendorff's ordinal δ²: ranks by `numericValues[id]`, weighted by pairable frequencies.
    case ordinal(numericValues: [Double])
    /// (c − k)², with `numericValues[id]` the number value id stands for.
    case interval(numericValues: [Double])
    /// A precomputed symmetric row-major table, e.g. `SetDistance.table(for:)`.
    case table([Double])

    /// The name used in reports (`nominal`, `ordinal`, `interval`, `table`).
    public var name: String {
        switch self {
        case .nominal: "nominal"
        case .ordinal: "ordinal"
        case .interval: "interval"
        case .table: "table"
        }
    }

    /// δ for every pair of value ids of `matrix`; missing entries of a short table count as 0.
    public func distances(for matrix: CoincidenceMatrix) -> [Double] {
        let v = matrix.valueCount
        var table = [Double](repeating: 0, count: v * v)
        switch self {
        case .nominal:
            for c in 0..<v { for k in 0..<v where c != k { table[c * v + k] = 1 } }
        case .interval(let numbers):
            for c in 0..<v {
                for k in 0..<v {
                    let d = number(numbers, c) - number(numbers, k)
                    table[c * v + k] = d * d
                }
            }
        case .ordinal(let numbers):
            // Krippendorff (2011): δ²(c, k) = (Σ_{g from c to k} n_g − (n_c + n_k)/2)²,
            // over values in rank order; values never pairable add nothing.
            let order = (0..<v).sorted { number(numbers, $0) < number(numbers, $1) }
            var rank = [Int](repeating: 0, count: v)
            for (r, id) in order.enumerated() { rank[id] = r }
            var cumulative = [Double](repeating: 0, count: v + 1)
            for (r, id) in order.enumerated() { cumulative[r + 1] = cumulative[r] + matrix.valueTotals[id] }
            for c in 0..<v {
                for k in 0..<v where c != k {
                    let lo = min(rank[c], rank[k]), hi = max(rank[c], rank[k])
                    let between = cumulative[hi + 1] - cumulative[lo]
                    let d = between - (matrix.valueTotals[c] + matrix.valueTotals[k]) / 2
                    table[c * v + k] = d * d
                }
            }
        case .table(let given):
            for i in 0..<min(given.count, table.count) { table[i] = given[i] }
        }
        return table
    }

    private func number(_ numbers: [Double], _ id: Int) -> Double {
        id < numbers.count ? numbers[id] : 0
    }
}
