import Foundation
import Testing
@testable import LitCoderCore

/// Logs read while the corpus loads (`Workspace.open(_:replaying:)`) give what reading them
/// afterwards gives, problems included; a log that cannot be read fails only when asked for.
@Suite struct WorkspaceReadAheadTests {
    static func project(in folder: TemporaryFolder) throws -> Project {
        let workspace = try MiniProject.create(in: folder)
        do {
            let alice = try workspace.openLog(coder: "alice")
            try alice.append(CodingEvent(coder: "alice", paper: "smith2020", op: .set, dimension: "motivation", codes: ["hci", "healthcare"]))
            try alice.append(CodingEvent(coder: "alice", paper: "lee2021", op: .set, dimension: "comment", text: "short"))
            try alice.append(CodingEvent(coder: "alice", paper: "smith2020", op: .done, value: true))
        }
        // A malformed line in the middle of alice's log: a problem every reader reports.
        let log = workspace.project.logURL(coder: "alice")
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("not an event\n".utf8))
        try handle.close()
        return workspace.project
    }

    @Test func statesReadAheadAreTheStatesReadAfter() throws {
        let folder = try TemporaryFolder()
        let project = try Self.project(in: folder)
        let plain = try Workspace.open(project)
        let ahead = try Workspace.open(project, replaying: ["alice", "nobody"])
        #expect(ahead.corpus.papers.map(\.id) == ["smith2020", "lee2021"])
        #expect(ahead.diagnostics == plain.diagnostics)
        let (state, problems) = try ahead.state(coder: "alice")
        let (expected, expectedProblems) = try plain.state(coder: "alice")
        #expect(state == expected)
        #expect(state.coding(for: "smith2020").codes(for: "motivation") == ["hci", "healthcare"])
        #expect(state.coding(for: "lee2021").texts["comment"] == "short")
        #expect(problems == expectedProblems)
        #expect(problems.map(\.line) == [4], "the malformed line, reported by the state read ahead")
        #expect(try ahead.state(coder: "nobody").0.paperCount == 0)
    }

    @Test func aLogThatCannotBeReadFailsWhenAskedFor() throws {
        let folder = try TemporaryFolder()
        let project = try Self.project(in: folder)
        // A folder where bob's log should be: it cannot be read.
        try FileManager.default.createDirectory(at: project.logURL(coder: "bob"), withIntermediateDirectories: true)
        let ahead = try Workspace.open(project, replaying: ["bob", "alice"])
        #expect(try ahead.state(coder: "alice").0.paperCount == 2)
        #expect(throws: CodingLogError.self) { try ahead.state(coder: "bob") }
        #expect(throws: CodingLogError.self) { try Workspace.open(project).state(coder: "bob") }
    }
}
