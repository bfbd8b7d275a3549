import Foundation
@testable import LitCoderCore
import Testing

/// Files the tests read: the package's own, and the shared reference data beside the package.
enum TestFiles {
    /// The package root, found from this file's place (`Tests/LitCoderCoreTests/TestFiles.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let bundledCodebook = packageRoot.appendingPathComponent("codebooks/ser-survey.yaml")
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// A file under `../shared` (beside the package), or nil when it is missing. Missing
    /// fails the calling test under `CI=true`, where the reference data must be present,
    /// and is a noted skip elsewhere.
    static func shared(_ path: String) -> URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("\(url.path) is missing; under CI the shared reference data must be present")
        } else {
            print("note: skipping, \(url.path) is not present")
        }
        return nil
    }

    /// The bundled SER codebook, loaded; records an issue when it does not load.
    static func serCodebook() throws -> Codebook {
        let (codebook, diagnostics) = CodebookLoader.load(url: bundledCodebook, displayName: "codebooks/ser-survey.yaml")
        return try #require(codebook, "\(DiagnosticList(diagnostics))")
    }
}
