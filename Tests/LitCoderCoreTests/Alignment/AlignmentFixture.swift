import Foundation
@testable import LitCoderCore

/// The hand-worked fixture project in `Tests/Fixtures/alignment-project`, loaded.
enum AlignmentFixture {
    static var root: URL { TestFiles.fixtures.appendingPathComponent("alignment-project") }

    static func workspace() throws -> Workspace {
        try Workspace.open(Project.load(root: root))
    }

    static func alice() throws -> (Workspace, CodingState) {
        let workspace = try workspace()
        let (state, diagnostics) = try workspace.state(coder: "alice")
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        return (workspace, state)
    }
}
