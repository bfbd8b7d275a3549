/// "Did you mean …?" for a name the user typed that is not one of the valid ones.
public enum NameSuggestions {
    /// The valid names closest to `typed` (edit distance at most a third of its length, at least 2),
    /// best first; names that start with or contain it come next.
    public static func closest(to typed: String, among names: [String], limit: Int = 3) -> [String] {
        let lowered = typed.lowercased()
        let allowed = max(2, lowered.count / 3)
        var scored: [(name: String, score: Int)] = []
        for name in names {
            let candidate = name.lowercased()
            let distance = editDistance(lowered, candidate, cap: allowed + 1)
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

    /// Levenshtein distance, stopping early once every path exceeds `cap`.
    static func editDistance(_ a: String, _ b: String, cap: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > cap { return cap + 1 }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(y.count, 1) where !y.isEmpty {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > cap { return cap + 1 }
            swap(&previous, &current)
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}
