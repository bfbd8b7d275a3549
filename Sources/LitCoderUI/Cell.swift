/// One terminal cell: a base character with its zero-width marks, and a style.
///
/// A character two columns wide sits in its cell and marks the next one as its continuation,
/// so a diff never sends half a character and nothing is drawn over its right half.
public struct Cell: Hashable, Sendable {
    /// What the cell shows: one scalar of width 1 or 2 plus up to four zero-width scalars,
    /// already sanitised. Empty for a continuation cell.
    public var text: String
    public var style: Style
    /// The right half of a wide character that starts in the cell to the left.
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
    static let continuation = Cell("", isContinuation: true)
}
