/// Fleiss' κ (Fleiss 1971): chance-corrected agreement when every unit has the same number of
/// values n, whoever gave them.
///
/// P_u = (Σ_k n_uk² − n) / (n(n − 1)), P̄ their mean, p_k = Σ_u n_uk / (N·n), P̄_e = Σ_k p_k²,
/// κ = (P̄ − P̄_e) / (1 − P̄_e). Units with fewer than two values are left out, as for α.
public enum FleissKappa {
    public static func of(_ data: ReliabilityData) -> Coefficient {
        var perUnit: Int?
        var mixed: (Int, Int)?
        var agreeingPairs = 0
        var units = 0
        var categoryTotals = [Double](repeating: 0, count: data.valueCount)
        var counts = [Int](repeating: 0, count: data.valueCount)
        data.forEachPairableUnit { _, values in
            let n = values.count
            if let expected = perUnit, expected != n {
                mixed = (min(mixed?.0 ?? n, min(n, expected)), max(mixed?.1 ?? n, max(n, expected)))
            }
            perUnit = perUnit ?? n
            for value in values { counts[Int(value)] += 1 }
            var squares = 0
            for value in values where counts[Int(value)] > 0 {
                squares += counts[Int(value)] * counts[Int(value)]
                categoryTotals[Int(value)] += Double(counts[Int(value)])
                counts[Int(value)] = 0
            }
            agreeingPairs += squares - n
            units += 1
        }
        if let (fewest, most) = mixed {
            return .undefined("n/a: papers have different numbers of coders (\(fewest) to \(most)); Fleiss' κ needs the same number for every paper (α does not)")
        }
        guard let n = perUnit, units > 0 else { return .undefined("no paper was coded by 2 or more coders") }
        let total = Double(units * n)
        let chance = categoryTotals.reduce(0) { $0 + ($1 / total) * ($1 / total) }
        let observed = Double(agreeingPairs) / Double(n * (n - 1)) / Double(units)
        return .chanceCorrected(observed: observed, chance: chance,
                                whenUndefined: "no variation: every value is the same")
    }
}
