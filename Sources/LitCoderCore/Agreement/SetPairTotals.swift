/// How much weight falls on pairs of sets of each shape: the sums α's expected disagreement
/// needs for a set distance, without visiting every pair of sets.
///
/// MASI and Jaccard distances depend only on the two sizes and the size of the intersection,
/// so Σ_c Σ_k n_c·n_k·δ(c, k) over every ordered pair of values is Σ over shapes (a, b, t) of
/// T(a, b, t)·δ(a, b, t), where T(a, b, t) sums n_A·n_B over the ordered pairs of sets of sizes a
/// and b sharing t codes. Two ways to get T without the square of the number of sets:
///
/// - **Shared subsets** (small sets, the usual case): W_a(S), the weight of the sets of size a
///   that contain the subset S, gives P(a, b, j) = Σ_{|S| = j} W_a(S)·W_b(S) = Σ_t C(t, j)·T(a, b, t),
///   which binomial inversion turns into T. Each set visits its 2^size subsets once.
/// - **Code index** (when some set is too large for that): from each set, only the sets that
///   share a code with it are visited (an index from code to the sets holding it); every other
///   pair is disjoint, T(a, b, 0) = N_a·N_b − Σ_{t ≥ 1} T(a, b, t).
///
/// Weights are whole numbers and every sum is kept in integers (wrapping, which is exact
/// modulo 2^64, and each T is far below 2^63), so both ways give exactly the same T.
struct SetPairTotals: Sendable {
    /// The largest set size.
    let largestSize: Int
    /// T(a, b, t) at `[(a * (largestSize + 1) + b) * (largestSize + 1) + t]`.
    private(set) var totals: [Int]

    /// How the totals were found, for tests that check both ways give the same.
    enum Method: Sendable { case automatic, sharedSubsets, codeIndex }

    /// - Parameters:
    ///   - sets: each value's codes as ascending code numbers, none empty.
    ///   - weights: each value's pairable frequency n_c (values with 0 count nowhere).
    init(sets: [[Int32]], weights: [Int], method: Method = .automatic) {
        var largest = 0
        var subsetCount = 0
        for (index, set) in sets.enumerated() where weights[index] > 0 {
            largest = max(largest, set.count)
            subsetCount += set.count < 20 ? 1 << set.count : 1 << 20
        }
        largestSize = largest
        totals = [Int](repeating: 0, count: (largest + 1) * (largest + 1) * (largest + 1))
        guard largest > 0 else { return }
        // Each set's subsets are keyed by up to 8 codes of 16 bits; the work is Σ 2^size.
        let codeLimit = sets.lazy.flatMap { $0 }.max().map { Int($0) < 0xFFFF } ?? true
        let subsetsFit = largest <= 8 && codeLimit && subsetCount <= 16 * sets.count + 1_000_000
        switch method {
        case .sharedSubsets where largest <= 8 && codeLimit, .automatic where subsetsFit:
            countBySharedSubsets(sets: sets, weights: weights)
        default:
            countByCodeIndex(sets: sets, weights: weights)
        }
    }

    /// T(a, b, t): Σ n_A·n_B over ordered pairs of sets of sizes a and b with t codes in common.
    func total(sizeA a: Int, sizeB b: Int, common t: Int) -> Int {
        guard a <= largestSize, b <= largestSize, t <= min(a, b) else { return 0 }
        return totals[index(a, b, t)]
    }

    /// Σ_c Σ_k n_c·n_k·δ(c, k) over every ordered pair of values, shapes in increasing order.
    func weightedDistanceSum(_ distance: SetDistance) -> Double {
        var sum = 0.0
        guard largestSize > 0 else { return sum }
        for a in 1...largestSize {
            for b in 1...largestSize {
                for t in 0...min(a, b) {
                    let pairs = total(sizeA: a, sizeB: b, common: t)
                    if pairs != 0 { sum += Double(pairs) * distance.distance(sizeA: a, sizeB: b, common: t) }
                }
            }
        }
        return sum
    }

    private func index(_ a: Int, _ b: Int, _ t: Int) -> Int {
        (a * (largestSize + 1) + b) * (largestSize + 1) + t
    }

    /// Up to 8 code numbers (each + 1, so 0 is "no code") in 16-bit lanes.
    private struct SubsetKey: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0
    }

    private mutating func countBySharedSubsets(sets: [[Int32]], weights: [Int]) {
        let width = largestSize + 1
        var keyIndex: [SubsetKey: Int] = [:]
        var keySize: [Int] = []
        // W_a(S) for each subset S met, at [key * width + a].
        var containing: [Int] = []
        for (value, set) in sets.enumerated() where weights[value] > 0 {
            let a = set.count
            for mask in 0..<(1 << a) {
                var key = SubsetKey()
                var lane = 0
                for position in 0..<a where mask & (1 << position) != 0 {
                    let code = UInt64(set[position] + 1)
                    if lane < 4 { key.low |= code << (16 * lane) } else { key.high |= code << (16 * (lane - 4)) }
                    lane += 1
                }
                let index: Int
                if let known = keyIndex[key] {
                    index = known
                } else {
                    index = keySize.count
                    keyIndex[key] = index
                    keySize.append(lane)
                    containing.append(contentsOf: repeatElement(0, count: width))
                }
                containing[index * width + a] &+= weights[value]
            }
        }
        // P(a, b, j), then T(a, b, t) = Σ_{j ≥ t} (−1)^{j−t}·C(j, t)·P(a, b, j).
        var shared = [Int](repeating: 0, count: totals.count)
        for index in keySize.indices {
            let j = keySize[index]
            for a in j..<width where containing[index * width + a] != 0 {
                for b in j..<width where containing[index * width + b] != 0 {
                    shared[self.index(a, b, j)] &+= containing[index * width + a] &* containing[index * width + b]
                }
            }
        }
        for a in 1..<width {
            for b in 1..<width {
                for t in 0...min(a, b) {
                    var sum = 0
                    for j in t...min(a, b) {
                        let term = Self.binomial(j, t) &* shared[index(a, b, j)]
                        sum = (j - t) % 2 == 0 ? sum &+ term : sum &- term
                    }
                    totals[index(a, b, t)] = sum
                }
            }
        }
    }

    private mutating func countByCodeIndex(sets: [[Int32]], weights: [Int]) {
        var setsWithCode: [Int32: [Int]] = [:]
        var weightOfSize = [Int](repeating: 0, count: largestSize + 1)
        for (value, set) in sets.enumerated() where weights[value] > 0 {
            weightOfSize[set.count] &+= weights[value]
            for code in set { setsWithCode[code, default: []].append(value) }
        }
        var seenFrom = [Int](repeating: -1, count: sets.count)
        for (value, set) in sets.enumerated() where weights[value] > 0 {
            for code in set {
                for other in setsWithCode[code] ?? [] where seenFrom[other] != value {
                    seenFrom[other] = value
                    let common = Self.commonCount(set, sets[other])
                    totals[index(set.count, sets[other].count, common)] &+= weights[value] &* weights[other]
                }
            }
        }
        for a in 1...largestSize {
            for b in 1...largestSize {
                var overlapping = 0
                for t in 1...min(a, b) { overlapping &+= totals[index(a, b, t)] }
                totals[index(a, b, 0)] = (weightOfSize[a] &* weightOfSize[b]) &- overlapping
            }
        }
    }

    /// |A ∩ B| of two ascending lists.
    static func commonCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return common
    }

    private static func binomial(_ n: Int, _ k: Int) -> Int {
        var result = 1
        for i in 0..<k { result = result * (n - i) / (i + 1) }
        return result
    }
}
