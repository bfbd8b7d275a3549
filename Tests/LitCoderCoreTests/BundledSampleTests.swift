import Foundation
import Testing
@testable import LitCoderCore

/// The `BundledSample` the build generates (`Plugins/EmbedSample`, `scripts/embed-sample`) must
/// hold exactly the repository's sample files, whatever characters they contain.
@Suite struct BundledSampleTests {
    static let packageRoot = TestFiles.packageRoot

    @Test(arguments: [
        ("codebooks/ser-survey.yaml", BundledSample.codebook),
        ("corpus/ser-sample.jsonl", BundledSample.corpus),
    ])
    func generatedFileMatchesTheSampleFiles(path: String, embedded: String) {
        let url = Self.packageRoot.appendingPathComponent(path)
        // A missing file is embedded as "", so adding the file makes this fail until regenerated.
        let onDisk = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(onDisk == embedded, "the embedded \(path) differs from the file: check scripts/embed-sample's quoting")
    }
}
