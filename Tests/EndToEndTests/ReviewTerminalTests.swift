import Foundation
import Testing
import LitCoderCore

/// The review screen in a real terminal (tmux, through `../shared/tools/tui-drive`): an
/// adjudicator resolves two disagreements and the consensus log records them.
@Suite(.serialized) struct ReviewTerminalTests {
    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/tools/tui-drive")

    /// Runs `tui-drive ARGS`; returns its exit status and output.
    @discardableResult
    static func drive(_ arguments: [String]) throws -> (status: Int32, output: String) {
        // Output goes to a file, not a pipe: the tmux server that `start` launches inherits the
        // descriptor and would keep a pipe open for as long as it runs.
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("tui-drive-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        let process = Process()
        // Through bash, closing every inherited descriptor above 2 first: `start` leaves a tmux
        // server running, and one that held the test runner's descriptors would keep the
        // runner waiting for this child forever.
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec "$0" "$@""#,
                             driver.path] + arguments
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? output.close()
        let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        return (process.terminationStatus, text)
    }

    static var toolsPresent: Bool {
        FileManager.default.isExecutableFile(atPath: driver.path)
            && ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func resolvesTwoDisagreements() throws {
        guard Self.toolsPresent else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("tmux or \(Self.driver.path) is missing; CI needs both")
            } else {
                print("note: skipping the review screen in tmux: tmux or \(Self.driver.path) not found")
            }
            return
        }
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let name = "review-\(ProcessInfo.processInfo.processIdentifier)"
        try Self.drive(["start", name, "100x30", LitcoderBinary.url.path, "review", "--project", fixture.root.path,
                        "--adjudicator", "ana"])
        defer { _ = try? Self.drive(["stop", name]) }
        func wait(_ text: String) throws {
            let result = try Self.drive(["wait", name, text, "20"])
            #expect(result.status == 0, "waiting for '\(text)': \(result.output)")
        }
        try wait("0 of 3 resolved")
        try wait("mentions clinicians")
        // p2 motivation: take alice's codes, with a reason.
        try Self.drive(["keys", name, "1"])
        try wait("reason, Enter saves")
        try Self.drive(["type", name, "the abstract names both"])
        try Self.drive(["keys", name, "Enter"])
        try wait("1 of 3 resolved")
        // p2 data, single-select: a union is refused, then edit to "natural" by hand.
        try wait("data — Kind of data")
        try Self.drive(["keys", name, "u"])
        try wait("takes one code")
        try Self.drive(["keys", name, "e", "Down", "Down", "Space", "Enter", "Enter"])
        try wait("2 of 3 resolved")
        try Self.drive(["keys", name, "q"])
        try Self.drive(["gone", name, "resolved", "20"])
        let status = try Self.drive(["status", name])
        #expect(status.output.trimmingCharacters(in: .whitespacesAndNewlines) == "0")

        let events = try fixture.consensusEvents()
        #expect(events.count == 2)
        let motivation = try #require(events.first { $0.dimension == "motivation" })
        #expect(motivation.paper == "p2")
        #expect(motivation.codes == ["healthcare", "voice-assistant"])
        #expect(motivation.sources == ["alice", "carol"])
        #expect(motivation.reason == "the abstract names both")
        #expect(motivation.adjudicator == "ana")
        #expect(motivation.coder == CoderName.consensus)
        let data = try #require(events.first { $0.dimension == "data" })
        #expect(data.codes == ["natural"])
        #expect(data.sources == ["alice", "carol"])
        #expect(data.automatic == false)
    }
}
