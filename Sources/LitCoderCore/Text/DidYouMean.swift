/// "Did you mean …?" for a name that is not one of the valid ones: a code or paper typed on
/// the command line, a key misspelt in a codebook or corpus file.
///
/// One ranking for all of them. Close names come first: an edit distance (a swap of
/// neighbours counting as one edit, since "lable" is one slip) of at most a third of the
/// name's length, at least 1 and at most 3, so `lable` suggests `label` while `colour`
/// suggests nothing among `id, label, kind`. Then, for names of three letters or more, a
/// truncated or extended one ("msp" for "msp-podcast", "multiple" for "multi"), which is as
/// likely a slip as a typo. Case is ignored; ties go in alphabetical order.
public enum DidYouMean {
    /// The valid names closest to `typed`, best first, at most `limit` of them.
    public static func closest(to typed: String, among names: some Sequence<String>, limit: Int = 3) -> [String] {
        let lowered = Array(typed.lowercased())
        let loweredText = String(lowered)
        let allowed = min(3, max(1, lowered.count / 3))
        var scored: [(name: String, score: Int)] = []
        for name in names {
            let candidateText = name.lowercased()
            let candidate = Array(candidateText)
            // The distance is at least the difference in length: skip the table when that is too far.
            if abs(candidate.count - lowered.count) <= allowed {
                let distance = editDistance(lowered, candidate)
                if distance <= allowed {
                    scored.append((name, distance))
                    continue
                }
            }
            if lowered.count >= 3, candidate.count >= 3,
               candidateText.contains(loweredText) || loweredText.hasPrefix(candidateText) {
                scored.append((name, allowed + 1))
            }
        }
        return scored.sorted { ($0.score, $0.name) < ($1.score, $1.name) }.prefix(limit).map(\.name)
    }

    /// The one valid name closest to `typed`, when one is close enough to be a slip.
    public static func best(for typed: String, among names: some Sequence<String>) -> String? {
        closest(to: typed, among: names, limit: 1).first
    }

    /// `did you mean 'x'?` or `did you mean 'x' or 'y'?`, or nil when nothing is close.
    public static func phrase(for typed: String, among names: some Sequence<String>) -> String? {
        let close = closest(to: typed, among: names)
        guard !close.isEmpty else { return nil }
        return "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// `; did you mean 'label'?` to end a message about a key in a file, or nothing.
    static func clause(for typed: String, among names: some Sequence<String>) -> String {
        best(for: typed, among: names).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Edit distance counting an insertion, deletion, substitution or swap of two
    /// neighbouring letters as one edit (optimal string alignment).
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows of the table suffice: the swap looks back two rows.
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
