/// A pane the workbench shows on request, drawn from the workbench's state.
///
/// The seam for the summary pane (`s`): the workbench lays out a rectangle for it and asks
/// whatever panel it was given to draw there.
public protocol WorkbenchPanel {
    func render(_ workbench: Workbench, in area: Rect, into canvas: inout Canvas)
}

/// The summary pane until there is a summary to show: a titled, empty frame.
public struct EmptySummaryPanel: WorkbenchPanel {
    public init() {}

    public func render(_ workbench: Workbench, in area: Rect, into canvas: inout Canvas) {
        canvas.fill(area)
        canvas.drawBorder(area, title: "Summary")
        canvas.write("(s hides this pane)", in: area.inset().row(0), style: .dim)
    }
}
