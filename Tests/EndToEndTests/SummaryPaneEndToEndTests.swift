import Foundation
import LitCoderCore
import Testing

/// The summary pane in the built workbench, in a real terminal (tmux): coding a paper changes
/// the pane's counts at once. Runs on a copy of `Tests/Fixtures/alignment-project`.
@Suite(.serialized) struct SummaryPaneEndToEndTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/alignment-project")

    @Test func codingAPaperChangesThePaneCounts() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-pane-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = TmuxDriver(name: "summary-pane")
        defer { tmux.stop() }
        // p6: health, only in-house data, so undetermined until a known dataset is coded.
        tmux.start([LitcoderBinary.url.path, "code", "--project", dir.path, "--coder", "alice", "--paper", "p6"],
                   in: dir, width: 120, height: 40)
        guard tmux.wait(for: "paper 6/12") else { return }
        tmux.keys("s")
        #expect(tmux.wait(for: "✓ 3 aligned  ✗ 3 mismatched  ? 6 undetermined"))
        // Tab to the datasets, 4 = clinic: natural clinical speech serves health.
        tmux.keys("Tab", "4")
        #expect(tmux.wait(for: "✓ 4 aligned  ✗ 3 mismatched  ? 5 undetermined"))
        #expect(tmux.wait(for: "✓ dataset: health served — the dataset codes provide natural"))
        // 4 again removes clinic, 1 adds iemocap: acted lab speech does not.
        tmux.keys("4", "1")
        #expect(tmux.wait(for: "✓ 3 aligned  ✗ 4 mismatched  ? 5 undetermined"))
        tmux.wait(for: "✓ saved")
        tmux.keys("q")
        #expect(tmux.exitStatus() == 0)
        let events = try CodingLog.read(url: dir.appendingPathComponent("codings/alice.jsonl")).events
        #expect(events.last { $0.op == .set }?.codes?.sorted() == ["iemocap", "in-house"])
    }
}
