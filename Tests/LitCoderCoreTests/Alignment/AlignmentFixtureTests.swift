import Testing
@testable import LitCoderCore

/// Counts for `Tests/Fixtures/alignment-project`, worked out by hand from its files.
///
/// Needs: health = any(clinical, home) and clinical-states; assistant = natural and home;
/// call-center = telephone; technical and not-stated need nothing. Only datasets provide
/// clinical/home/natural/telephone and only emotions provide clinical-states, so for
/// motivation→dataset health needs any(clinical, home), and for motivation→emotion it needs
/// clinical-states while assistant and call-center need nothing there. Provides: iemocap acted+lab, podcast natural+web,
/// homeset home+acted, clinic clinical+natural, phone telephone+natural. `education` and
/// `oldset` were removed from the codebook after alice used them.
///
/// | paper | motivation            | datasets                 | verdict                          |
/// |-------|-----------------------|--------------------------|----------------------------------|
/// | p1    | health                | clinic                   | aligned (clinical)               |
/// | p2    | health                | iemocap (was clinic)     | mismatched: health               |
/// | p3    | assistant             | podcast, homeset         | mismatched: patchwork            |
/// | p4    | assistant, call-center| phone                    | mismatched: assistant only       |
/// | p5    | technical             | iemocap                  | undetermined: nothing needed     |
/// | p6    | health                | —                        | undetermined: to not coded       |
/// | p7    | education (stale)     | podcast                  | undetermined: from not coded     |
/// | p8    | call-center, technical| phone, iemocap, oldset   | aligned (phone)                  |
/// | p9    | —                     | homeset                  | undetermined: from not coded     |
/// | p10   | health                | homeset                  | aligned (home, second `any`)     |
/// | p11   | (no coding at all)    |                          | undetermined: from not coded     |
/// | p12   | not-stated            | —                        | undetermined: nothing needed     |
/// | px    | coded, not in corpus  |                          | left out, reported               |
///
/// motivation→emotion: only p1 codes an emotion (sad: clinical-states), so p1 is aligned;
/// p2, p6, p10 (health, no emotion) are undetermined because emotion is not coded; p3, p4, p5,
/// p8, p12 need nothing of emotions; p7, p9, p11 have no current motivation.
@Suite struct AlignmentFixtureTests {
    let summary: Summary

    init() throws {
        let (workspace, state) = try AlignmentFixture.alice()
        summary = SummaryCounts(codebook: workspace.codebook, corpus: workspace.corpus, state: state)
            .summary(scope: Summary.scope(coder: "alice"))
    }

    @Test func everyCorpusPaperIsCountedOnce() throws {
        #expect(summary.scope == "coder:alice")
        #expect(summary.papers == 12)
        let a = try #require(summary.alignments.first)
        #expect(a.aligned + a.mismatched + a.undetermined == 12)
        #expect(summary.alignments.map(\.id) == ["motivation-dataset", "motivation-emotion"])
        #expect(summary.codedPapersOutsideCorpus == 1)
    }

    @Test func needsForAnotherAlignmentAreIgnored() throws {
        let a = try #require(summary.alignments.first { $0.id == "motivation-emotion" })
        #expect((a.aligned, a.mismatched, a.undetermined) == (1, 0, 11))
        #expect(a.undeterminedBecause[.fromNotCoded] == 3)
        #expect(a.undeterminedBecause[.nothingNeeded] == 5)
        #expect(a.undeterminedBecause[.toNotCoded] == 3)
        #expect(a.byCode.first { $0.code == "health" }.map { ($0.papers, $0.mismatched) } ?? (0, 0) == (4, 0))
        #expect(a.crosstab.columns == ["clinical-states", "arousal"])
        #expect(a.crosstab.counts.first == [1, 0])
    }

    @Test func outcomes() throws {
        let a = try #require(summary.alignments.first)
        #expect(a.id == "motivation-dataset")
        #expect((a.aligned, a.mismatched, a.undetermined) == (3, 3, 6))
        #expect(a.undeterminedBecause[.fromNotCoded] == 3)
        #expect(a.undeterminedBecause[.nothingNeeded] == 2)
        #expect(a.undeterminedBecause[.toNotCoded] == 1)
    }

    @Test(arguments: [
        ("health", 4, 1),
        ("assistant", 2, 2),
        ("call-center", 2, 0),
        ("technical", 2, 0),
        ("not-stated", 1, 0),
    ])
    func byCode(code: String, papers: Int, mismatched: Int) throws {
        let a = try #require(summary.alignments.first)
        let tally = try #require(a.byCode.first { $0.code == code })
        #expect(tally.papers == papers)
        #expect(tally.mismatched == mismatched)
    }

    @Test func byCodeKeepsCodebookOrder() throws {
        let a = try #require(summary.alignments.first)
        #expect(a.byCode.map(\.code) == ["health", "assistant", "call-center", "technical", "not-stated"])
        #expect(a.byCode.first?.label == "Healthcare")
    }

    @Test func crosstab() throws {
        let table = try #require(summary.alignments.first).crosstab
        #expect(table.rows == ["health", "assistant", "call-center", "technical", "not-stated"])
        #expect(table.columns == ["acted", "lab", "natural", "web", "home", "clinical", "telephone"])
        #expect(table.counts == [
            [2, 1, 1, 0, 1, 1, 0],
            [1, 0, 2, 1, 1, 0, 1],
            [1, 1, 2, 0, 0, 0, 2],
            [2, 2, 1, 0, 0, 0, 1],
            [0, 0, 0, 0, 0, 0, 0],
        ])
        #expect(table.maximum == 2)
    }

    @Test(arguments: [
        ("motivation", 9, ["health": 4, "assistant": 2, "call-center": 2, "technical": 2, "not-stated": 1]),
        ("dataset", 9, ["iemocap": 3, "podcast": 2, "homeset": 3, "clinic": 1, "phone": 2]),
        ("language", 5, ["en": 3, "de": 1, "zh": 1]),
        ("emotion", 1, ["sad": 1, "angry": 0]),
    ])
    func dimensionCounts(id: String, coded: Int, counts: [String: Int]) throws {
        let dimension = try #require(summary.dimensions.first { $0.id == id })
        #expect(dimension.coded == coded)
        #expect(Dictionary(uniqueKeysWithValues: dimension.counts.map { ($0.code, $0.papers) }) == counts)
    }

    @Test func textDimensionsHaveNoCounts() {
        #expect(summary.dimensions.map(\.id) == ["motivation", "dataset", "language", "emotion"])
    }

    @Test func removedCodesAreStale() {
        #expect(summary.stale == [
            Summary.Stale(dimension: "dataset", code: "oldset", papers: 1),
            Summary.Stale(dimension: "motivation", code: "education", papers: 1),
        ])
    }

    @Test func restrictingToAnUnknownAlignmentGivesNothing() {
        #expect(summary.restricted(toAlignment: "nope") == nil)
        #expect(summary.restricted(toAlignment: "motivation-dataset")?.dimensions.map(\.id) == ["motivation", "dataset"])
    }
}
