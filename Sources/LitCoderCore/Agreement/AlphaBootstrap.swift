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
        self.resamples = max(0, resamples)
        self.seed = seed
        self.level = level
        draws = 0
        if let reason = alpha.coefficient.undefinedReason {
            lower = .undefined("α is undefined (\(reason))")
            upper = lower
            return
        }
        guard resamples > 0 else {
            lower = .undefined("no bootstrap was asked for (--bootstrap 0)")
            upper = lower
            return
        }
        let v = matrix.valueCount
        var probabilities: [Double] = []
        var cellDistances: [Double] = []
        var diagonalShares: [Double] = []
        for c in 0..<v {
            for k in 0..<v where matrix[c, k] > 0 {
                probabilities.append(matrix[c, k] / matrix.total)
                cellDistances.append(alpha.distances[c * v + k])
                if c == k { diagonalShares.append(matrix[c, k] / matrix.total) }
            }
        }
        let cellCount = probabilities.count
        let halfPairs = Double(max(1, coderCount - 1)) * matrix.total / 2
        let m = max(1, min(25 * cellCount, Int(halfPairs)))
        draws = m
        let sampler = AliasTable(probabilities)
        var generator = SeededGenerator(seed: seed)
        let scale = 1 / (Double(m) * alpha.expectedDisagreement)
        var replicates = [Double](repeating: 0, count: resamples)
        cellDistances.withUnsafeBufferPointer { delta in
            for r in 0..<resamples {
                var sum = 0.0
                for _ in 0..<m { sum += delta[sampler.draw(using: &generator)] }
                replicates[r] = max(-1, 1 - sum * scale)
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
