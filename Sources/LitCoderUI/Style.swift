/// How a cell looks: attributes a terminal can show, each degrading gracefully.
///
/// `accent` (alias highlights, suggestions) and `warning` (errors) are shown in colour where
/// the terminal has it, and as underline / bold otherwise; everything else maps to one
/// terminal attribute (the corresponding ncurses attributes are `A_BOLD`, `A_DIM` …).
public struct Style: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Style(rawValue: 1 << 0)
    public static let dim = Style(rawValue: 1 << 1)
    public static let reverse = Style(rawValue: 1 << 2)
    public static let underline = Style(rawValue: 1 << 3)
    public static let accent = Style(rawValue: 1 << 4)
    public static let warning = Style(rawValue: 1 << 5)
    public static let success = Style(rawValue: 1 << 6)

    public static let plain: Style = []
}
