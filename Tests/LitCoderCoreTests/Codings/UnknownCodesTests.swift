import Testing
@testable import LitCoderCore

/// The codes a state holds that its dimension does not have, counted per coding and per code.
@Suite struct UnknownCodesTests {
    static let codebook = Codebook(id: "t", title: "T", version: "1", dimensions: [
        Dimension(id: "motivation", label: "M", kind: .multi, codes: [Code(id: "health", label: "H"), Code(id: "technical", label: "T")]),
        Dimension(id: "data", label: "D", kind: .single, codes: [Code(id: "acted", label: "A")]),
        Dimension(id: "notes", label: "N", kind: .text),
    ], contentHash: "h")

    static func state(_ codings: [(paper: String, dimension: String, codes: [String])]) -> CodingState {
        CodingState(coder: "ana", replaying: codings.enumerated().map { i, c in
            CodingEvent(seq: i + 1, coder: "ana", paper: c.paper, op: .set, dimension: c.dimension, codes: c.codes)
        })
    }

    static let coded = state([
        ("p1", "motivation", ["health", "hci"]),
        ("p2", "motivation", ["health", "hci"]),          // the same list again
        ("p3", "motivation", ["hci", "hci", "iot"]),      // a code twice counts once
        ("p4", "motivation", ["technical"]),
        ("p1", "data", ["posed"]),
        ("p5", "data", ["acted"]),
        ("p6", "gone", ["x"]),                            // no such dimension: not this check's
        ("p7", "motivation", ["hci"]), ("p7", "motivation", []), // cleared
        ("p8", "data", ["posed"]), ("p8", "data", ["acted"]),    // recoded
        ("p9", "notes", ["odd"]),                         // codes on a text dimension: not this check's
    ])

    @Test func everyCodingHoldingAnUnknownCodeIsCountedOnce() {
        let unknown = UnknownCodes(state: Self.coded, codebook: Self.codebook)
        #expect(unknown.codings == 4, "p1 and p2 and p3 on motivation, p1 on data")
        #expect(unknown.byCode == [
            StaleCoding.Code(dimension: "motivation", code: "hci"): 3,
            StaleCoding.Code(dimension: "motivation", code: "iot"): 1,
            StaleCoding.Code(dimension: "data", code: "posed"): 1,
        ])
        #expect(unknown.codes(of: "motivation") == ["hci", "iot"])
    }

    @Test func onlyThePapersOfTheCorpusWhenOneIsGiven() {
        let corpus = Corpus(papers: ["p2", "p3", "p5"].map { Paper(id: $0, title: $0) })
        let unknown = UnknownCodes(state: Self.coded, codebook: Self.codebook, corpus: corpus)
        #expect(unknown.codings == 2)
        #expect(unknown.byCode == [
            StaleCoding.Code(dimension: "motivation", code: "hci"): 2,
            StaleCoding.Code(dimension: "motivation", code: "iot"): 1,
        ])
        #expect(UnknownCodes(state: CodingState(coder: "x"), codebook: Self.codebook).isEmpty)
    }
}
