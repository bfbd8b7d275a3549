import Testing
@testable import LitCoderCore

/// Extracting one dimension from the coders' states: every paper matched across coders, however
/// each coder's log ordered or missed them.
@Suite struct DimensionCodingsTests {
    static func state(_ coder: String, _ codings: [(paper: String, dimension: String, codes: [String])]) -> CodingState {
        CodingState(coder: coder, replaying: codings.enumerated().map { i, c in
            CodingEvent(seq: i + 1, coder: coder, paper: c.paper, op: .set, dimension: c.dimension, codes: c.codes)
        })
    }

    @Test func papersAreMatchedAcrossCodersWhateverTheirOrder() {
        let dimension = Dimension(id: "m", label: "M", kind: .multi)
        let a = Self.state("a", [("p1", "m", ["x"]), ("p2", "other", ["z"]), ("p3", "m", ["x", "y"]), ("p4", "m", [])])
        let b = Self.state("b", [("p5", "m", ["y"]), ("p3", "m", ["y", "x"]), ("p1", "m", ["y"]), ("p2", "m", ["x"])])
        let c = Self.state("c", [("p5", "m", ["y"]), ("p6", "m", ["x"]), ("p2", "m", ["x"])])
        let codings = DimensionCodings(dimension: dimension, states: [a, b, c])
        #expect(codings.papers == ["p1", "p3", "p5", "p2", "p6"], "first met: the first coder's papers, then the others'")
        func cell(_ paper: String, _ coder: Int) -> String? {
            guard let unit = codings.papers.firstIndex(of: paper) else { return nil }
            let value = codings.data.value(unit: unit, coder: coder)
            return value == ReliabilityData.missing ? nil : codings.label(of: Int(value))
        }
        #expect([cell("p1", 0), cell("p1", 1), cell("p1", 2)] == ["x", "y", nil])
        #expect([cell("p3", 0), cell("p3", 1), cell("p3", 2)] == ["{x, y}", "{x, y}", nil], "a set, whatever the order")
        #expect([cell("p5", 0), cell("p5", 1), cell("p5", 2)] == [nil, "y", "y"])
        #expect([cell("p2", 0), cell("p2", 1), cell("p2", 2)] == [nil, "x", "x"], "coded by the first coder on another dimension only")
        #expect([cell("p6", 0), cell("p6", 1), cell("p6", 2)] == [nil, nil, "x"])
        #expect(codings.papers.firstIndex(of: "p4") == nil, "an empty selection is not a coding")
    }

    @Test func aFirstCoderWithNothingStillMatchesTheOthers() {
        let dimension = Dimension(id: "m", label: "M", kind: .single)
        let codings = DimensionCodings(dimension: dimension, states: [
            CodingState(coder: "a"), Self.state("b", [("p1", "m", ["x"])]), Self.state("c", [("p1", "m", ["y"])]),
        ])
        #expect(codings.papers == ["p1"])
        #expect(codings.data.value(unit: 0, coder: 1) != codings.data.value(unit: 0, coder: 2))
    }
}
