/// How many terminal columns a scalar takes, the way glibc's `wcwidth` says in C.UTF-8.
///
/// The UI never imports ncurses, so it measures text itself, from `DisplayWidthTable`.
/// The corresponding C function is `wcwidth(3)`.
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

    /// Columns for a string as drawn, i.e. after `Glyph.sanitised(_:)`.
    public static func of(_ text: String) -> Int {
        var total = 0
        for glyph in Glyph.line(text) { total += glyph.width }
        return total
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
