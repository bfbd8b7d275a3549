/// The closest of a set of known words to a misspelt one, for "did you mean …?" hints.
public enum SpellingSuggestion {
    /// The candidate nearest to `word` by edit distance, when it is near enough to be a typo.
    ///
    /// Near enough: at most a third of the word's length (at least 1, at most 3) edits, so
    /// `lable` suggests `label` while `colour` suggests nothing among `id, label, kind`.
    /// Case is ignored; ties go to the earlier candidate.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased())
        let limit = min(3, max(1, lowered.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            // A truncated or extended word ("multiple" for "multi") is as likely a slip as a typo.
            let lowerCandidate = candidate.lowercased()
            if lowered.count >= 3, lowerCandidate.count >= 3,
               lowerCandidate.hasPrefix(String(lowered)) || String(lowered).hasPrefix(lowerCandidate) {
                if best == nil || best?.distance ?? 0 > 0 { best = (candidate, 0) }
                continue
            }
            let distance = editDistance(lowered, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Edit distance counting an insertion, deletion, substitution or swap of two
    /// neighbouring letters as one edit (optimal string alignment), since "lable" is one slip.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, rows[i - 2][j - 2] + 1)
                }
                rows[i][j] = best
            }
        }
        return rows[a.count][b.count]
    }

    /// ` (did you mean 'label'?)`, or nothing when no candidate is close.
    static func phrase(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
