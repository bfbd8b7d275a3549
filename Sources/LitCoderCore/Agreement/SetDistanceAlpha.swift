/// Krippendorff's α of a multi-select dimension under a set distance (MASI or Jaccard), with
/// memory for the values and the pairs of values that occur, never for every pair of values.
///
/// The same α as `KrippendorffAlpha` with `SetDistance.table(for:)` (Krippendorff 2011): the
/// observed disagreement sums o_ck·δ(c, k) over the non-zero cells of the coincidence matrix
/// (`SparseCoincidences`), in the dense matrix's order, so it is the same number to the last
/// bit; the expected disagreement sums n_c·n_k·δ(c, k) over every pair of values through
/// `SetPairTotals`, in whole numbers until the last step, so it differs from the dense double
/// loop only by that loop's own rounding.
struct SetDistanceAlpha: Sendable {
    var coefficient: Coefficient
    /// D_o, the observed disagreement.
    var observedDisagreement: Double
    /// D_e, the disagreement expected by chance.
    var expectedDisagreement: Double
    let coincidences: SparseCoincidences
    /// δ of each non-zero cell, in the order of `coincidences.cells`.
    let cellDistances: [Double]

    /// α of `data`, whose value id v stands for the set of codes `sets[v]` (any order, no repeats).
    init(_ data: ReliabilityData, sets: [[String]], distance: SetDistance,
         method: SetPairTotals.Method = .automatic, label: (Int) -> String = { "#\($0)" }) {
        let coincidences = SparseCoincidences(data)
        self.coincidences = coincidences
        // Codes numbered in sorted order, so each set becomes an ascending list of numbers.
        let codes = Array(Set(sets.joined())).sorted()
        var numberOfCode: [String: Int32] = [:]
        for (number, code) in codes.enumerated() { numberOfCode[code] = Int32(number) }
        var numbered: [[Int32]] = sets.map { set in set.compactMap { numberOfCode[$0] }.sorted() }
        if numbered.count < coincidences.valueCount {
            numbered += Array(repeating: [], count: coincidences.valueCount - numbered.count)
        }
        var observed = 0.0
        var distances: [Double] = []
        distances.reserveCapacity(coincidences.cells.count)
        for cell in coincidences.cells {
            let a = numbered[Int(cell.row)], b = numbered[Int(cell.column)]
            let d = distance.distance(sizeA: a.count, sizeB: b.count, common: SetPairTotals.commonCount(a, b))
            distances.append(d)
            observed += cell.count * d
        }
        cellDistances = distances
        let n = coincidences.total
        guard n >= 2 else {
            observedDisagreement = 0
            expectedDisagreement = 0
            coefficient = .undefined("too few pairable values: no paper was coded by 2 or more coders")
            return
        }
        let expected = SetPairTotals(sets: numbered, weights: coincidences.valueCounts, method: method)
            .weightedDistanceSum(distance)
        observedDisagreement = observed / n
        expectedDisagreement = expected / (n * (n - 1))
        coefficient = KrippendorffAlpha.coefficient(observed: observed, expected: expected, n: n,
                                                    pairableValues: coincidences.pairableValueIds, label: label)
    }

    /// The bootstrap interval for this α (Hayes & Krippendorff 2007), as `AlphaBootstrap` draws it
    /// from the dense matrix: the same cells in the same order give the same draws.
    func bootstrap(coderCount: Int, resamples: Int, seed: UInt64, level: Double, pieces: Int? = nil) -> AlphaBootstrap {
        var cells: [AlphaBootstrap.Cell] = []
        if coefficient.value != nil && resamples > 0 {
            cells.reserveCapacity(coincidences.cells.count)
            for (index, cell) in coincidences.cells.enumerated() {
                cells.append(AlphaBootstrap.Cell(count: cell.count, distance: cellDistances[index],
                                                 isDiagonal: cell.row == cell.column))
            }
        }
        return AlphaBootstrap(cells: cells, total: coincidences.total, alpha: coefficient,
                              expectedDisagreement: expectedDisagreement, coderCount: coderCount,
                              resamples: resamples, seed: seed, level: level, pieces: pieces)
    }
}
