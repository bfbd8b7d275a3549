/// The present/absent coincidence matrix of every code of a multi-select dimension, in one
/// pass over the units: what `α per code` is computed from.
///
/// Building each code's present/absent data and its matrix separately visits every coding once
/// per code (83 codes × 300,000 codings for the dataset dimension of a 100,000-paper survey).
/// Here each unit adds, for every code some of its m values hold (p of them, q = m − p without
/// it), p(p − 1) present–present pairs, q(q − 1) absent–absent and p·q of each mixed kind; a
/// code none of its values holds gets m(m − 1) absent–absent pairs, added per unit size at the
/// end. The counts are whole numbers per unit size, so each matrix is bit for bit the one
/// `CoincidenceMatrix(codings.presence(of: code))` gives.
enum CodePresence {
    /// One matrix per code of `codings.codesUsed`, in that order; value 0 is absent, 1 present.
    static func matrices(_ codings: DimensionCodings) -> [CoincidenceMatrix] {
        let codes = codings.codesUsed
        var indexOfCode: [String: Int] = [:]
        for (index, code) in codes.enumerated() { indexOfCode[code] = index }
        // Each value's codes as indices, each once: a value's codes are a sorted set already.
        let codesOfValue: [[Int]] = codings.valueCodes.map { $0.compactMap { indexOfCode[$0] } }
        let sizes = codings.data.coderCount + 1
        // [code][size][cell]: cells 00, 01, 10, 11 (absent = 0, present = 1).
        var pairs = [Int](repeating: 0, count: codes.count * sizes * 4)
        var unitsHolding = [Int](repeating: 0, count: codes.count * sizes)
        var unitsOfSize = [Int](repeating: 0, count: sizes)
        var holding = [Int](repeating: 0, count: codes.count)
        var held: [Int] = []
        var units = 0
        codings.data.forEachPairableUnit { _, values in
            let m = values.count
            units += 1
            unitsOfSize[m] += 1
            for value in values where Int(value) < codesOfValue.count {
                for code in codesOfValue[Int(value)] {
                    if holding[code] == 0 { held.append(code) }
                    holding[code] += 1
                }
            }
            for code in held {
                let p = holding[code], q = m - p
                let base = (code * sizes + m) * 4
                pairs[base] += q * (q - 1)
                pairs[base + 1] += q * p
                pairs[base + 2] += p * q
                pairs[base + 3] += p * (p - 1)
                unitsHolding[code * sizes + m] += 1
                holding[code] = 0
            }
            held.removeAll(keepingCapacity: true)
        }
        return codes.indices.map { code in
            var bySize: [Int: [Int]] = [:]
            for m in 2..<max(2, sizes) where unitsOfSize[m] > 0 {
                let base = (code * sizes + m) * 4
                let untouched = unitsOfSize[m] - unitsHolding[code * sizes + m]
                bySize[m] = [pairs[base] + untouched * m * (m - 1), pairs[base + 1], pairs[base + 2], pairs[base + 3]]
            }
            return CoincidenceMatrix(valueCount: 2, pairCountsBySize: bySize, pairableUnits: units)
        }
    }
}
