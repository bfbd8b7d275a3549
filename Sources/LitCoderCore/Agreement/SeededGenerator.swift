/// A small, fast, seedable random number generator (xoshiro256**, Blackman & Vigna 2018).
///
/// Bootstrap intervals must be reproducible from `--seed` on every platform and Swift
/// version, which `SystemRandomNumberGenerator` cannot promise; the state is seeded with
/// SplitMix64 as the xoshiro authors recommend.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = nextSplitMix()
        s1 = nextSplitMix()
        s2 = nextSplitMix()
        s3 = nextSplitMix()
    }

    /// The generator as it will be after `steps` calls of `next()`, found in about 40 steps
    /// rather than `steps`: the state update is linear over GF(2), so n steps are the 256 × 256
    /// bit matrix of one step raised to the n-th power (`Jumps`). Lets a long stream be cut into
    /// pieces drawn on several cores, giving the same numbers as drawing it on one.
    public func advanced(by steps: UInt64) -> SeededGenerator {
        var state = (s0, s1, s2, s3)
        var remaining = steps
        var power = 0
        while remaining != 0 {
            if remaining & 1 != 0 { state = Jumps.shared.powersOfTwo[power].apply(state) }
            remaining >>= 1
            power += 1
        }
        var copy = self
        (copy.s0, copy.s1, copy.s2, copy.s3) = state
        return copy
    }

    /// The state after one step, as a function of the state (what `next()` does besides its result).
    fileprivate static func step(_ s: State) -> State {
        var (s0, s1, s2, s3) = s
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return (s0, s1, s2, s3)
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

fileprivate typealias State = (UInt64, UInt64, UInt64, UInt64)

/// A linear map of the 256-bit state, by the images of its 256 unit vectors.
private struct StateMatrix: Sendable {
    /// The image of the state whose only set bit is bit (i % 64) of word i / 64.
    var columns: [State]

    func apply(_ s: State) -> State {
        var result: State = (0, 0, 0, 0)
        for word in 0..<4 {
            var bits = word == 0 ? s.0 : word == 1 ? s.1 : word == 2 ? s.2 : s.3
            while bits != 0 {
                let column = columns[word * 64 + bits.trailingZeroBitCount]
                result = (result.0 ^ column.0, result.1 ^ column.1, result.2 ^ column.2, result.3 ^ column.3)
                bits &= bits - 1
            }
        }
        return result
    }

    /// self ∘ self.
    func squared() -> StateMatrix { StateMatrix(columns: columns.map(apply)) }
}

/// The step matrix raised to 2^0 … 2^63, built once per process (a few milliseconds).
private final class Jumps: Sendable {
    static let shared = Jumps()
    let powersOfTwo: [StateMatrix]

    private init() {
        var unitImages: [State] = []
        for bit in 0..<256 {
            var unit: State = (0, 0, 0, 0)
            let value = UInt64(1) << UInt64(bit % 64)
            switch bit / 64 {
            case 0: unit.0 = value
            case 1: unit.1 = value
            case 2: unit.2 = value
            default: unit.3 = value
            }
            unitImages.append(SeededGenerator.step(unit))
        }
        var powers = [StateMatrix(columns: unitImages)]
        for _ in 1..<64 { powers.append(powers[powers.count - 1].squared()) }
        powersOfTwo = powers
    }
}
