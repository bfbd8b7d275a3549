/// Whole numbers and shuffles drawn from a `SeededGenerator`, by algorithms written out here so
/// that a seed gives the same draws with every Swift version: the standard library's
/// `Int.random(in:using:)` and `shuffled(using:)` do not promise their algorithms.
public struct SeededDraw: Sendable {
    private var generator: SeededGenerator

    public init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// A whole number in `0..<bound`, each equally likely: 64 random bits, drawn again while
    /// they fall in the last, incomplete run of `bound` values (so no remainder is favoured),
    /// then taken modulo `bound`. `bound` must be at least 1.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let n = UInt64(bound)
        let limit = UInt64.max - (UInt64.max % n + 1) % n
        var x = generator.next()
        while x > limit { x = generator.next() }
        return Int(x % n)
    }

    /// `items` in a random order: Fisher–Yates from the last position down, each position
    /// swapped with `below(position + 1)`.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var out = items
        var i = out.count - 1
        while i > 0 {
            let j = below(i + 1)
            if i != j { out.swapAt(i, j) }
            i -= 1
        }
        return out
    }
}
