import LitCoderCore
import Testing
@testable import LitCoderUI

/// The seams other screens plug into, and layout at every size.
@Suite struct WorkbenchViewTests {
    struct CountingPanel: WorkbenchPanel {
        func render(_ workbench: Workbench, in area: Rect, into canvas: inout Canvas) {
            canvas.write("done so far: \(workbench.doneCount)", in: area)
        }
    }

    func workbench() -> Workbench {
        Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", events: [])
    }

    @Test(arguments: [(120, 40), (80, 24), (60, 20)])
    func summaryPaneShowsThePanelItIsGiven(width: Int, height: Int) {
        var state = workbench()
        let view = WorkbenchView(summary: CountingPanel())
        #expect(!view.render(state, width: width, height: height).text.contains("done so far"))
        _ = state.perform(.toggleSummary)
        #expect(view.render(state, width: width, height: height).text.contains("done so far: 0"))
        #expect(WorkbenchView().render(state, width: width, height: height).text.contains("Summary"))
    }

    @Test func alignmentLineAppearsUnderThePaperHeader() {
        let view = WorkbenchView(alignmentLine: { _, paper in "alignment of \(paper.id): ok" })
        let text = view.render(workbench(), width: 120, height: 40).text
        #expect(text.contains("alignment of P001: ok"))
    }

    @Test(arguments: Array(stride(from: 0, through: 130, by: 7)), [0, 1, 5, 9, 10, 23, 24, 41])
    func neverDrawsWiderThanTheScreen(width: Int, height: Int) {
        var state = workbench()
        _ = state.update(.resize(width: width, height: height))
        let canvas = WorkbenchView().render(state, width: width, height: height)
        #expect(canvas.lines.count == height)
        for line in canvas.lines { #expect(DisplayWidth.of(line) <= width) }
    }
}
