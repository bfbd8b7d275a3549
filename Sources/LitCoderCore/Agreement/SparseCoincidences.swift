/// Krippendorff's coincidence matrix kept as its non-zero cells only, for data with many values.
///
/// A multi-select dimension has one value per distinct set of codes, and a large survey has
/// tens of thousands of them: the dense `CoincidenceMatrix` would need their square (8,398 sets
/// at 10,000 papers is 70 million cells; 100,000 papers needs tens of gigabytes). The cells that
/// are not zero are the pairs of values some unit actually received, at most m·(m − 1) per unit
/// of m values, so memory here grows with the values and the pairs that occur.
///
/// Every cell holds exactly the number the dense matrix holds: pairs are counted as integers
/// per unit size and divided by m − 1 at the end, sizes in increasing order, as there.
struct SparseCoincidences: Sendable {
    /// One non-zero cell o_ck.
    struct Cell: Hashable, Sendable {
        var row: Int32
        var column: Int32
        var count: Double
    }

    let valueCount: Int
    /// The non-zero cells in row-major order (by row, then column), as the dense matrix lists them.
    private(set) var cells: [Cell] = []
    /// n_c: the pairable frequency of each value, summed over its row as the dense matrix does.
    private(set) var valueTotals: [Double]
    /// n_c counted as whole numbers: how many pairable values are value c.
    private(set) var valueCounts: [Int]
    /// n: the number of pairable values.
    private(set) var total: Double
    /// Units with at least 2 values.
    private(set) var pairableUnits = 0

    init(_ data: ReliabilityData) {
        let v = data.valueCount
        valueCount = v
        valueCounts = [Int](repeating: 0, count: v)
        // One list of (row, column) keys per unit size; sorted, equal keys are counted runs.
        var slotOfSize = [Int](repeating: -1, count: data.coderCount + 1)
        var sizes: [Int] = []
        var keysBySlot: [[UInt64]] = []
        var units = 0
        var counts = valueCounts
        data.forEachPairableUnit { _, values in
            units += 1
            let m = values.count
            if slotOfSize[m] < 0 {
                slotOfSize[m] = sizes.count
                sizes.append(m)
                keysBySlot.append([])
            }
            let slot = slotOfSize[m]
            for i in values.indices {
                counts[Int(values[i])] += 1
                let row = UInt64(UInt32(bitPattern: values[i])) << 32
                for j in values.indices where j != i {
                    keysBySlot[slot].append(row | UInt64(UInt32(bitPattern: values[j])))
                }
            }
        }
        valueCounts = counts
        pairableUnits = units
        // Runs of equal keys per size, then the sizes merged cell by cell in increasing order.
        var runs: [(keys: [UInt64], counts: [Int], weight: Double)] = []
        for size in sizes.sorted() {
            var keys = keysBySlot[slotOfSize[size]]
            keysBySlot[slotOfSize[size]] = []
            keys.sort()
            var uniqueKeys: [UInt64] = []
            var runCounts: [Int] = []
            var index = 0
            while index < keys.count {
                var end = index + 1
                while end < keys.count && keys[end] == keys[index] { end += 1 }
                uniqueKeys.append(keys[index])
                runCounts.append(end - index)
                index = end
            }
            runs.append((uniqueKeys, runCounts, 1 / Double(size - 1)))
        }
        var positions = [Int](repeating: 0, count: runs.count)
        var totals = [Double](repeating: 0, count: v)
        while true {
            var next = UInt64.max
            var any = false
            for r in runs.indices where positions[r] < runs[r].keys.count {
                next = min(next, runs[r].keys[positions[r]])
                any = true
            }
            guard any else { break }
            var o = 0.0
            for r in runs.indices where positions[r] < runs[r].keys.count && runs[r].keys[positions[r]] == next {
                o += Double(runs[r].counts[positions[r]]) * runs[r].weight
                positions[r] += 1
            }
            let row = Int32(truncatingIfNeeded: next >> 32)
            cells.append(Cell(row: row, column: Int32(truncatingIfNeeded: next & 0xFFFF_FFFF), count: o))
            totals[Int(row)] += o
        }
        valueTotals = totals
        total = totals.reduce(0, +).rounded()
    }

    /// Values with a non-zero pairable frequency.
    var pairableValueIds: [Int] { (0..<valueCount).filter { valueTotals[$0] > 0 } }
}
