/// Finding one run of Unicode scalars in another in linear time (Knuth–Morris–Pratt).
///
/// Abstracts can be megabytes long (a pasted full text), so a search for a quote must not
/// cost the text's length times the quote's.
public enum ScalarSearch {
    /// Where `needle` first occurs in `haystack`, in scalar offsets; nil when it does not (or is empty).
    public static func first(_ needle: some Collection<Unicode.Scalar>, in haystack: some Sequence<Unicode.Scalar>) -> TextSpan? {
        let pattern = Array(needle)
        guard !pattern.isEmpty else { return nil }
        let failure = failureTable(pattern)
        var matched = 0
        var offset = 0
        for scalar in haystack {
            while matched > 0, pattern[matched] != scalar { matched = failure[matched - 1] }
            if pattern[matched] == scalar { matched += 1 }
            offset += 1
            if matched == pattern.count { return TextSpan(start: offset - pattern.count, end: offset) }
        }
        return nil
    }

    /// For each prefix of `pattern`, the length of its longest proper prefix that is also a suffix.
    static func failureTable(_ pattern: [Unicode.Scalar]) -> [Int] {
        var table = [Int](repeating: 0, count: pattern.count)
        var length = 0
        var i = 1
        while i < pattern.count {
            if pattern[i] == pattern[length] {
                length += 1
                table[i] = length
                i += 1
            } else if length > 0 {
                length = table[length - 1]
            } else {
                i += 1
            }
        }
        return table
    }
}
