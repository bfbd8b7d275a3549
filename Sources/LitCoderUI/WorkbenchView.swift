import LitCoderCore

/// Renders a `Workbench` into a canvas of any size: panes, status bar, prompt, help overlay.
///
/// Reads only the state it is given; the same state and size always give the same screen.
public struct WorkbenchView {
    /// What the summary pane shows when `s` toggles it on.
    public var summary: any WorkbenchPanel
    /// The line under the paper's header saying how this paper's coding aligns; nil for none.
    public var alignmentLine: (Workbench, Paper) -> String?

    public init(
        summary: any WorkbenchPanel = EmptySummaryPanel(),
        alignmentLine: @escaping (Workbench, Paper) -> String? = { _, _ in nil }
    ) {
        self.summary = summary
        self.alignmentLine = alignmentLine
    }

    /// A fresh canvas of the given size showing the workbench.
    public func render(_ workbench: Workbench, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        render(workbench, into: &canvas)
        return canvas
    }

    public func render(_ workbench: Workbench, into canvas: inout Canvas) {
        var prompt: Prompt?
        if case .prompt(let open) = workbench.mode { prompt = open }
        let layout = WorkbenchLayout(width: canvas.width, height: canvas.height,
                                     showSummary: workbench.showSummary, promptOpen: workbench.usesBottomLine)
        if layout.isTooSmall {
            canvas.write("Please enlarge to \(WorkbenchLayout.minimumSize.width)×\(WorkbenchLayout.minimumSize.height)",
                         in: layout.status, style: .bold)
            return
        }
        let alignment = workbench.currentPaper.flatMap { alignmentLine(workbench, $0) }
        PaperPane(alignmentLine: alignment).render(workbench, in: layout.paper, into: &canvas)
        canvas.drawRule(layout.separator, vertical: !layout.isCompact)
        CodebookPane().render(workbench, in: layout.codebook, into: &canvas)
        if !layout.summary.isEmpty {
            summary.render(workbench, in: layout.summary, into: &canvas)
        }
        if let prompt { PromptLine().render(prompt, in: layout.prompt, into: &canvas) }
        if case .selecting(let selection) = workbench.mode {
            QuoteLine().render(selection, for: workbench, in: layout.prompt, into: &canvas)
        }
        StatusBar().render(workbench, in: layout.status, into: &canvas)
        if workbench.mode == .help {
            let overlay = workbench.selectionBeforeHelp == nil ? HelpOverlay() : HelpOverlay(
                rows: Keymap.selectionBindings.map { ($0.keyLabel, $0.summary) },
                footer: ("Selecting:", "Enter attaches the selection to the code under the cursor; Esc stops"))
            overlay.render(in: canvas.bounds.splitBottom(1).rest, into: &canvas)
        }
    }
}
