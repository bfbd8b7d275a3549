import Foundation
import Testing
@testable import LitCoderCore

/// `BundledSample.swift` must hold exactly the repository's sample files; run `scripts/embed-sample` when this fails.
@Suite struct BundledSampleTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [
        ("codebooks/ser-survey.yaml", BundledSample.codebook),
        ("corpus/ser-sample.jsonl", BundledSample.corpus),
    ])
    func generatedFileMatchesTheSampleFiles(path: String, embedded: String) {
        let url = Self.packageRoot.appendingPathComponent(path)
        // A missing file is embedded as "", so adding the file makes this fail until regenerated.
        let onDisk = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(onDisk == embedded, "Sources/LitCoderCore/BundledSample.swift is out of date with \(path): run scripts/embed-sample")
    }
}
