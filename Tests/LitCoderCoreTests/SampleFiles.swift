import Foundation
@testable import LitCoderCore

/// The bundled SER sample and its reference coding, found from this file's place in the package.
enum SampleFiles {
    static let packageRoot = TestFiles.packageRoot
    static let corpus = packageRoot.appendingPathComponent("corpus/ser-sample.jsonl")
    static let codebook = packageRoot.appendingPathComponent("codebooks/ser-survey.yaml")
    static let referenceCoding = packageRoot.appendingPathComponent("Tests/Fixtures/ser-sample/reference-coding.json")

    /// A careful human coding of the sample (see `Tests/Fixtures/ser-sample/README.md`).
    struct ReferenceCoding: Decodable {
        struct Entry: Decodable {
            var motivation: [String]
            var dataset: [String]
            var datasetFit: String
            var note: String

            func codes(_ dimension: String) -> [String] {
                switch dimension {
                case "motivation": motivation
                case "dataset": dataset
                default: []
                }
            }
        }

        var corpus: String
        var codebook: String
        var dimensions: [String]
        var papers: [String: Entry]
    }

    static func loadCorpus() -> (Corpus, [Diagnostic]) {
        Corpus.load(files: [corpus], displayName: { _ in "corpus/ser-sample.jsonl" })
    }

    static func loadCodebook() throws -> Codebook {
        let (codebook, diagnostics) = CodebookLoader.load(url: codebook, displayName: "codebooks/ser-survey.yaml")
        guard let codebook else { throw DiagnosticList(diagnostics) }
        return codebook
    }

    static func loadReferenceCoding() throws -> ReferenceCoding {
        try JSONDecoder().decode(ReferenceCoding.self, from: Data(contentsOf: referenceCoding))
    }
}
