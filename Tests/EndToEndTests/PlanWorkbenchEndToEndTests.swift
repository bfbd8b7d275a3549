import Foundation
import LitCoderCore
import Testing

/// The workbench in a real terminal (tmux) follows the coding plan: a coder's queue holds
/// their assigned papers, calibration papers first, in the coder's own order, and resumes
/// where the coder left off.
@Suite(.serialized) struct PlanWorkbenchEndToEndTests {
    /// The workbench fixture in each coder's own order (its `order: corpus` line left out),
    /// alice assigned P001, P002, P003 and P005, and P005 the calibration round.
    func project() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-plan-wb-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: WorkbenchEndToEndTests.fixture, to: dir)
        let config = dir.appendingPathComponent("litcoder.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.split(separator: "\n").filter { !$0.hasPrefix("order:") && !$0.hasPrefix("#") }.joined(separator: "\n")
            .appending("\n").write(to: config, atomically: true, encoding: .utf8)
        try """
            {"paper":"P001","coders":["alice","bob"]}
            {"paper":"P002","coders":["alice"]}
            {"paper":"P003","coders":["alice","bob"]}
            {"paper":"P004","coders":["bob"]}

            """.write(to: dir.appendingPathComponent("assignments.jsonl"), atomically: true, encoding: .utf8)
        try #"{"round":"pilot","papers":["P005"]}"#.appending("\n")
            .write(to: dir.appendingPathComponent("rounds.jsonl"), atomically: true, encoding: .utf8)
        return dir
    }

    func code(_ project: URL, _ extra: [String] = []) -> [String] {
        [LitcoderBinary.url.path, "code", "--project", project.path, "--coder", "alice"] + extra
    }

    /// alice's own order (project "workbench-test"), from the documented hash worked out
    /// independently in Python: P001, P002, P005, P003 (P004, not hers, comes last in `all`).
    @Test func theQueueFollowsThePlanAndResumes() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = TmuxDriver(name: "plan-queue")
        defer { tmux.stop() }
        tmux.start(code(dir), in: dir, width: 100, height: 30)
        // The calibration paper first, then hers: P005, P001, P002, P003.
        guard tmux.wait(for: "paper 1/4") else { return }
        #expect(tmux.screen.contains("A ten-thousand-word abstract"))
        // Motivation is required and left empty: the first Enter says so, the second marks done.
        tmux.keys("Enter")
        #expect(tmux.wait(for: "Required and still empty: Motivation"))
        tmux.keys("Enter")
        #expect(tmux.wait(for: "paper 2/4"))
        #expect(tmux.wait(for: "Detecting depression from speech"))
        tmux.keys("Enter")
        #expect(tmux.wait(for: "Required and still empty: Motivation"))
        tmux.keys("Enter")
        #expect(tmux.wait(for: "paper 3/4"))
        #expect(tmux.wait(for: "Emotion-aware voice assistants"))
        tmux.wait(for: "✓ saved")
        tmux.keys("q")
        #expect(tmux.exitStatus() == 0)
        // Progress is of her own papers (P001, P002, P003 and the calibration paper P005).
        #expect(tmux.wait(for: "alice: 2 of 4 assigned papers done; everything is saved."))

        // The round is done, so P005 takes its place in her order: P001 P002 P005 P003; she
        // resumes at P002, the second.
        let again = TmuxDriver(name: "plan-resume")
        defer { again.stop() }
        again.start(code(dir), in: dir, width: 100, height: 30)
        #expect(again.wait(for: "paper 2/4"))
        #expect(again.screen.contains("Emotion-aware voice assistants"))
        again.keys("Right")
        #expect(again.wait(for: "paper 3/4"))
        #expect(again.wait(for: "A ten-thousand-word abstract"))
        again.keys("q")
        #expect(again.exitStatus() == 0)

        // --queue all holds every paper: hers, then P004.
        let all = TmuxDriver(name: "plan-all")
        defer { all.stop() }
        all.start(code(dir, ["--queue", "all", "--paper", "P004"]), in: dir, width: 100, height: 30)
        #expect(all.wait(for: "paper 5/5"))
        all.keys("q")
        #expect(all.exitStatus() == 0)
    }
}
