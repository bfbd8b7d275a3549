import Foundation

/// How a number dimension's value is written and read: entered as text, kept in the log as
/// canonical text, compared as a `Double`.
public enum NumberValue {
    /// The number `text` spells (`3`, `-0.5`, `1e3`, spaces around it allowed); nil for
    /// anything else, infinities and NaN included. A decimal comma is not a number: `3,5` could
    /// as well be a list.
    public static func parse(_ text: String) -> Double? {
        read(text.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { $0.isFinite ? $0 : nil }
    }

    /// The value of digits with an optional sign, decimal point and exponent, infinities
    /// included (`1e400`); nil for anything else.
    private static func read(_ trimmed: String) -> Double? {
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(trimmed), !value.isNaN
        else { return nil }
        return value
    }

    /// The most significant digits a number entered may have. A decimal of at most 15
    /// significant digits (DBL_DIG) reads as a `Double` whose shortest text is that decimal
    /// again, so what litcoder stores and prints is exactly what was typed; with more, it
    /// would silently be another number (`123456789012345678` kept as `1.2345678901234568e17`).
    public static let maximumDigits = 15

    /// The magnitudes a number entered may have (0 aside): inside them every decimal of 15
    /// digits reads back as itself; far beyond, a `Double` loses digits or overflows.
    public static let magnitudes = (smallest: 1e-300, largest: 1e300)

    /// How many significant digits `trimmed` writes: its digits before any exponent, leading
    /// and trailing zeros left out (`0.00120` and `1200` have 2).
    static func significantDigits(_ trimmed: String) -> Int {
        DecimalNumber(trimmed)?.digits.count ?? 0
    }

    /// The canonical text of a number: `3` for 3.0, `-0.5`, `1e15`, `-1.5e-7` (docs/file-formats.md,
    /// "Numbers"); the same number is always written the same way, so equal numbers give equal
    /// log lines and export cells. Its digits are the fewest that read back as `value`.
    public static func text(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        // Swift's description is the shortest text that reads back as the value (`1e+16`,
        // `1.5e-07`, `1000000000000000.0`); only its spelling is changed.
        return DecimalNumber("\(value)")?.text ?? "\(value)"
    }

    /// The canonical text of the number `text` spells, taken from its own digits, not from a
    /// `Double`; nil when it is no number. For a number litcoder accepts (`problem(with:for:)`
    /// is nil) it is `text(parse(text))`; for one with more digits than a `Double` keeps (a log
    /// written by hand or by another tool) it keeps them all, so two such numbers are one value
    /// exactly when they are one decimal (`1e16` and `10000000000000000` are;
    /// `123456789012345678` and `123456789012345679` are not).
    public static func canonical(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard read(trimmed) != nil else { return nil }
        return DecimalNumber(trimmed)?.text
    }

    /// Why `text` is not an acceptable value of `dimension`, or nil when it is: not a number,
    /// a number litcoder cannot keep exactly (more than `maximumDigits` significant digits, or
    /// a magnitude outside `magnitudes`), or outside the dimension's `min`…`max`. What `set`,
    /// `codings import`, the workbench and review check a number entered against.
    public static func problem(with text: String, for dimension: Dimension) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = read(trimmed) else {
            return "'\(text)' is not a number; \(dimension.id) takes a number such as \(example(for: dimension)) (a decimal point, not a comma)"
        }
        let magnitude = abs(value)
        // A non-zero decimal that reads as 0 (`1e-400`) underflowed: it is too small, not zero.
        let writesZero = DecimalNumber(trimmed)?.isZero ?? (magnitude == 0)
        if !writesZero, magnitude < magnitudes.smallest || magnitude > magnitudes.largest {
            return "'\(trimmed)' is too \(magnitude < 1 ? "small" : "large") for litcoder to keep exactly; "
                + "a number is 0 or of a magnitude between \(self.text(magnitudes.smallest)) and \(self.text(magnitudes.largest))"
        }
        let digits = significantDigits(trimmed)
        if digits > maximumDigits {
            let rounded = Double(String(format: "%.\(maximumDigits)g", value)).map(self.text) ?? ""
            return "'\(trimmed)' has \(digits) significant digits; litcoder keeps a number exactly up to \(maximumDigits) "
                + "(round it, e.g. to \(rounded))"
        }
        return rangeProblem(value, for: dimension)
    }

    /// Why `value` is outside `dimension`'s `min`…`max`, or nil when it is inside.
    public static func rangeProblem(_ value: Double, for dimension: Dimension) -> String? {
        if let minimum = dimension.minimum, value < minimum {
            return "\(self.text(value)) is below \(dimension.id)'s minimum, \(self.text(minimum))"
        }
        if let maximum = dimension.maximum, value > maximum {
            return "\(self.text(value)) is above \(dimension.id)'s maximum, \(self.text(maximum))"
        }
        return nil
    }

    /// `0` to `7`, or `1.5`: the allowed range of a dimension, for messages.
    public static func range(of dimension: Dimension) -> String? {
        switch (dimension.minimum, dimension.maximum) {
        case let (lo?, hi?): "\(text(lo)) to \(text(hi))"
        case let (lo?, nil): "\(text(lo)) or more"
        case let (nil, hi?): "up to \(text(hi))"
        case (nil, nil): nil
        }
    }

    private static func example(for dimension: Dimension) -> String {
        text(dimension.minimum ?? dimension.maximum ?? 3)
    }
}
