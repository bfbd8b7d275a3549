/// A distance between two sets of codes, for multi-select dimensions.
public enum SetDistance: String, Hashable, Sendable, CaseIterable, Codable {
    /// MASI (Passonneau 2006): 1 − J·M, M = 1 equal, 2/3 subset, 1/3 overlap, 0 disjoint.
    case masi
    /// 1 − |A∩B| / |A∪B|.
    case jaccard

    /// The distance between two sets given by their sizes and the size of their intersection.
    ///
    /// Two empty sets are at distance 0; litcoder never pairs them, as an empty selection is
    /// "not coded", but the function is total.
    public func distance(sizeA: Int, sizeB: Int, common: Int) -> Double {
        let union = sizeA + sizeB - common
        guard union > 0 else { return 0 }
        let jaccard = Double(common) / Double(union)
        switch self {
        case .jaccard:
            return 1 - jaccard
        case .masi:
            let monotonicity: Double =
                if common == sizeA && common == sizeB { 1 }
                else if common == sizeA || common == sizeB { 2.0 / 3 }
                else if common > 0 { 1.0 / 3 }
                else { 0 }
            return 1 - jaccard * monotonicity
        }
    }

    /// The distance between two sets of labels.
    public func distance<T: Hashable>(_ a: Set<T>, _ b: Set<T>) -> Double {
        distance(sizeA: a.count, sizeB: b.count, common: a.intersection(b).count)
    }

    /// The symmetric distance table between every pair of `sets`, for `DistanceMetric.table`.
    public func table<T: Hashable>(for sets: [Set<T>]) -> [Double] {
        let v = sets.count
        // Bit masks make the table cheap when the sets draw on at most 64 labels, as a
        // codebook dimension's codes do.
        var bit: [T: Int] = [:]
        for set in sets { for label in set where bit[label] == nil { bit[label] = bit.count } }
        var table = [Double](repeating: 0, count: v * v)
        if bit.count <= 64 {
            let masks = sets.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64(bit[$1] ?? 0)) } }
            for c in 0..<v {
                for k in (c + 1)..<max(c + 1, v) {
                    let d = distance(sizeA: masks[c].nonzeroBitCount, sizeB: masks[k].nonzeroBitCount,
                                     common: (masks[c] & masks[k]).nonzeroBitCount)
                    table[c * v + k] = d
                    table[k * v + c] = d
                }
            }
        } else {
            for c in 0..<v {
                for k in (c + 1)..<max(c + 1, v) {
                    let d = distance(sets[c], sets[k])
                    table[c * v + k] = d
                    table[k * v + c] = d
                }
            }
        }
        return table
    }
}
