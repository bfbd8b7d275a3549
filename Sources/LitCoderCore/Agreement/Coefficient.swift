/// A reliability coefficient's value, or why it has none.
///
/// Undefined is its own case, never 0, 1 or NaN: a methods section that reports α = 1 for
/// data with no variation misleads its readers (Krippendorff 2011, "Computing
/// Krippendorff's Alpha-Reliability", on D_e = 0).
public enum Coefficient: Hashable, Sendable {
    case value(Double)
    /// The coefficient is undefined (0/0) or not applicable here; the reason says which and why.
    case undefined(String)

    /// The number, or nil when undefined.
    public var value: Double? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// Why there is no number, or nil when there is one.
    public var undefinedReason: String? {
        if case .undefined(let reason) = self { return reason }
        return nil
    }

    /// `(observed − chance) / (1 − chance)`, undefined when chance agreement is 1.
    ///
    /// Chance agreement within 1e-12 of 1 counts as 1: the packages that divide anyway
    /// return float noise there (see the agreement reference vectors' README).
    static func chanceCorrected(observed: Double, chance: Double, whenUndefined reason: String) -> Coefficient {
        let denominator = 1 - chance
        guard abs(denominator) > 1e-12 else { return .undefined(reason) }
        return .value((observed - chance) / denominator)
    }
}
