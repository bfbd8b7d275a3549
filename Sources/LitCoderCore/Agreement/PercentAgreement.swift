/// Observed percent agreement: per unit, the share of coder pairs that gave the same value,
/// averaged over the units with at least two values, each unit counting once.
///
/// With complete data this equals the mean over coder pairs of each pair's agreement rate
/// (NLTK `avg_Ao`); with two coders, the share of units coded by both on which they agree.
/// Values are compared by identity, so for multi-select dimensions two codings agree only when
/// their sets of codes are equal.
public enum PercentAgreement {
    public static func of(_ data: ReliabilityData) -> Coefficient {
        // Agreeing pairs are summed as integers per unit size, so the result does not depend
        // on the order of the units (which follows dictionary order upstream).
        var agreeingBySize = [Int](repeating: 0, count: data.coderCount + 1)
        var units = 0
        data.forEachPairableUnit { _, values in
            var agreeing = 0
            for i in values.indices {
                for j in (i + 1)..<values.count where values[i] == values[j] { agreeing += 1 }
            }
            agreeingBySize[values.count] += agreeing
            units += 1
        }
        guard units > 0 else { return .undefined("no paper was coded by 2 or more coders") }
        var sum = 0.0
        for m in 2..<agreeingBySize.count where agreeingBySize[m] > 0 {
            sum += Double(agreeingBySize[m]) / Double(m * (m - 1) / 2)
        }
        return .value(sum / Double(units))
    }
}
