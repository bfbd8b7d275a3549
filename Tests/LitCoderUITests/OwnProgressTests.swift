import LitCoderCore
import Testing
@testable import LitCoderUI

/// With assignments, the status bar's progress is of the coder's own papers, as `status`
/// counts them, not of the whole corpus.
@Suite struct OwnProgressTests {
    /// alice is assigned P001 and P003 of the five fixture papers; bob the rest.
    static let plan = CodingPlan(assignments: Assignments(entries: [
        .init(paper: "P001", coders: ["alice"]), .init(paper: "P002", coders: ["bob"]),
        .init(paper: "P003", coders: ["alice"]), .init(paper: "P004", coders: ["bob"]), .init(paper: "P005", coders: ["bob"]),
    ]), order: .corpus, projectName: "demo")

    static func statusLine(_ workbench: Workbench) -> String {
        var canvas = Canvas(width: 100, height: 1)
        StatusBar().render(workbench, in: Rect(x: 0, y: 0, width: 100, height: 1), into: &canvas)
        return canvas.lines[0]
    }

    @Test func theBarCountsTheCodersOwnPapers() {
        let state = CodingState(coder: "alice")
        var h = WorkbenchTests.Harness()
        h.workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", state: state,
                                history: EventHistory([]), queue: .mine,
                                order: CoderQueue(plan: Self.plan, coder: "alice", papers: Fixtures.papers, state: state))
        _ = h.workbench.update(.resize(width: 120, height: 40))
        #expect(h.workbench.progress == (0, 2))
        #expect(Self.statusLine(h.workbench).contains("░░░░░░░░░░ 0 done"))
        // Motivation is required: the first Enter warns, the second marks P001 done.
        h.perform(.doneAndNext)
        h.perform(.doneAndNext)
        #expect(h.workbench.doneCount == 1)
        #expect(h.workbench.progress == (1, 2))
        // Half of her two papers: 5 of the 10 cells (of all five papers it would be 2).
        #expect(Self.statusLine(h.workbench).contains("█████░░░░░ 1 done"), "\(Self.statusLine(h.workbench))")
    }

    @Test func withoutAssignmentsEveryPaperCounts() {
        var h = WorkbenchTests.Harness()
        h.perform(.doneAndNext)
        h.perform(.doneAndNext)
        #expect(h.workbench.doneCount == 1)
        #expect(h.workbench.progress == (1, 5))
        #expect(Self.statusLine(h.workbench).contains("██░░░░░░░░ 1 done"), "\(Self.statusLine(h.workbench))")
    }
}
