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

    /// A coding is its set of codes: the same codes in any order, or with one repeated, are one
    /// value, which lists them sorted; more than 16 values (where lookups go through a table)
    /// included.
    @Test func aCodingIsItsSetWhateverTheOrderOrRepeats() {
        let dimension = Dimension(id: "m", label: "M", kind: .multi)
        let fillers = (0..<20).map { (paper: "f\($0)", dimension: "m", codes: ["f\($0)"]) }
        let forms: [[String]] = [["x", "y", "z"], ["z", "y", "x"], ["y", "x", "z", "x"], ["x", "x", "y", "z"], ["z", "x", "y"]]
        let states = forms.enumerated().map { coder, codes in
            Self.state("c\(coder)", fillers + [("p", "m", codes), ("q", "m", codes.reversed() + ["w"])])
        }
        let codings = DimensionCodings(dimension: dimension, states: states)
        let p = codings.papers.firstIndex(of: "p") ?? -1, q = codings.papers.firstIndex(of: "q") ?? -1
        for coder in forms.indices {
            #expect(codings.label(of: Int(codings.data.value(unit: p, coder: coder))) == "{x, y, z}")
            #expect(codings.label(of: Int(codings.data.value(unit: q, coder: coder))) == "{w, x, y, z}")
        }
        #expect(codings.valueCodes.count == 22, "20 fillers, {x, y, z} and {w, x, y, z}")
        #expect(codings.valueCodes.allSatisfy { $0 == $0.sorted() && Set($0).count == $0.count })
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
