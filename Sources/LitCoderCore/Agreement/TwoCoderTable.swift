/// The counts two-coder coefficients need: units coded by both, agreements, marginals.
struct TwoCoderTable {
    var valueCount: Int
    var units = 0
    var agreeing = 0.0
    var firstTotals: [Double]
    var secondTotals: [Double]

    init(_ data: ReliabilityData, first: Int, second: Int) {
        valueCount = data.valueCount
        firstTotals = [Double](repeating: 0, count: valueCount)
        secondTotals = firstTotals
        for unit in 0..<data.unitCount {
            let a = data.value(unit: unit, coder: first), b = data.value(unit: unit, coder: second)
            guard a >= 0, b >= 0 else { continue }
            units += 1
            if a == b { agreeing += 1 }
            firstTotals[Int(a)] += 1
            secondTotals[Int(b)] += 1
        }
    }
}
