/// Cohen's κ for exactly two coders (Cohen 1960), with listwise deletion.
///
/// Only units coded by both count (as R `irr::kappa2` does). p_o is the share of those on
/// which the codes are equal, p_e = Σ_k (a_k/N)(b_k/N) from each coder's own marginals.
public enum CohensKappa {
    /// κ between coders `first` and `second` of `data`.
    public static func of(_ data: ReliabilityData, first: Int = 0, second: Int = 1) -> Coefficient {
        let table = TwoCoderTable(data, first: first, second: second)
        guard table.units > 0 else { return .undefined("no paper was coded by both coders") }
        let n = Double(table.units)
        var chance = 0.0
        for k in 0..<table.valueCount {
            chance += (table.firstTotals[k] / n) * (table.secondTotals[k] / n)
        }
        return .chanceCorrected(observed: table.agreeing / n, chance: chance,
                                whenUndefined: "no variation: both coders gave one and the same value throughout")
    }
}
