import Dispatch
import Foundation

/// A bootstrap confidence interval for Krippendorff's α (Hayes & Krippendorff 2007).
///
/// The procedure of Krippendorff's "Algorithm for bootstrapping a distribution of α" as the
/// KALPHA macro and its R port `kripp.boot` run it: no units are resampled; each of X
/// replicates draws M pairs of values from the observed coincidence matrix, cell (c, k) with
/// probability o_ck / n, and computes α* = 1 − (Σ δ of the draws) / (M · D_e), keeping the
/// observed D_e. M = min(25·Q, (m − 1)·n / 2), Q the non-zero cells, m the coders, n the
/// pairable values. Corrections: α* is truncated below at −1; replicates that drew only
/// diagonal cells (α* = 1, indeterminate) are set to 0 — all of them when the matrix has a
/// single non-zero diagonal cell, else up to round(X · Σ_c (o_cc / n)^M) of them. The limits
/// are percentiles of the α* (R's default quantile, type 7).
public struct AlphaBootstrap: Hashable, Sendable {
    /// X, the number of replicates.
    public var resamples: Int
    /// M, the pairs drawn per replicate (0 when nothing was drawn).
    public var draws: Int
    public var seed: UInt64
    /// The confidence level, e.g. 0.95.
    public var level: Double
    /// The interval, or why there is none.
    public var lower: Coefficient
    public var upper: Coefficient

    /// The interval for `alpha`, computed from `matrix` with `coderCount` coders.
    public init(
        matrix: CoincidenceMatrix, alpha: KrippendorffAlpha, coderCount: Int,
        resamples: Int, seed: UInt64, level: Double = 0.95
    ) {
        let v = matrix.valueCount
        var cells: [Cell] = []
        if alpha.coefficient.value != nil && resamples > 0 {
            for c in 0..<v {
                for k in 0..<v where matrix[c, k] > 0 {
                    cells.append(Cell(count: matrix[c, k], distance: alpha.distances[c * v + k], isDiagonal: c == k))
                }
            }
        }
        self.init(cells: cells, total: matrix.total, alpha: alpha.coefficient,
                  expectedDisagreement: alpha.expectedDisagreement, coderCount: coderCount,
                  resamples: resamples, seed: seed, level: level)
    }

    /// One non-zero cell of a coincidence matrix with the distance of its pair of values.
    struct Cell: Sendable {
        var count: Double
        var distance: Double
        var isDiagonal: Bool
    }

    /// The interval from the non-zero cells of a coincidence matrix in row-major order (the
    /// order decides which cell each random draw lands on, so it is part of the result).
    ///
    /// - Parameter pieces: how many pieces to cut the replicates into (default: one per core for
    ///   a long bootstrap); the interval is the same for any number.
    init(cells: [Cell], total: Double, alpha: Coefficient, expectedDisagreement: Double, coderCount: Int,
         resamples: Int, seed: UInt64, level: Double, pieces: Int? = nil) {
        self.resamples = max(0, resamples)
        self.seed = seed
        self.level = level
        draws = 0
        if let reason = alpha.undefinedReason {
            lower = .undefined("α is undefined (\(reason))")
            upper = lower
            return
        }
        guard resamples > 0 else {
            lower = .undefined("no bootstrap was asked for (--bootstrap 0)")
            upper = lower
            return
        }
        var probabilities: [Double] = []
        var cellDistances: [Double] = []
        var diagonalShares: [Double] = []
        probabilities.reserveCapacity(cells.count)
        cellDistances.reserveCapacity(cells.count)
        for cell in cells {
            probabilities.append(cell.count / total)
            cellDistances.append(cell.distance)
            if cell.isDiagonal { diagonalShares.append(cell.count / total) }
        }
        let cellCount = probabilities.count
        let halfPairs = Double(max(1, coderCount - 1)) * total / 2
        let m = max(1, min(25 * cellCount, Int(halfPairs)))
        draws = m
        let sampler = AliasTable(probabilities)
        let generator = SeededGenerator(seed: seed)
        let scale = 1 / (Double(m) * expectedDisagreement)
        var replicates = [Double](repeating: 0, count: resamples)
        // Each slot of the alias table holds both distances it can give, so a draw reads one
        // place in memory instead of three (the table of a large multi-select dimension does
        // not fit in the cache).
        let slots = sampler.slots(carrying: cellDistances)
        // Replicate r uses the stream's numbers r·M ..< (r + 1)·M, so the replicates can be cut
        // into pieces drawn on several cores, each starting where the stream is at its first
        // replicate: the same draws, in the same order, as on one core.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let pieces = min(resamples, max(1, pieces ?? (Double(resamples) * Double(m) < 4_000_000 ? 1 : cores)))
        replicates.withUnsafeMutableBufferPointer { buffer in
            slots.withUnsafeBufferPointer { table in
                // Each piece writes only its own replicates.
                nonisolated(unsafe) let output = buffer
                nonisolated(unsafe) let slots = table
                DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                    let first = resamples * piece / pieces, end = resamples * (piece + 1) / pieces
                    var generator = generator.advanced(by: UInt64(first) * UInt64(m))
                    for r in first..<end {
                        output[r] = max(-1, 1 - Self.sumOfDraws(m, from: slots, using: &generator) * scale)
                    }
                }
            }
        }
        // Replicates that drew only agreeing pairs have D_o* = 0, α* = 1 by construction, which
        // the algorithm treats as indeterminate rather than as perfect reliability.
        let resetLimit = diagonalShares.count == 1
            ? resamples
            : Int((Double(resamples) * diagonalShares.reduce(0) { $0 + pow($1, Double(m)) }).rounded())
        var reset = 0
        for r in replicates.indices where reset < resetLimit && replicates[r] == 1 {
            replicates[r] = 0
            reset += 1
        }
        replicates.sort()
        let tail = (1 - level) / 2
        lower = .value(Self.quantile(replicates, tail))
        upper = .value(Self.quantile(replicates, 1 - tail))
    }

    /// The sum of the distances of `count` draws, in the order drawn.
    ///
    /// Random numbers are made a batch ahead of the table reads, so the reads (cache misses on a
    /// large table) do not wait on each other; the sum still adds the draws one by one in order.
    private static func sumOfDraws(_ count: Int, from slots: UnsafeBufferPointer<AliasTable.Slot<Double>>,
                                   using generator: inout SeededGenerator) -> Double {
        let batch = 64
        let slotCount = slots.count
        let scaled = Double(slotCount)
        var sum = 0.0
        return withUnsafeTemporaryAllocation(of: (Int, Double).self, capacity: batch) { drawn in
            var done = 0
            while done < count {
                let n = min(batch, count - done)
                for b in 0..<n {
                    let u = generator.nextUnitDouble() * scaled
                    let i = min(Int(u), slotCount - 1)
                    drawn[b] = (i, u - Double(i))
                }
                for b in 0..<n {
                    let (i, fraction) = drawn[b]
                    let slot = slots[i]
                    sum += fraction < slot.threshold ? slot.own : slot.alias
                }
                done += n
            }
            return sum
        }
    }

    /// R's type-7 quantile of sorted `values`.
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        guard let first = values.first else { return .nan }
        let h = Double(values.count - 1) * p
        let i = Int(h.rounded(.down))
        guard i + 1 < values.count else { return values[values.count - 1] }
        guard i >= 0 else { return first }
        return values[i] + (h - Double(i)) * (values[i + 1] - values[i])
    }
}
