import Testing
@testable import LitCoderCore

/// The consensus as it stands: decisions by hand, and automatic decisions the coders still
/// agree on with the value they agree on; nothing else.
@Suite struct StandingConsensusTests {
    static let codebook = Codebook(id: "t", title: "t", version: "1", dimensions: [
        Dimension(id: "m", label: "M", kind: .multi, codes: [Code(id: "x", label: "X"), Code(id: "y", label: "Y"), Code(id: "z", label: "Z")]),
        Dimension(id: "n", label: "N", kind: .number),
    ])

    static func state(_ coder: String, _ events: [(String, String, [String]?, String?)]) -> CodingState {
        CodingState(coder: coder, replaying: events.enumerated().map { i, e in
            CodingEvent(seq: i + 1, coder: coder, paper: e.0, op: .set, dimension: e.1, codes: e.2, text: e.3)
        })
    }

    static func automatic(_ paper: String, _ codes: [String], sources: [String] = ["a", "b"]) -> CodingEvent {
        .adjudicate(paper: paper, dimension: "m", codes: codes, sources: sources, adjudicator: "dan", automatic: true, codebook: "")
    }

    /// Coders a and b; the consensus log and what stands of it, worked out by hand:
    ///
    /// | paper | a | b | consensus log | stands? | counted as |
    /// |---|---|---|---|---|---|
    /// | p | x | x | automatic x | yes | agreed |
    /// | q | x | y | automatic x | no (b changed his mind) | open, outdated automatic |
    /// | r | y | y | automatic x | no (they agree on y now) | agreement not taken |
    /// | s | x | z | z by ana | yes | adjudicated by hand |
    /// | t | z | z | – | – | agreement not taken |
    /// | u | x | – | automatic x from a, b | no (b no longer codes u) | nothing: not compared |
    ///
    /// and on the number dimension of p, a 12 and b 12.0, the consensus automatic "12.0": the
    /// same number, so it stands (agreed).
    @Test func onlyDecisionsByHandAndAgreementsStillHeldStand() throws {
        let a = Self.state("a", [("p", "m", ["x"], nil), ("q", "m", ["x"], nil), ("r", "m", ["y"], nil), ("s", "m", ["x"], nil),
                                 ("t", "m", ["z"], nil), ("u", "m", ["x"], nil), ("p", "n", nil, "12")])
        let b = Self.state("b", [("p", "m", ["x"], nil), ("q", "m", ["y"], nil), ("r", "m", ["y"], nil), ("s", "m", ["z"], nil),
                                 ("t", "m", ["z"], nil), ("p", "n", nil, "12.0")])
        let log = CodingState(coder: CoderName.consensus, replaying: [
            Self.automatic("p", ["x"]), Self.automatic("q", ["x"]), Self.automatic("r", ["x"]),
            .adjudicate(paper: "s", dimension: "m", codes: ["z"], sources: ["b"], adjudicator: "ana", reason: "b is right", codebook: ""),
            Self.automatic("u", ["x"]),
            .adjudicate(paper: "p", dimension: "n", text: "12.0", sources: ["a", "b"], adjudicator: "dan", automatic: true, codebook: ""),
        ])
        let standing = StandingConsensus(codebook: Self.codebook, comparedStates: [a, b], consensus: log, corpus: Corpus())

        let progress = standing.progress
        #expect(progress.agreed == 2)
        #expect(progress.agreedNotTaken == 2)
        #expect(progress.byHand == 1)
        #expect(progress.disagreements == 2)
        #expect(progress.adjudicated == 1)
        #expect(progress.open.map(\.paper) == ["q"])
        #expect(progress.outdatedAutomatic == 1)
        #expect(progress.adjudicators == ["ana"])
        #expect(progress.decided == 3)

        let state = standing.state
        #expect(state.coding(for: "p").codes == ["m": ["x"]])
        #expect(state.coding(for: "p").texts == ["n": "12.0"])
        #expect(state.coding(for: "s").codes == ["m": ["z"]])
        #expect(state.coding(for: "s").provenance["m"]?.adjudicator == "ana")
        for paper in ["q", "r", "u"] {
            #expect(state.coding(for: paper).codes.isEmpty, "\(paper)")
            #expect(state.coding(for: paper).provenance.isEmpty, "\(paper)")
        }
        #expect(state.codedPaperCount == 2)
        #expect(standing.coders == ["a", "b"])
    }

    /// The same number written two ways is one agreement already held: running the automatic
    /// consensus again adds nothing; an agreement on another value than the one held is retaken.
    @Test func theAutomaticConsensusComparesHeldValuesAsTheCodersValuesAreCompared() {
        let a = Self.state("a", [("p", "n", nil, "12"), ("q", "m", ["y"], nil)])
        let b = Self.state("b", [("p", "n", nil, "1.2e1"), ("q", "m", ["y"], nil)])
        let comparisons = CodingComparison.all(codebook: Self.codebook, states: [a, b])
        let log = CodingState(coder: CoderName.consensus, replaying: [
            .adjudicate(paper: "p", dimension: "n", text: "12", sources: ["a", "b"], adjudicator: "dan", automatic: true, codebook: ""),
            Self.automatic("q", ["x"]),
        ])
        let events = AutoConsensus.events(for: comparisons, consensus: log, codebook: Self.codebook, adjudicator: "dan",
                                          codebookHash: "h", coders: ["a", "b"])
        #expect(events.map(\.paper) == ["q"])
        #expect(events.first?.codes == ["y"])
    }

    /// Without a second coder nothing is compared: decisions by hand stand, automatic ones not.
    @Test func withOneCoderOnlyDecisionsByHandStand() {
        let log = CodingState(coder: CoderName.consensus, replaying: [
            Self.automatic("p", ["x"]),
            .adjudicate(paper: "q", dimension: "m", codes: ["y"], sources: [], adjudicator: "ana", codebook: ""),
        ])
        let standing = StandingConsensus(codebook: Self.codebook, comparedStates: [Self.state("a", [("p", "m", ["x"], nil)])],
                                         consensus: log, corpus: Corpus())
        #expect(standing.state.coding(for: "p").codes.isEmpty)
        #expect(standing.state.coding(for: "q").codes == ["m": ["y"]])
        #expect(standing.progress.byHand == 0, "q is compared by no coders, so no comparison counts it")
    }
}
