/// Which rows of a list taller than its area are on screen, so that the cursor always is.
///
/// When rows are hidden above, the first line says so ("↑ more"); when rows are hidden below,
/// the last line does ("↓ more"). Those lines hide the row under them, so the cursor is kept
/// off them. The top only moves when the cursor would leave the rows shown, so the list does
/// not jump on every move.
public struct ListViewport: Hashable, Sendable {
    /// First row of the list at the top of the area (its line may show "↑ more").
    public let top: Int
    public let height: Int
    public let total: Int

    /// - Parameters:
    ///   - preferredTop: where the list was scrolled before; kept if the cursor is still shown.
    public init(total: Int, height: Int, cursor: Int, preferredTop: Int) {
        self.total = max(0, total)
        self.height = max(0, height)
        let cursor = min(max(0, cursor), max(0, self.total - 1))
        guard self.total > self.height, self.height >= 3 else {
            // It all fits, or the area is too small for "more" lines: the cursor row on top.
            top = self.total <= self.height ? 0 : min(cursor, self.total - self.height)
            return
        }
        let lastTop = self.total - self.height
        var top = min(max(0, preferredTop), lastTop)
        if cursor < Self.firstShown(top: top) {
            top = max(0, cursor - 1)
        }
        if cursor > Self.lastShown(top: top, height: self.height, total: self.total) {
            top = min(lastTop, cursor - self.height + 2)
        }
        self.top = top
    }

    private static func firstShown(top: Int) -> Int { top > 0 ? top + 1 : 0 }

    private static func lastShown(top: Int, height: Int, total: Int) -> Int {
        top + height < total ? top + height - 2 : top + height - 1
    }

    /// Rows hidden above, announced on the first line.
    public var hasMoreAbove: Bool { total > height && height >= 3 && top > 0 }
    /// Rows hidden below, announced on the last line.
    public var hasMoreBelow: Bool { total > height && top + height < total }

    /// The rows drawn as themselves (not under a "more" line), in order.
    public var shownRows: Range<Int> {
        guard height > 0, total > 0 else { return 0..<0 }
        if total <= height { return 0..<total }
        if height < 3 { return top..<min(total, top + height) }
        let first = Self.firstShown(top: top)
        let last = Self.lastShown(top: top, height: height, total: total)
        return first..<(last + 1)
    }
}
