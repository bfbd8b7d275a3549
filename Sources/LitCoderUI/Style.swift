/// How a cell looks: attributes a terminal can show, each degrading gracefully.
///
/// `accent` (alias highlights, suggestions) and `warning` (errors) are shown in colour where
/// the terminal has it, and as underline / bold otherwise; everything else maps to one
/// terminal attribute (the corresponding ncurses attributes are `A_BOLD`, `A_DIM` …).
///
/// A style may also carry one tint: the colour of a dimension (`tint(_:)`), in which its
/// quotes are drawn. A tint is a small number in the upper bits, not a flag: `tinted(_:)`
/// replaces it, where `union` would mix two.
public struct Style: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let bold = Style(rawValue: 1 << 0)
    public static let dim = Style(rawValue: 1 << 1)
    public static let reverse = Style(rawValue: 1 << 2)
    public static let underline = Style(rawValue: 1 << 3)
    public static let accent = Style(rawValue: 1 << 4)
    public static let warning = Style(rawValue: 1 << 5)
    public static let success = Style(rawValue: 1 << 6)

    public static let plain: Style = []

    /// How many tints there are; dimension `i` takes tint `i % tintCount`.
    public static let tintCount = 6
    private static let tintShift: UInt16 = 8
    private static let tintMask: UInt16 = 0x7 << tintShift

    /// The style of tint `index` (taken modulo `tintCount`) and nothing else.
    public static func tint(_ index: Int) -> Style {
        Style(rawValue: UInt16((index % tintCount + tintCount) % tintCount + 1) << tintShift)
    }

    /// The tint, 0 ..< `tintCount`; nil when there is none.
    public var tint: Int? {
        let stored = Int((rawValue & Self.tintMask) >> Self.tintShift)
        return stored == 0 ? nil : stored - 1
    }

    /// The same attributes with `index`'s tint instead of any other (nil: none).
    public func tinted(_ index: Int?) -> Style {
        let attributes = Style(rawValue: rawValue & ~Self.tintMask)
        return index.map { attributes.union(.tint($0)) } ?? attributes
    }
}
