/// How many terminal columns text takes, the way glibc's `wcwidth` says in C.UTF-8.
///
/// One measure for everything litcoder lays out: plain-text reports align their columns with
/// it, and the workbench draws with it (ncurses measures with that same `wcwidth`, so the two
/// stay in step). Measured from `DisplayWidthTable` rather than by calling libc, because
/// libc's answer depends on the process locale. The corresponding C function is `wcwidth(3)`.
public enum DisplayWidth {
    /// Columns for one scalar: 0, 1 or 2; -1 for control characters and scalars `wcwidth`
    /// rejects (they must be sanitised before they are drawn).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : (v == 0 ? 0 : -1) }
        if v < 0xA0 { return -1 }
        if v < 0x300 { return 1 }
        if contains(DisplayWidthTable.zero, v) { return 0 }
        if contains(DisplayWidthTable.wide, v) { return 2 }
        if contains(DisplayWidthTable.invalid, v) { return -1 }
        return 1
    }

    /// Columns for plain text, a grapheme cluster at a time (`of(cluster:)`); control
    /// characters count as none.
    public static func of(_ text: String) -> Int {
        var width = 0
        var simple = true
        for scalar in text.unicodeScalars {
            // Below U+0300 no scalar joins another into a cluster of a different width
            // (but a carriage return and line feed, which count as nothing either way).
            if scalar.value >= 0x300 { simple = false; break }
            width += max(0, of(scalar))
        }
        if simple { return width }
        width = 0
        for character in text { width += of(cluster: character) }
        return width
    }

    /// Columns for one grapheme cluster (a user-perceived character), as terminals draw it:
    /// its first scalar's width (a base with combining marks, a Hangul syllable in jamo, an
    /// emoji with a skin tone or a ZWJ sequence of emoji: `👨‍👩‍👧‍👦` is 2, not 8), except a
    /// pair of regional indicators, a flag, which is 2. Control characters count as none.
    public static func of(cluster: Character) -> Int {
        let scalars = cluster.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let width = of(first)
        if scalars.count == 1 { return max(0, width) }
        if (0x1F1E6...0x1F1FF).contains(first.value), scalars.count >= 2 { return 2 }
        if width > 0 { return width }
        if width < 0 { return scalars.dropFirst().reduce(0) { $0 + max(0, of($1)) } }
        // A cluster starting with a zero-width scalar (a prepended mark): its widest scalar.
        return min(2, scalars.map { max(0, of($0)) }.max() ?? 0)
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var kept = ""
        var used = 0
        for character in text {
            let w = of(String(character))
            if used + w > width - 1 { break }
            kept.append(character)
            used += w
        }
        return kept + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right (`alignLeft`) or the left.
    public static func pad(_ text: String, to width: Int, alignLeft: Bool = true) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return alignLeft ? text + fill : fill + text
    }

    /// Binary search in a flat, sorted list of inclusive `first, last` pairs.
    private static func contains(_ table: [UInt32], _ value: UInt32) -> Bool {
        var low = 0, high = table.count / 2 - 1
        while low <= high {
            let mid = (low + high) / 2
            let first = table[2 * mid], last = table[2 * mid + 1]
            if value < first { high = mid - 1 } else if value > last { low = mid + 1 } else { return true }
        }
        return false
    }
}
