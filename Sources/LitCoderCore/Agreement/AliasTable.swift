/// Walker's alias method (Vose's construction): draws index i with probability p_i in O(1).
struct AliasTable: Sendable {
    private var threshold: [Double]
    private var alias: [Int]

    init(_ probabilities: [Double]) {
        let count = probabilities.count
        let total = probabilities.reduce(0, +)
        var scaled = probabilities.map { total > 0 ? $0 * Double(count) / total : 1 }
        threshold = [Double](repeating: 1, count: count)
        alias = Array(0..<count)
        var small = scaled.indices.filter { scaled[$0] < 1 }
        var large = scaled.indices.filter { scaled[$0] >= 1 }
        while let s = small.popLast(), let l = large.popLast() {
            threshold[s] = scaled[s]
            alias[s] = l
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        // Whatever is left has probability 1 up to rounding.
    }

    /// One slot of the table with what its two outcomes carry.
    struct Slot<Payload: Sendable>: Sendable {
        var threshold: Double
        var own: Payload
        var alias: Payload
    }

    /// The table with `payloads[i]` in place of each outcome i: `draw` landing on slot i with
    /// the same random number gives `own` where it gives i, `alias` where it gives `alias[i]`.
    func slots<Payload: Sendable>(carrying payloads: [Payload]) -> [Slot<Payload>] {
        threshold.indices.map { Slot(threshold: threshold[$0], own: payloads[$0], alias: payloads[alias[$0]]) }
    }

    func draw(using generator: inout SeededGenerator) -> Int {
        let count = threshold.count
        let u = generator.nextUnitDouble() * Double(count)
        let i = min(Int(u), count - 1)
        return u - Double(i) < threshold[i] ? i : alias[i]
    }
}
