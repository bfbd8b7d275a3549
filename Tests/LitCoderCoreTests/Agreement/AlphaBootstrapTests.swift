import Testing
@testable import LitCoderCore

@Suite struct AlphaBootstrapTests {
    /// 400 units × 3 coders, each copying a true code with probability 0.7, 10% missing.
    static func syntheticData(seed: UInt64) -> ReliabilityData {
        var generator = SeededGenerator(seed: seed)
        var data = ReliabilityData(coderCount: 3)
        for _ in 0..<400 {
            let unit = data.appendUnit()
            let truth = Int32(generator.next() % 4)
            for coder in 0..<3 {
                if generator.nextUnitDouble() < 0.1 { continue }
                let value = generator.nextUnitDouble() < 0.7 ? truth : Int32(generator.next() % 4)
                data.set(value, unit: unit, coder: coder)
            }
        }
        return data
    }

    func bootstrap(_ data: ReliabilityData, seed: UInt64, resamples: Int = 1_000) -> (KrippendorffAlpha, AlphaBootstrap) {
        let matrix = CoincidenceMatrix(data)
        let alpha = KrippendorffAlpha(matrix, metric: .nominal)
        return (alpha, AlphaBootstrap(matrix: matrix, alpha: alpha, coderCount: 3, resamples: resamples, seed: seed))
    }

    @Test(arguments: [0, 1, 2, 63, 64, 65, 1_000, 123_457] as [UInt64])
    func aGeneratorAdvancedByNStepsIsTheOneThatDrewN(_ steps: UInt64) {
        var drawn = SeededGenerator(seed: 42)
        for _ in 0..<steps { _ = drawn.next() }
        var jumped = SeededGenerator(seed: 42).advanced(by: steps)
        for _ in 0..<5 { #expect(jumped.next() == drawn.next()) }
    }

    @Test func theSameSeedGivesTheSameInterval() throws {
        let data = Self.syntheticData(seed: 3)
        let (_, a) = bootstrap(data, seed: 11)
        let (_, b) = bootstrap(data, seed: 11)
        let (_, c) = bootstrap(data, seed: 12)
        #expect(a == b)
        #expect(a.lower != c.lower || a.upper != c.upper, "another seed draws other pairs")
    }

    @Test func theIntervalSurroundsAlphaAndStatesItsParameters() throws {
        let data = Self.syntheticData(seed: 5)
        let (alpha, boot) = bootstrap(data, seed: 1)
        let value = try #require(alpha.coefficient.value)
        let lo = try #require(boot.lower.value), hi = try #require(boot.upper.value)
        #expect(lo < value && value < hi)
        #expect(hi - lo < 0.2, "400 units give a narrow interval: [\(lo), \(hi)]")
        #expect(lo >= -1 && hi <= 1)
        let matrix = CoincidenceMatrix(data)
        let cells = matrix.cells.count { $0 > 0 }
        #expect(boot.draws == min(25 * cells, Int(2 * matrix.total / 2)))
        #expect(boot.resamples == 1_000)
    }

    @Test func noIntervalWhenAlphaIsUndefinedOrNoneAskedFor() {
        var data = ReliabilityData(coderCount: 2)
        for _ in 0..<5 {
            let unit = data.appendUnit()
            data.set(0, unit: unit, coder: 0)
            data.set(0, unit: unit, coder: 1)
        }
        let (_, undefined) = bootstrap(data, seed: 1)
        #expect(undefined.lower.undefinedReason?.contains("α is undefined") == true)
        let (_, none) = bootstrap(Self.syntheticData(seed: 1), seed: 1, resamples: 0)
        #expect(none.lower.value == nil)
    }

    @Test(arguments: [
        ([1.0, 2, 3, 4, 5], 0.5, 3.0),
        ([1.0, 2, 3, 4], 0.25, 1.75),
        ([1.0, 2, 3, 4], 1.0, 4.0),
        ([7.0], 0.975, 7.0),
    ])
    func quantileIsRType7(_ values: [Double], _ p: Double, _ expected: Double) {
        #expect(abs(AlphaBootstrap.quantile(values, p) - expected) < 1e-12)
    }

    @Test func theAliasTableDrawsInProportion() {
        let table = AliasTable([0.5, 0.25, 0.125, 0.125])
        var generator = SeededGenerator(seed: 9)
        var counts = [0, 0, 0, 0]
        for _ in 0..<80_000 { counts[table.draw(using: &generator)] += 1 }
        let shares = counts.map { Double($0) / 80_000 }
        for (share, expected) in zip(shares, [0.5, 0.25, 0.125, 0.125]) {
            #expect(abs(share - expected) < 0.01, "\(shares)")
        }
    }
}

@Suite struct SetDistanceTests {
    @Test(arguments: [
        (["a", "b"], ["a", "b"], SetDistance.masi, 0.0),
        (["a", "b"], ["a", "b", "c"], .masi, 5.0 / 9),
        (["1", "2"], ["1", "2", "3", "4"], .masi, 1 - (2.0 / 4) * (2.0 / 3)),
        (["a", "b"], ["b", "c"], .masi, 8.0 / 9),
        (["a"], ["c"], .masi, 1.0),
        (["a", "b"], ["b", "c"], .jaccard, 2.0 / 3),
        ([], [], .jaccard, 0.0),
    ])
    func distances(_ a: [String], _ b: [String], _ kind: SetDistance, _ expected: Double) {
        #expect(abs(kind.distance(Set(a), Set(b)) - expected) < 1e-12)
        let table = kind.table(for: [Set(a), Set(b)])
        #expect(abs(table[1] - expected) < 1e-12 && table[1] == table[2])
    }

    /// Each replicate is the sum of its own M draws from its own place in the stream, added in
    /// the order drawn, however the replicates are cut into pieces for the cores. The reference
    /// draws the stream one number after another, replicate after replicate.
    @Test(arguments: [1, 2, 3, 7, 40] as [Int])
    func replicatesAreTheOnesDrawnOneByOne(_ resamples: Int) throws {
        var source = SeededGenerator(seed: 77)
        let counts = (1...60).map { Double($0) }
        let distances = counts.map { _ in source.nextUnitDouble() }
        let cells = zip(counts, distances).map { AlphaBootstrap.Cell(count: $0, distance: $1, isDiagonal: false) }
        let total = counts.reduce(0, +)
        let expectedDisagreement = 0.8
        let m = min(25 * cells.count, Int(2 * total / 2))
        #expect(m == 1_500)
        let table = AliasTable(counts.map { $0 / total })
        var stream = SeededGenerator(seed: 5)
        var replicates: [Double] = []
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in 0..<m { sum += distances[table.draw(using: &stream)] }
            replicates.append(max(-1, 1 - sum * (1 / (Double(m) * expectedDisagreement))))
        }
        replicates.sort()
        // Several levels, so that the limits fall on many of the sorted replicates.
        for pieces in [1, 2, 3] {
            for level in [0.95, 0.6, 0.3, 0.0] {
                let interval = AlphaBootstrap(cells: cells, total: total, alpha: .value(0.5),
                                              expectedDisagreement: expectedDisagreement, coderCount: 3,
                                              resamples: resamples, seed: 5, level: level, pieces: pieces)
                let tail = (1 - level) / 2
                #expect(interval.draws == m)
                #expect(interval.lower == .value(AlphaBootstrap.quantile(replicates, tail)), "\(pieces) pieces, level \(level)")
                #expect(interval.upper == .value(AlphaBootstrap.quantile(replicates, 1 - tail)), "\(pieces) pieces, level \(level)")
            }
        }
    }
}
