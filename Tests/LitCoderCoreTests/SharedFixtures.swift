import Foundation
import Testing

/// The shared import fixtures (`../shared/fixtures` beside the package), found from this file.
///
/// Missing fixtures fail the test under `CI=true` and are skipped with a note elsewhere.
enum SharedFixtures {
    static let root: URL = TestFiles.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("manifest.json").path) }

    static var underCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Every fixture (a file with `NAME.expected.json` beside it), as `folder/name`.
    static var names: [String] {
        var names: [String] = []
        for folder in ["bibtex", "ris", "csv", "other"] {
            let dir = root.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files where file.hasSuffix(".expected.json") {
                names.append("\(folder)/\(file.dropLast(".expected.json".count))")
            }
        }
        return names.sorted()
    }

    /// Records a skip (or, under CI, a failure) when the fixtures are missing; true when present.
    static func require() -> Bool {
        if isPresent { return true }
        if underCI {
            Issue.record("shared fixtures missing at \(root.path) (CI=true)")
        } else {
            print("note: shared fixtures not found at \(root.path); skipping")
        }
        return false
    }
}
