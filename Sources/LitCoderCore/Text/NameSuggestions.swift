/// "Did you mean …?" for a name typed on the command line that is not one of the valid ones:
/// several close names, best first. (`SpellingSuggestion` gives the one closest key in a file.)
public enum NameSuggestions {
    /// The valid names closest to `typed` (edit distance, a swap of neighbours counting as one,
    /// at most a third of its length, at least 2),
    /// best first; names that start with or contain it come next.
    public static func closest(to typed: String, among names: [String], limit: Int = 3) -> [String] {
        let lowered = typed.lowercased()
        let allowed = max(2, lowered.count / 3)
        var scored: [(name: String, score: Int)] = []
        for name in names {
            let candidate = name.lowercased()
            let distance = SpellingSuggestion.editDistance(Array(lowered), Array(candidate))
            if distance <= allowed {
                scored.append((name, distance))
            } else if !lowered.isEmpty, candidate.hasPrefix(lowered) || candidate.contains(lowered) {
                scored.append((name, allowed + 1))
            }
        }
        return scored.sorted { ($0.score, $0.name) < ($1.score, $1.name) }.prefix(limit).map(\.name)
    }

    /// `did you mean 'x'?` or `did you mean 'x' or 'y'?`, or nil when nothing is close.
    public static func phrase(for typed: String, among names: [String]) -> String? {
        let close = closest(to: typed, among: names)
        guard !close.isEmpty else { return nil }
        return "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }
}
