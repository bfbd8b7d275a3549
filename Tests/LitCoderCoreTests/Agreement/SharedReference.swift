import Foundation

/// Locates `../shared` (reference vectors, fixtures) beside the package root.
///
/// When it is missing, tests fail under `CI=true` and otherwise record a skip, so a clone
/// without the shared folder can still run the rest of the suite.
enum SharedReference {
    static var packageRoot: URL { TestFiles.packageRoot }

    static var agreementVectors: URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/agreement")
    }

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The vector files, sorted; empty when the folder is missing.
    static func vectorFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: agreementVectors.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { agreementVectors.appendingPathComponent($0) }
    }
}
