import Foundation
import Testing
@testable import LitCoderCore

/// The reference coding of the sample against the codebook: complete, valid, and covering
/// what the sample is meant to exercise; and the alias suggestions measured against it.
@Suite struct SampleReferenceCodingTests {
    @Test func codesExactlyThePapersOfTheSample() throws {
        let reference = try SampleFiles.loadReferenceCoding()
        let (corpus, _) = SampleFiles.loadCorpus()
        #expect(Set(reference.papers.keys) == Set(corpus.papers.map(\.id)))
    }

    @Test func everyCodeExistsInTheCodebook() throws {
        let reference = try SampleFiles.loadReferenceCoding()
        let codebook = try SampleFiles.loadCodebook()
        for dimensionID in reference.dimensions {
            let dimension = try #require(codebook.dimension(dimensionID), "no dimension '\(dimensionID)'")
            let known = Set(dimension.codes.map(\.id))
            for (paper, entry) in reference.papers {
                let codes = entry.codes(dimensionID)
                #expect(!codes.isEmpty, "\(paper) has no \(dimensionID) code")
                #expect(Set(codes).count == codes.count, "\(paper) repeats a \(dimensionID) code")
                for code in codes { #expect(known.contains(code), "\(paper): unknown \(dimensionID) code '\(code)'") }
                if codes.contains("not-stated") { #expect(codes == ["not-stated"], "\(paper): not-stated excludes other codes") }
            }
        }
    }

    @Test func coversEveryMotivationCodeOfTheCodebook() throws {
        let reference = try SampleFiles.loadReferenceCoding()
        let codebook = try SampleFiles.loadCodebook()
        let motivation = try #require(codebook.dimension("motivation"))
        let used = Set(reference.papers.values.flatMap(\.motivation))
        let missing = motivation.codes.map(\.id).filter { !used.contains($0) }
        #expect(missing.isEmpty, "no sample paper is coded \(missing)")
    }

    @Test func exercisesDatasetsAndTheSurveysContrast() throws {
        let reference = try SampleFiles.loadReferenceCoding()
        let entries = Array(reference.papers.values)
        let namedDatasets = Set(entries.flatMap(\.dataset)).subtracting(["not-stated", "in-house", "new-dataset", "unnamed"])
        #expect(namedDatasets.count >= 50, "only \(namedDatasets.count) distinct named datasets")
        #expect(entries.filter { $0.dataset.count >= 2 }.count >= 10, "papers with several datasets")
        let fits = Dictionary(grouping: entries, by: \.datasetFit).mapValues(\.count)
        #expect(Set(fits.keys) == ["match", "mismatch", "not-applicable", "undetermined"], "\(fits)")
        #expect(fits["match", default: 0] >= 10 && fits["mismatch", default: 0] >= 10, "\(fits)")
        // The survey's point: deployment motivations evaluated on acted laboratory data.
        let healthOnActed = entries.filter {
            $0.datasetFit == "mismatch" && !$0.motivation.filter { $0.hasPrefix("health-") }.isEmpty
        }
        #expect(healthOnActed.count >= 3)
    }

    /// How well the codebook's aliases suggest the reference codes, per dimension.
    ///
    /// These floors are regression guards, set below what the codebook achieved when they were
    /// written (dataset recall 0.98 and precision 0.97; motivation recall 0.85 to 0.98 and
    /// precision 0.60 to 0.70 as the aliases grew; see `Tests/Fixtures/ser-sample/README.md`).
    /// Motivation aliases are deliberately broad cues for highlighting, so its precision floor
    /// is low. A change to the aliases that drops below them deserves a look; raise them when
    /// the aliases improve.
    @Test(arguments: [
        ("dataset", 0.93, 0.90),
        ("motivation", 0.80, 0.45),
    ])
    func aliasSuggestionsFindTheReferenceCodes(dimension: String, minimumRecall: Double, minimumPrecision: Double) throws {
        let reference = try SampleFiles.loadReferenceCoding()
        let matcher = AliasMatcher(codebook: try SampleFiles.loadCodebook())
        let (corpus, _) = SampleFiles.loadCorpus()
        var found = 0, suggested = 0, expected = 0
        var missed: [String] = []
        for paper in corpus.papers {
            guard let entry = reference.papers[paper.id] else { continue }
            // "Not stated" is an absence; no alias can suggest it.
            let truth = Set(entry.codes(dimension)).subtracting(["not-stated"])
            let suggestions = Set(matcher.suggestions(for: paper)[dimension] ?? [])
            found += truth.intersection(suggestions).count
            suggested += suggestions.count
            expected += truth.count
            missed += truth.subtracting(suggestions).map { "\(paper.id): \($0)" }
        }
        let recall = Double(found) / Double(max(expected, 1))
        let precision = Double(found) / Double(max(suggested, 1))
        print("alias suggestions, \(dimension): recall \(found)/\(expected) = \(recall), precision \(found)/\(suggested) = \(precision); missed \(missed.sorted())")
        #expect(recall >= minimumRecall, "missed: \(missed.sorted())")
        #expect(precision >= minimumPrecision)
    }
}
