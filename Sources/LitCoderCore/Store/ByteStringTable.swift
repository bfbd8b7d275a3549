#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte strings numbered 0, 1, 2 … in the order first added, found again by their bytes.
///
/// The event decoder's table of the names and code lists a log repeats on every line: the bytes
/// live in one arena and the index is a flat open-addressing table of numbers, so finding a
/// line's dimension or codes again costs a hash and a `memcmp` and allocates nothing. It grows
/// with the distinct strings added, never with the lines that repeat them.
struct ByteStringTable {
    private var arena: [UInt8] = []
    /// Entry `i` is `arena[starts[i]..<starts[i + 1]]`.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Entry numbers by hash; -1 is an empty slot. Never more than half full.
    private var slots = [Int32](repeating: -1, count: 16)

    /// The most entries a table takes: numbers stay well inside `Int32`.
    static let capacity = 1 << 30

    var count: Int { hashes.count }

    /// Whether another entry can be added.
    var hasRoom: Bool { count < Self.capacity }

    /// FNV-1a, with the high bits folded in (the table indexes by the low ones).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return h ^ (h >> 29)
    }

    /// The number of the entry with these bytes, whose `hash(_:)` is `hash`; nil when none.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if hashes[Int(entry)] == hash, equals(entry, bytes) { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// Adds bytes that `find(_:hash:)` did not find; returns their number. Needs `hasRoom`.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        precondition(hasRoom, "ByteStringTable is full")
        let number = Int32(count)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(hash)
        if count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for entry in hashes.indices { place(Int32(entry)) }
        } else {
            place(number)
        }
        return number
    }

    private mutating func place(_ entry: Int32) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[Int(entry)]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private func equals(_ entry: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[Int(entry)], length = starts[Int(entry) + 1] - start
        guard length == bytes.count else { return false }
        guard length > 0, let other = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other, length) == 0 }
    }

    /// Whether `bytes` holds, at `index`, a quote, the bytes of `entry` and a quote; the index
    /// just past the closing quote if so. For an entry that needs no escape in JSON, that is
    /// exactly a string value equal to it.
    func matchesQuoted(_ entry: Int32, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let start = starts[Int(entry)], length = starts[Int(entry) + 1] - start
        let end = index + length + 2
        guard end <= bytes.count, let base = bytes.baseAddress,
              base[index] == UInt8(ascii: "\""), base[index + length + 1] == UInt8(ascii: "\"") else { return nil }
        guard length > 0 else { return end }
        let same = arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base + index + 1, length) == 0 }
        return same ? end : nil
    }
}
