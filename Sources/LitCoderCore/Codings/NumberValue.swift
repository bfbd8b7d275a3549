import Foundation

/// How a number dimension's value is written and read: entered as text, kept in the log as
/// canonical text, compared as a `Double`.
public enum NumberValue {
    /// The number `text` spells (`3`, `-0.5`, `1e3`, spaces around it allowed); nil for
    /// anything else, infinities and NaN included. A decimal comma is not a number: `3,5` could
    /// as well be a list.
    public static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(trimmed), value.isFinite
        else { return nil }
        return value
    }

    /// The canonical text of a number: `3` for 3.0, `-0.5`, `1e-07`; the same number is always
    /// written the same way, so equal numbers give equal log lines and export cells.
    public static func text(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Why `text` is not an acceptable value of `dimension`, or nil when it is.
    public static func problem(with text: String, for dimension: Dimension) -> String? {
        guard let value = parse(text) else {
            return "'\(text)' is not a number; \(dimension.id) takes a number such as \(example(for: dimension)) (a decimal point, not a comma)"
        }
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
