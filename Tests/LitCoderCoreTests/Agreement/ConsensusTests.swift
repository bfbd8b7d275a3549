import Testing
@testable import LitCoderCore

@Suite struct ConsensusTests {
    static let codebook = Codebook(id: "t", title: "t", version: "1", dimensions: [
        Dimension(id: "m", label: "M", kind: .multi, codes: [Code(id: "x", label: "X"), Code(id: "y", label: "Y"), Code(id: "z", label: "Z")]),
    ])

    static func state(_ coder: String, _ codings: [String: [String]]) -> CodingState {
        CodingState(coder: coder, replaying: codings.keys.sorted().enumerated().map { i, paper in
            CodingEvent(seq: i + 1, coder: coder, paper: paper, op: .set, dimension: "m", codes: codings[paper])
        })
    }

    @Test func unionAndIntersectionFollowTheCodebook() throws {
        let states = [Self.state("a", ["p": ["y", "x"]]), Self.state("b", ["p": ["z", "y"]])]
        let comparison = try #require(CodingComparison.all(codebook: Self.codebook, states: states).first)
        #expect(comparison.isDisagreement)
        #expect(comparison.union == ["x", "y", "z"])
        #expect(comparison.intersection == ["y"])
    }

    @Test func autoConsensusNeverOverridesAnAdjudicator() {
        let states = [Self.state("a", ["p": ["x"], "q": ["y"]]), Self.state("b", ["p": ["x"], "q": ["y"]])]
        let comparisons = CodingComparison.all(codebook: Self.codebook, states: states)
        let consensus = CodingState(coder: CoderName.consensus, replaying: [
            .adjudicate(paper: "p", dimension: "m", codes: ["z"], sources: ["a"], adjudicator: "ana", codebook: ""),
        ])
        let events = AutoConsensus.events(for: comparisons, consensus: consensus, codebook: Self.codebook, adjudicator: "ana", codebookHash: "h")
        #expect(events.map(\.paper) == ["q"])
        #expect(events.first?.sources == ["a", "b"])
        #expect(events.first?.automatic == true)
    }

    @Test func anAutomaticDecisionIsRetakenWhenTheCodersChangeTheirMinds() {
        let states = [Self.state("a", ["p": ["y"]]), Self.state("b", ["p": ["y"]])]
        let comparisons = CodingComparison.all(codebook: Self.codebook, states: states)
        let stale = CodingState(coder: CoderName.consensus, replaying: [
            .adjudicate(paper: "p", dimension: "m", codes: ["x"], sources: ["a", "b"], adjudicator: "ana",
                        automatic: true, codebook: ""),
        ])
        #expect(AutoConsensus.events(for: comparisons, consensus: stale, codebook: Self.codebook, adjudicator: "ana", codebookHash: "h").count == 1)
        let current = CodingState(coder: CoderName.consensus, replaying: [
            .adjudicate(paper: "p", dimension: "m", codes: ["y"], sources: ["a", "b"], adjudicator: "ana",
                        automatic: true, codebook: ""),
        ])
        #expect(AutoConsensus.events(for: comparisons, consensus: current, codebook: Self.codebook, adjudicator: "ana", codebookHash: "h").isEmpty)
    }

    @Test func anAutomaticDecisionTheCodersNoLongerAgreeOnGoesBackToReview() {
        let automatic = CodingState(coder: CoderName.consensus, replaying: [
            .adjudicate(paper: "p", dimension: "m", codes: ["x"], sources: ["a", "b"], adjudicator: "ana", automatic: true, codebook: ""),
            .adjudicate(paper: "q", dimension: "m", codes: ["y"], sources: ["a", "b"], adjudicator: "ana", automatic: true, codebook: ""),
            .adjudicate(paper: "r", dimension: "m", codes: ["z"], sources: ["a"], adjudicator: "ana", reason: "by hand", codebook: ""),
        ])
        // b now disagrees on p, no longer codes q at all, and disagrees on r (decided by hand).
        let states = [Self.state("a", ["p": ["x"], "q": ["y"], "r": ["z"]]), Self.state("b", ["p": ["y"], "r": ["x"]])]
        let comparisons = CodingComparison.all(codebook: Self.codebook, states: states)
        let events = AutoConsensus.events(for: comparisons, consensus: automatic, codebook: Self.codebook, adjudicator: "ana", codebookHash: "h",
                                          coders: ["a", "b"])
        #expect(events.map(\.paper) == ["p", "q"], "the decision taken by hand stands")
        #expect(events.allSatisfy { $0.codes == [] && $0.sources == [] && $0.automatic == true
            && $0.reason == AutoConsensus.withdrawalReason })
        var after = automatic
        for event in events { after.apply(event) }
        #expect(after.coding(for: "p").provenance["m"] == nil && after.coding(for: "p").codes["m"] == nil)
        #expect(after.coding(for: "q").provenance["m"] == nil)
        #expect(after.coding(for: "r").provenance["m"]?.reason == "by hand")
        #expect(AutoConsensus.events(for: comparisons, consensus: after, codebook: Self.codebook, adjudicator: "ana", codebookHash: "h",
                                     coders: ["a", "b"]).isEmpty, "withdrawn once")
        let otherCoders = AutoConsensus.events(for: [], consensus: automatic, codebook: Self.codebook, adjudicator: "ana", codebookHash: "h", coders: ["a", "c"])
        #expect(otherCoders.isEmpty, "decisions drawn from coders not chosen now are left alone")
    }

    @Test func theAdjudicatorIsRecordedNotTheLogOwner() {
        let event = CodingEvent.adjudicate(paper: "p", dimension: "m", codes: ["x"], sources: ["a"], adjudicator: "ana",
                                           reason: "definition 2", codebook: "")
        let state = CodingState(coder: CoderName.consensus, replaying: [event])
        #expect(state.coding(for: "p").provenance["m"] == .init(adjudicator: "ana", sources: ["a"], reason: "definition 2", automatic: false))
        #expect(event.coder == CoderName.consensus)
    }
}

@Suite struct PaperNumberingTests {
    @Test func numbersIdsInOrderFirstSeenAcrossGrowth() {
        var numbering = PaperNumbering(expected: 4)
        let ids = (0..<1_000).map { "paper-\($0 * 7919 % 1_000)" } + ["日本語の論文", "", "a\u{0}b"]
        for (i, id) in ids.enumerated() { #expect(numbering.number(of: id) == i) }
        for (i, id) in ids.enumerated().reversed() { #expect(numbering.number(of: id) == i) }
        #expect(numbering.ids == ids)
    }
}
