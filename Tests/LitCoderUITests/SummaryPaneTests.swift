import Foundation
import LitCoderCore
import Testing
@testable import LitCoderUI

/// The summary pane on the hand-worked alignment fixture (`Tests/Fixtures/alignment-project`):
/// golden screens at two widths, and counts that follow the coder's keystrokes.
@Suite struct SummaryPaneTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/alignment-project")

    /// Alice's workbench on the fixture, opened on `paper`.
    static func workbench(on paper: String) throws -> Workbench {
        let workspace = try Workspace.open(Project.load(root: root))
        let events = try CodingLog.read(url: workspace.project.logURL(coder: "alice")).events
        return Workbench(codebook: workspace.codebook, papers: workspace.corpus.papers, coder: "alice",
                         events: events, startPaper: paper)
    }

    /// Presses keys as a coder would, playing a store where every write succeeds.
    static func press(_ keys: [Key], on workbench: inout Workbench, pane: SummaryPane) {
        var seq = workbench.confirmed.lastSeq
        for key in keys {
            var effects = workbench.update(.key(key))
            while !effects.isEmpty {
                if case .append(var event) = effects.removeFirst() {
                    seq += 1
                    event.seq = seq
                    pane.paperChanged(event.paper)
                    effects += workbench.update(.saved(event))
                }
            }
        }
    }

    @Test(arguments: [(110, 14), (60, 14)])
    func paneGoldenScreen(width: Int, height: Int) throws {
        let workbench = try Self.workbench(on: "p2")
        let pane = SummaryPane(for: workbench)
        var canvas = Canvas(width: width, height: height)
        pane.render(workbench, in: canvas.bounds, into: &canvas)
        GoldenScreen.check(canvas, named: "summary-pane-\(width)x\(height)")
        for line in canvas.lines { #expect(DisplayWidth.drawn(line) <= width) }
    }

    @Test func wideHeatMapAndNarrowList() throws {
        let workbench = try Self.workbench(on: "p2")
        let pane = SummaryPane(for: workbench)
        var wide = Canvas(width: 110, height: 24)
        pane.render(workbench, in: wide.bounds, into: &wide)
        #expect(wide.text.contains("│health          4    1✗ ███▒▒▒▒▒▒▒▒▒   health      ██████2 ▒▒▒▒▒▒1"))
        #expect(wide.text.contains("dataset (10): iemocap 3 · homeset 3 · podcast 2 · phone 2 · clinic 1 · in-house 1"))
        var narrow = Canvas(width: 46, height: 20)
        pane.render(workbench, in: narrow.bounds, into: &narrow)
        #expect(narrow.text.contains("│health: acted 2, lab 1, natural 1, home 1,  │\n│clinical 1"))
        #expect(!narrow.text.contains("██████2"))
    }

    @Test func theWorkbenchWithThePaneOpen() throws {
        var workbench = try Self.workbench(on: "p2")
        _ = workbench.update(.resize(width: 120, height: 40))
        let pane = SummaryPane(for: workbench)
        Self.press([.character("s")], on: &workbench, pane: pane)
        let view = WorkbenchView(summary: pane, alignmentLine: pane.alignmentLine)
        let canvas = view.render(workbench, width: 120, height: 40)
        GoldenScreen.check(canvas, named: "summary-workbench-120x40")
        #expect(canvas.text.contains("✗ dataset: health needs clinical or home — the dataset codes provide"))
    }

    /// p6 has health and only `in-house` data: adding `clinic` (the 4th dataset) makes it
    /// aligned; swapping `clinic` for `iemocap` makes it mismatched.
    @Test func countsFollowEveryKeystroke() throws {
        var workbench = try Self.workbench(on: "p6")
        let pane = SummaryPane(for: workbench)
        func outcomes() -> (Int, Int, Int) {
            let a = pane.summary(for: workbench).alignments[0]
            return (a.aligned, a.mismatched, a.undetermined)
        }
        #expect(outcomes() == (3, 3, 6))
        Self.press([.tab, .character("4")], on: &workbench, pane: pane)
        #expect(workbench.currentCoding.codes(for: "dataset").sorted() == ["clinic", "in-house"])
        #expect(outcomes() == (4, 3, 5))
        Self.press([.character("4"), .character("1")], on: &workbench, pane: pane)
        #expect(outcomes() == (3, 4, 5))
        #expect(pane.alignmentLine(workbench, try #require(workbench.currentPaper))?.hasPrefix("✗ dataset: health needs clinical or home") == true)
        // Undo twice, from another paper: the counts go back with it.
        Self.press([.right, .character("u"), .character("u")], on: &workbench, pane: pane)
        #expect(outcomes() == (4, 3, 5))
    }
}
