/// Where each pane of the workbench goes at a given screen size.
///
/// From 80×24 the paper and the codebook sit side by side; below that they stack in one
/// column (compact); below 40×10 there is only a line asking for a larger window.
public struct WorkbenchLayout: Hashable, Sendable {
    public static let minimumSize = (width: 40, height: 10)
    public static let fullSize = (width: 80, height: 24)

    public var isTooSmall: Bool
    public var isCompact: Bool
    public var paper = Rect(width: 0, height: 0)
    public var codebook = Rect(width: 0, height: 0)
    /// Empty unless the summary pane is shown.
    public var summary = Rect(width: 0, height: 0)
    /// A line between panes: a column when side by side, a row when stacked.
    public var separator = Rect(width: 0, height: 0)
    /// Empty unless a prompt is open.
    public var prompt = Rect(width: 0, height: 0)
    public var status = Rect(width: 0, height: 0)

    public init(width: Int, height: Int, showSummary: Bool, promptOpen: Bool) {
        let screen = Rect(width: width, height: height)
        isTooSmall = width < Self.minimumSize.width || height < Self.minimumSize.height
        isCompact = !isTooSmall && (width < Self.fullSize.width || height < Self.fullSize.height)
        guard !isTooSmall else {
            status = screen.row(0)
            return
        }
        var (body, bottom) = screen.splitBottom(1)
        status = bottom
        if promptOpen {
            (body, prompt) = body.splitBottom(1)
        }
        if isCompact {
            let (top, rest) = body.splitTop(body.height * 45 / 100)
            let (rule, lower) = rest.splitTop(1)
            separator = rule
            codebook = lower
            if showSummary { summary = top } else { paper = top }
        } else {
            var main = body
            if showSummary {
                (main, summary) = body.splitBottom(max(6, body.height / 3))
            }
            let (left, right) = main.splitHorizontally(fraction: 0.58)
            let (rule, rightPane) = right.splitLeft(1)
            paper = left
            separator = rule
            codebook = rightPane
        }
    }
}
