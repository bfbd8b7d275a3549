/// Scott's π for two coders (Scott 1955), with listwise deletion.
///
/// As Cohen's κ, but chance agreement uses the pooled distribution of both coders:
/// p_e = Σ_k ((a_k + b_k) / 2N)².
public enum ScottsPi {
    public static func of(_ data: ReliabilityData, first: Int = 0, second: Int = 1) -> Coefficient {
        let table = TwoCoderTable(data, first: first, second: second)
        guard table.units > 0 else { return .undefined("no paper was coded by both coders") }
        let n = Double(table.units)
        var chance = 0.0
        for k in 0..<table.valueCount {
            let p = (table.firstTotals[k] + table.secondTotals[k]) / (2 * n)
            chance += p * p
        }
        return .chanceCorrected(observed: table.agreeing / n, chance: chance,
                                whenUndefined: "no variation: both coders gave one and the same value throughout")
    }
}
