import LitCoderCore

extension DisplayWidth {
    /// Columns for a string as the workbench draws it, i.e. after `Glyph.sanitised(_:)`:
    /// control characters take the width of their visible placeholders.
    public static func drawn(_ text: String) -> Int {
        var total = 0
        for glyph in Glyph.line(text) { total += glyph.width }
        return total
    }
}
