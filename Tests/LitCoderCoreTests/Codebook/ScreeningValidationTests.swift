import Foundation
import Testing
@testable import LitCoderCore

/// The codebook's `screening:` key, read and checked like every other key.
@Suite struct ScreeningValidationTests {
    /// Line numbers in the table below refer to this text as edited.
    static let base = """
        id: t
        title: T
        version: "1"
        dimensions:
          - id: relevance
            label: Relevance
            kind: single
            codes:
              - {id: core, label: Core}
              - {id: adjacent, label: Adjacent}
              - {id: off, label: Off topic}
          - id: topics
            label: Topics
            kind: multi
            codes:
              - {id: a, label: A}
        screening:
          dimension: relevance
          include: [core, adjacent]
          exclude: [off]

        """

    @Test func aValidScreeningIsRead() throws {
        let (codebook, diagnostics) = CodebookLoader.parse(Self.base, file: "cb.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let screening = try #require(codebook?.screening)
        #expect(screening == Screening(dimension: "relevance", include: ["core", "adjacent"], exclude: ["off"]))
        #expect(screening.decision(for: "adjacent") == .included)
        #expect(screening.decision(for: "off") == .excluded)
        #expect(screening.decision(for: "a") == nil)
    }

    @Test func theBundledCodebookScreensOnRelevance() throws {
        let codebook = try TestFiles.serCodebook()
        #expect(codebook.screening == Screening(dimension: "relevance", include: ["ser-core", "ser-dataset", "ser-adjacent", "ser-meta"],
                                                exclude: ["out-of-scope"]))
    }

    @Test func theYAMLWriterKeepsTheScreening() throws {
        let (codebook, _) = CodebookLoader.parse(Self.base, file: "cb.yaml")
        let original = try #require(codebook)
        let yaml = try CodebookYAMLWriter.render(original)
        let (loaded, diagnostics) = CodebookLoader.parse(yaml, file: "again.yaml")
        #expect(diagnostics.isEmpty)
        #expect(loaded?.screening == original.screening)
    }

    @Test(arguments: [
        ("unknown dimension", [("  dimension: relevance", "  dimension: relevence")],
         "'screening' names dimension 'relevence', which does not exist; did you mean 'relevance'?", 18, 14, Diagnostic.Severity.error),
        ("multi-select dimension", [("  dimension: relevance", "  dimension: topics")],
         "the screening dimension 'topics' is multi; a screening decision is one code per paper", 18, 14, .error),
        ("unknown code", [("[core, adjacent]", "[core, adjcent]")],
         "'screening' includes code 'adjcent', which dimension 'relevance' does not have; did you mean 'adjacent'?", 19, 19, .error),
        ("a code in both lists", [("[off]", "[off, core]")],
         "code 'core' is in both 'include' and 'exclude' of 'screening'", 20, 18, .error),
        ("no include codes", [("[core, adjacent]", "[]")], "'screening' lists no 'include' codes", 19, 12, .error),
        ("unknown key", [("  exclude: [off]", "  exclude: [off]\n  reasons: [off]")],
         "unknown key 'reasons' in 'screening'", 21, 3, .error),
        ("not a mapping", [("screening:\n  dimension: relevance\n  include: [core, adjacent]\n  exclude: [off]", "screening: relevance")],
         "'screening' must be a mapping with dimension, include and exclude", 17, 12, .error),
        ("a code in neither list", [("[core, adjacent]", "[core]")],
         "'screening' leaves code 'adjacent' of 'relevance' in neither 'include' nor 'exclude'; papers coded so count as not yet screened",
         18, 3, .warning),
    ] as [(String, [(String, String)], String, Int, Int, Diagnostic.Severity)])
    func brokenScreeningsAreLocated(name: String, edits: [(String, String)], message: String, line: Int, column: Int,
                                    severity: Diagnostic.Severity) throws {
        var text = Self.base
        for (find, replace) in edits {
            let range = try #require(text.range(of: find), "'\(find)' not in the base")
            text.replaceSubrange(range, with: replace)
        }
        let (_, diagnostics) = CodebookLoader.parse(text, file: "cb.yaml")
        let found = diagnostics.first { $0.message == message }
        #expect(found != nil, "\(name): \(diagnostics.map(\.description))")
        #expect(found?.line == line && found?.column == column && found?.severity == severity, "\(name): \(String(describing: found))")
    }
}
