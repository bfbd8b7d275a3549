import Foundation
import Testing
@testable import LitCoderCore

/// α of multi-select dimensions without dense matrices, checked against a computation written
/// out here step by step from Krippendorff (2011) and Passonneau (2006), on generated data.
@Suite struct SetDistanceAlphaTests {
    /// Units × coders of code sets (nil = not coded), drawn from `codeCount` codes: a true set per
    /// unit copied with probability 0.6, else a random one; sizes 1 to `largest`.
    static func generated(seed: UInt64, units: Int, coders: Int, codeCount: Int, largest: Int,
                          missing: Double = 0.15) -> [[Set<String>?]] {
        var generator = SeededGenerator(seed: seed)
        func randomSet() -> Set<String> {
            let size = 1 + Int(generator.next() % UInt64(largest))
            var set = Set<String>()
            while set.count < size { set.insert("c\(generator.next() % UInt64(codeCount))") }
            return set
        }
        return (0..<units).map { _ in
            let truth = randomSet()
            return (0..<coders).map { _ -> Set<String>? in
                if generator.nextUnitDouble() < missing { return nil }
                return generator.nextUnitDouble() < 0.6 ? truth : randomSet()
            }
        }
    }

    /// MASI and Jaccard from their definitions, with Swift's own set operations.
    static func distance(_ a: Set<String>, _ b: Set<String>, masi: Bool) -> Double {
        let common = a.intersection(b).count
        let jaccard = Double(common) / Double(a.union(b).count)
        guard masi else { return 1 - jaccard }
        let monotonicity = a == b ? 1.0 : (a.isSubset(of: b) || b.isSubset(of: a)) ? 2.0 / 3 : common > 0 ? 1.0 / 3 : 0
        return 1 - jaccard * monotonicity
    }

    /// Krippendorff's α the long way: a coincidence table over labels, then every pair of labels.
    static func straightforwardAlpha(_ units: [[Set<String>?]], masi: Bool) -> Double? {
        var o: [Set<String>: [Set<String>: Double]] = [:]
        for unit in units {
            let values = unit.compactMap { $0 }
            guard values.count >= 2 else { continue }
            for i in values.indices {
                for j in values.indices where j != i {
                    o[values[i], default: [:]][values[j], default: 0] += 1 / Double(values.count - 1)
                }
            }
        }
        let totals = o.mapValues { $0.values.reduce(0, +) }
        let n = totals.values.reduce(0, +)
        var observed = 0.0, expected = 0.0
        for (c, row) in o { for (k, count) in row { observed += count * distance(c, k, masi: masi) } }
        for (c, nc) in totals { for (k, nk) in totals { expected += nc * nk * distance(c, k, masi: masi) } }
        guard n >= 2, expected > 0 else { return nil }
        return 1 - (n - 1) * observed / expected
    }

    static func reliabilityData(_ units: [[Set<String>?]]) -> LabelledReliabilityData<Set<String>> {
        var data = LabelledReliabilityData<Set<String>>(coderCount: units.first?.count ?? 2)
        for unit in units { data.appendUnit(unit) }
        return data
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var seed: UInt64, units: Int, coders: Int, codeCount: Int, largest: Int
        var testDescription: String { "seed \(seed): \(units) units × \(coders) coders, \(codeCount) codes, sets of 1–\(largest)" }
    }

    static let cases: [Case] = [
        Case(seed: 1, units: 300, coders: 2, codeCount: 8, largest: 3),
        Case(seed: 2, units: 500, coders: 3, codeCount: 83, largest: 3),
        Case(seed: 3, units: 400, coders: 4, codeCount: 20, largest: 6),
        Case(seed: 4, units: 200, coders: 5, codeCount: 12, largest: 12),
        Case(seed: 5, units: 50, coders: 3, codeCount: 3, largest: 2),
    ]

    @Test(arguments: cases)
    func alphaMatchesTheStraightforwardComputation(_ c: Case) throws {
        let units = Self.generated(seed: c.seed, units: c.units, coders: c.coders, codeCount: c.codeCount, largest: c.largest)
        let data = Self.reliabilityData(units)
        let sets = data.labels.map { Array($0).shuffled() }
        for masi in [true, false] {
            let expected = try #require(Self.straightforwardAlpha(units, masi: masi))
            for method in [SetPairTotals.Method.automatic, .sharedSubsets, .codeIndex] {
                let alpha = SetDistanceAlpha(data.data, sets: sets, distance: masi ? .masi : .jaccard, method: method)
                let value = try #require(alpha.coefficient.value)
                #expect(abs(value - expected) <= 1e-12, "\(masi ? "MASI" : "Jaccard"), \(method): \(value) vs \(expected)")
            }
        }
    }

    @Test(arguments: cases)
    func bothWaysOfCountingPairsOfSetsAgreeExactly(_ c: Case) {
        let units = Self.generated(seed: c.seed, units: c.units, coders: c.coders, codeCount: c.codeCount, largest: c.largest)
        let data = Self.reliabilityData(units)
        let codes = Array(Set(data.labels.joined())).sorted()
        let sets = data.labels.map { set in set.map { Int32(codes.firstIndex(of: $0)!) }.sorted() }
        var weights = [Int](repeating: 0, count: sets.count)
        data.data.forEachPairableUnit { _, values in for v in values { weights[Int(v)] += 1 } }
        let bySubsets = SetPairTotals(sets: sets, weights: weights, method: .sharedSubsets)
        let byIndex = SetPairTotals(sets: sets, weights: weights, method: .codeIndex)
        // And by brute force over every ordered pair of sets.
        let largest = sets.map(\.count).max() ?? 0
        var brute: [[Int]: Int] = [:]
        let asSets = sets.map { Set($0) }
        for (i, x) in asSets.enumerated() where weights[i] > 0 {
            for (j, y) in asSets.enumerated() where weights[j] > 0 {
                brute[[x.count, y.count, x.intersection(y).count], default: 0] += weights[i] * weights[j]
            }
        }
        for a in 1...largest {
            for b in 1...largest {
                for t in 0...min(a, b) {
                    let expected = brute[[a, b, t]] ?? 0
                    #expect(byIndex.total(sizeA: a, sizeB: b, common: t) == expected, "code index (\(a), \(b), \(t))")
                    if largest <= 8 {
                        #expect(bySubsets.total(sizeA: a, sizeB: b, common: t) == expected, "shared subsets (\(a), \(b), \(t))")
                    }
                }
            }
        }
    }

    @Test(arguments: cases)
    func theIntervalIsTheDenseMatrixOne(_ c: Case) throws {
        let units = Self.generated(seed: c.seed, units: c.units, coders: c.coders, codeCount: c.codeCount, largest: c.largest)
        let data = Self.reliabilityData(units)
        let matrix = CoincidenceMatrix(data.data)
        let dense = KrippendorffAlpha(matrix, metric: .table(SetDistance.masi.table(for: data.labels)))
        let denseInterval = AlphaBootstrap(matrix: matrix, alpha: dense, coderCount: c.coders, resamples: 200, seed: 9)
        let sparse = SetDistanceAlpha(data.data, sets: data.labels.map { Array($0) }, distance: .masi)
        let sparseInterval = sparse.bootstrap(coderCount: c.coders, resamples: 200, seed: 9, level: 0.95)
        #expect(sparseInterval.draws == denseInterval.draws)
        #expect(sparse.coincidences.pairableUnits == matrix.pairableUnits)
        #expect(sparse.coincidences.total == matrix.total)
        for cell in sparse.coincidences.cells {
            #expect(cell.count == matrix[Int(cell.row), Int(cell.column)], "every cell holds the dense matrix's number")
        }
        #expect(sparse.coincidences.cells.count == matrix.cells.count { $0 != 0 })
        #expect(sparse.observedDisagreement == dense.observedDisagreement, "the same sum in the same order")
        for pieces in [2, 3, 7] {
            let cut = sparse.bootstrap(coderCount: c.coders, resamples: 200, seed: 9, level: 0.95, pieces: pieces)
            #expect(cut == sparseInterval, "the replicates drawn in \(pieces) pieces are the same")
        }
        let lo = try #require(sparseInterval.lower.value), hi = try #require(sparseInterval.upper.value)
        #expect(abs(lo - (denseInterval.lower.value ?? .nan)) <= 1e-12)
        #expect(abs(hi - (denseInterval.upper.value ?? .nan)) <= 1e-12)
    }

    @Test(arguments: cases)
    func everyCodesPresenceMatrixIsTheOneItsOwnDataGives(_ c: Case) {
        let units = Self.generated(seed: c.seed, units: c.units, coders: c.coders, codeCount: c.codeCount, largest: c.largest)
        let states = (0..<c.coders).map { coder in
            CodingState(coder: "c\(coder)", replaying: units.enumerated().compactMap { paper, values in
                values[coder].map { CodingEvent(seq: paper + 1, coder: "c\(coder)", paper: "p\(paper)", op: .set,
                                                dimension: "m", codes: Array($0)) }
            })
        }
        let codings = DimensionCodings(dimension: Dimension(id: "m", label: "M", kind: .multi), states: states)
        let matrices = CodePresence.matrices(codings)
        #expect(matrices.count == codings.codesUsed.count)
        for (code, matrix) in zip(codings.codesUsed, matrices) {
            #expect(matrix == CoincidenceMatrix(codings.presence(of: code)), "\(code)")
        }
    }

    @Test func oneSetEverywhereHasNoVariation() {
        let units: [[Set<String>?]] = [[["a", "b"], ["b", "a"]], [["a", "b"], nil], [["a", "b"], ["a", "b"]]]
        let data = Self.reliabilityData(units)
        let alpha = SetDistanceAlpha(data.data, sets: data.labels.map { Array($0) }, distance: .masi, label: { _ in "{a, b}" })
        #expect(alpha.coefficient == .undefined("no variation: every pairable value is '{a, b}'"))
        let none = SetDistanceAlpha(Self.reliabilityData([[["a"], nil]]).data, sets: [["a"]], distance: .masi)
        #expect(none.coefficient.value == nil)
        #expect(none.coincidences.pairableUnits == 0)
    }
}
