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
        // Pairs are counted as integers per unit size m and divided by m − 1 only at the end,
        // so the matrix is bit-for-bit the same whatever order the units come in.
        var slotOfSize = [Int](repeating: -1, count: data.coderCount + 1)
        var sizes: [Int] = []
        data.forEachPairableUnit { _, values in
            if slotOfSize[values.count] < 0 {
                slotOfSize[values.count] = sizes.count
                sizes.append(values.count)
            }
        }
        var counts = [Int](repeating: 0, count: sizes.count * v * v)
        var units = 0
        counts.withUnsafeMutableBufferPointer { counts in
            data.forEachPairableUnit { _, values in
                units += 1
                let base = slotOfSize[values.count] * v * v
                for i in values.indices {
                    let row = base + Int(values[i]) * v
                    for j in values.indices where j != i {
                        counts[row + Int(values[j])] += 1
                    }
                }
            }
        }
        var bySize: [Int: [Int]] = [:]
        for size in sizes { bySize[size] = Array(counts[(slotOfSize[size] * v * v)..<((slotOfSize[size] + 1) * v * v)]) }
        self.init(valueCount: v, pairCountsBySize: bySize, pairableUnits: units)
    }

    /// The matrix from whole-number pair counts: for each unit size m, how many ordered pairs
    /// of each cell (row-major, `valueCount × valueCount`) units of m values gave.
    init(valueCount v: Int, pairCountsBySize: [Int: [Int]], pairableUnits units: Int) {
        valueCount = v
        var o = [Double](repeating: 0, count: v * v)
        for size in pairCountsBySize.keys.sorted() {
            guard let counts = pairCountsBySize[size], size >= 2 else { continue }
            let weight = 1 / Double(size - 1)
            for cell in 0..<min(v * v, counts.count) where counts[cell] != 0 {
                o[cell] += Double(counts[cell]) * weight
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
