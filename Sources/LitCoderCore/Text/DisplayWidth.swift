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

    /// Columns for plain text; control characters count as none.
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += max(0, of(scalar)) }
        return width
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
