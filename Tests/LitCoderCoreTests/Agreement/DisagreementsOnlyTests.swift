import Testing
@testable import LitCoderCore

/// `CodingComparison.disagreements` leaves out agreements before building them; what it gives
/// must be exactly the full comparison list without its agreements, on states with every kind
/// of value: codes in any order, texts that differ only in case or spacing, empty dimensions,
/// papers only marked done, papers a coder never touched, a required dimension.
@Suite struct DisagreementsOnlyTests {
    static let codebook: Codebook = CodebookLoader.parse("""
        id: d
        title: D
        version: "1"
        dimensions:
          - id: relevance
            label: Relevance
            kind: single
            required: true
            codes:
              - {id: ser, label: SER}
              - {id: out, label: Out}
          - id: dataset
            label: Datasets
            kind: multi
            codes:
              - {id: a, label: A}
              - {id: b, label: B}
              - {id: c, label: C}
          - id: languages
            label: Languages
            kind: text

        """, file: "d.yaml").0!

    static func randomState(_ coder: String, seed: UInt64) -> CodingState {
        var rng = SplitMix64(seed: seed)
        var events: [CodingEvent] = []
        let lists: [[String]] = [[], ["a"], ["b"], ["a", "b"], ["b", "a"], ["a", "b", "c"], ["c"], ["zz", "a"],
                                 ["b", "zz", "yy"], ["yy", "b", "zz"], ["a", "a"]]
        let texts = ["German", "german", " German ", "", "English"]
        for paper in 0..<300 where Int.random(in: 0..<5, using: &rng) > 0 {
            let id = "p\(paper)"
            if Int.random(in: 0..<3, using: &rng) > 0 {
                events.append(.set(paper: id, dimension: "relevance", codes: [["ser"], ["out"], []][Int.random(in: 0..<3, using: &rng)],
                                   coder: coder, codebook: "h"))
            }
            if Int.random(in: 0..<3, using: &rng) > 0 {
                events.append(.set(paper: id, dimension: "dataset", codes: lists[Int.random(in: 0..<lists.count, using: &rng)],
                                   coder: coder, codebook: "h"))
            }
            if Int.random(in: 0..<2, using: &rng) > 0 {
                events.append(CodingEvent(coder: coder, paper: id, op: .set, dimension: "languages",
                                          text: texts[Int.random(in: 0..<texts.count, using: &rng)], codebook: "h"))
            }
            if Int.random(in: 0..<4, using: &rng) == 0 {
                events.append(CodingEvent(coder: coder, paper: id, op: .done, value: true, codebook: "h"))
            }
        }
        for index in events.indices { events[index].seq = index + 1 }
        return CodingState(coder: coder, replaying: events)
    }

    /// Codes in codebook order, then codes the codebook lacks by name, each once: the same
    /// from the dimension's codes looked up once as from walking them.
    @Test func orderingWithPlacesLookedUpOnceIsTheSame() throws {
        let dimension = try #require(Self.codebook.dimension("dataset"))
        let positions = Dictionary(uniqueKeysWithValues: dimension.codes.enumerated().map { ($1.id, $0) })
        #expect(CodingComparison.ordered(["zz", "c", "yy", "a", "c"], positions: positions) == ["a", "c", "yy", "zz"])
        var rng = SplitMix64(seed: 5)
        let pool = ["a", "b", "c", "zz", "yy", "B", "aa"]
        for _ in 0..<500 {
            let codes = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pool[Int.random(in: 0..<pool.count, using: &rng)] }
            #expect(CodingComparison.ordered(codes, positions: positions) == CodingComparison.ordered(codes, dimension), "\(codes)")
        }
    }

    @Test(arguments: [2, 3])
    func theDisagreementsAreTheFullListWithoutItsAgreements(coders: Int) {
        for seed in UInt64(1)...6 {
            let states = (0..<coders).map { Self.randomState("c\($0)", seed: seed * 10 + UInt64($0)) }
            let full = CodingComparison.all(codebook: Self.codebook, states: states)
            let expected = full.filter { $0.kind != .agreement }
            #expect(full.contains { $0.kind == .agreement } && !expected.isEmpty)
            #expect(CodingComparison.disagreements(codebook: Self.codebook, states: states) == expected, "seed \(seed)")
            #expect(CodingComparison.disagreements(codebook: Self.codebook, states: states, dimensions: ["dataset"])
                == expected.filter { $0.dimension == "dataset" }, "seed \(seed)")
        }
    }
}
