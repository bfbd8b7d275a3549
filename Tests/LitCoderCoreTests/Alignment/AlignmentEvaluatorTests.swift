import Testing
@testable import LitCoderCore

/// Per-paper verdicts on the fixture project, with the reasons a researcher would quote.
@Suite struct AlignmentEvaluatorTests {
    typealias Outcome = AlignmentResult.Outcome

    @Test(arguments: [
        ("p1", Outcome.aligned, nil, ["health"], [String]()),
        ("p2", .mismatched, nil, [], ["health"]),
        ("p3", .mismatched, nil, [], ["assistant"]),
        ("p4", .mismatched, nil, ["call-center"], ["assistant"]),
        ("p5", .undetermined, AlignmentResult.UndeterminedReason.nothingNeeded, [], []),
        ("p6", .undetermined, .toNotCoded, [], []),
        ("p7", .undetermined, .fromNotCoded, [], []),
        ("p8", .aligned, nil, ["call-center"], []),
        ("p9", .undetermined, .fromNotCoded, [], []),
        ("p10", .aligned, nil, ["health"], []),
        ("p11", .undetermined, .fromNotCoded, [], []),
        ("p12", .undetermined, .nothingNeeded, [], []),
    ] as [(String, Outcome, AlignmentResult.UndeterminedReason?, [String], [String])])
    func verdict(paper: String, outcome: Outcome, reason: AlignmentResult.UndeterminedReason?,
                 served: [String], unserved: [String]) throws {
        let (workspace, state) = try AlignmentFixture.alice()
        let evaluator = AlignmentEvaluator(codebook: workspace.codebook)
        let result = try #require(evaluator.evaluate(state.coding(for: paper), alignment: "motivation-dataset"))
        #expect(result.outcome == outcome)
        #expect(result.reason == reason)
        #expect(result.served == served)
        #expect(result.unserved.map(\.code) == unserved)
    }

    @Test func unmetNeedsAreNamed() throws {
        let (workspace, state) = try AlignmentFixture.alice()
        let evaluator = AlignmentEvaluator(codebook: workspace.codebook)
        let p2 = try #require(evaluator.evaluate(state.coding(for: "p2")).first)
        #expect(p2.unserved.first?.unmet == [.any(["clinical", "home"])])
        #expect(p2.provided == ["acted", "lab"])
        #expect(p2.sentence == "health needs clinical or home — the dataset codes provide acted, lab")
        let p4 = try #require(evaluator.evaluate(state.coding(for: "p4")).first)
        #expect(p4.unserved.first?.unmet == [.context("home")])
        #expect(p4.provided == ["natural", "telephone"])
        #expect(p4.sentence == "assistant needs natural and home — the dataset codes provide natural, telephone")
    }

    @Test func onlyTheNeedsThisAlignmentCanMeetAreChecked() throws {
        let (workspace, state) = try AlignmentFixture.alice()
        let evaluator = AlignmentEvaluator(codebook: workspace.codebook)
        let p1 = evaluator.evaluate(state.coding(for: "p1"))
        #expect(p1.map(\.outcome) == [.aligned, .aligned])
        #expect(p1.last?.sentence == "health served — the emotion codes provide clinical-states")
        let p10 = try #require(evaluator.evaluate(state.coding(for: "p10"), alignment: "motivation-emotion"))
        #expect(p10.reason == .toNotCoded)
        let p4 = try #require(evaluator.evaluate(state.coding(for: "p4"), alignment: "motivation-emotion"))
        #expect(p4.reason == .nothingNeeded)
    }

    @Test func aDatasetThatProvidesNothingCannotDecide() throws {
        let (workspace, state) = try AlignmentFixture.alice()
        let evaluator = AlignmentEvaluator(codebook: workspace.codebook)
        let p6 = try #require(evaluator.evaluate(state.coding(for: "p6"), alignment: "motivation-dataset"))
        #expect(p6.toCodes == ["in-house"])
        #expect(p6.reason == .toNotCoded)
        // Coded, so never "not coded yet": what it says is that nothing known can judge it.
        #expect(p6.sentence == "the dataset codes (in-house) provide no known context to judge by")
        var uncoded = state.coding(for: "p6")
        uncoded.codes["dataset"] = nil
        #expect(evaluator.evaluate(uncoded, alignment: "motivation-dataset")?.sentence == "dataset not coded yet")
        var withIEMOCAP = state.coding(for: "p6")
        withIEMOCAP.codes["dataset"] = ["in-house", "iemocap"]
        #expect(evaluator.evaluate(withIEMOCAP, alignment: "motivation-dataset")?.outcome == .mismatched,
                "judged on what is known")
    }

    @Test func aPatchworkOfTwoDatasetsIsAMismatch() throws {
        let (workspace, state) = try AlignmentFixture.alice()
        let p3 = try #require(AlignmentEvaluator(codebook: workspace.codebook).evaluate(state.coding(for: "p3")).first)
        let unserved = try #require(p3.unserved.first)
        #expect(unserved.isPatchwork, "natural comes from podcast, home from homeset: together, never one")
        #expect(p3.sentence == "assistant needs natural and home from one dataset code (none has all) — the dataset codes provide acted, natural, web, home")
    }

    @Test func staleCodesAreIgnoredAndListed() throws {
        let (workspace, state) = try AlignmentFixture.alice()
        let evaluator = AlignmentEvaluator(codebook: workspace.codebook)
        #expect(evaluator.staleCodes(in: state.coding(for: "p8")) == [StaleCoding.Code(dimension: "dataset", code: "oldset")])
        #expect(evaluator.evaluate(state.coding(for: "p8")).first?.toCodes == ["iemocap", "phone"])
    }

    @Test func aCodebookWithoutTheAlignmentsDimensionsJudgesNothing() {
        let codebook = Codebook(
            id: "x", title: "x", version: "1", dimensions: [],
            alignments: [AlignmentRule(id: "a", label: "a", from: "gone", to: "also-gone")])
        var coding = PaperCoding()
        coding.codes = ["gone": ["x"], "also-gone": ["y"]]
        let result = AlignmentEvaluator(codebook: codebook).evaluate(coding, alignment: "a")
        #expect(result?.outcome == .undetermined)
        #expect(result?.reason == .fromNotCoded)
    }
}
