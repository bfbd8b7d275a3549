/// Tests on eight bytes at once, held in a `UInt64` (SWAR: SIMD within a register).
///
/// Importing a 100 MB export asks, of nearly every byte, "is this whitespace, a brace, a
/// backslash?". Asking it of eight bytes with a handful of integer operations, and looking at
/// single bytes only in the rare words where the answer is yes, is what lets a scan keep up with
/// memory. The formulas are the classic ones from Sean Anderson's "Bit Twiddling Hacks".
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `offset` (which must leave eight bytes in `p`), the first in the lowest bits.
    @inline(__always)
    static func load(_ p: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        guard let base = p.baseAddress else { return 0 }
        return UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// Whether some byte of `word` is `byte`. Exact; cheaper than `positions(of:in:)`.
    @inline(__always)
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let v = word ^ (ones &* UInt64(byte))
        return (v &- ones) & ~v & highs != 0
    }

    /// Whether some byte of `word` is below `bound` (at most 0x80). Exact.
    @inline(__always)
    static func containsByte(below bound: UInt8, _ word: UInt64) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }

    /// Whether some byte of `word` is above `bound` (below 0x80); bytes of 0x80 and up count. Exact.
    @inline(__always)
    static func containsByte(above bound: UInt8, _ word: UInt64) -> Bool {
        ((word &+ ones &* UInt64(0x7F - bound)) | word) & highs != 0
    }

    /// The high bit of each byte of `word` that is `byte`, and no other bit: exact per byte, so
    /// neighbouring bytes can be compared (`mask & mask << 8` marks a byte following an equal one).
    @inline(__always)
    static func positions(of byte: UInt8, in word: UInt64) -> UInt64 {
        let v = word ^ (ones &* UInt64(byte))
        return ~(((v & lows) &+ lows) | v | lows)
    }
}
