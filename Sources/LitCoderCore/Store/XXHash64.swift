/// XXH64 (Yann Collet's xxHash, 64-bit, seed 0), fed in pieces of any size.
///
/// What a log snapshot records of the log prefix it covers (`LogSnapshot`): checking that
/// prefix again costs a read of the log at several gigabytes a second, where SHA-256 would cost
/// more than the replay it saves. It finds accidental change (an edited, rewritten or replaced
/// log), which is all a rebuildable cache needs; it is not a defence against forgery.
struct XXHash64: Sendable {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var v1 = p1 &+ p2
    private var v2 = p2
    private var v3: UInt64 = 0
    private var v4 = 0 &- p1
    /// Bytes of an unfinished 32-byte stripe, carried to the next `update`.
    private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pendingCount = 0
    /// Every byte fed so far.
    private(set) var length = 0

    init() {}

    /// The hash of `bytes` in one go.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = XXHash64()
        hasher.update(bytes)
        return hasher.digest()
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        var acc = accumulator &+ input &* p2
        acc = (acc << 31) | (acc >> 33)
        return acc &* p1
    }

    private static func merge(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        ((hash ^ round(0, value)) &* p1) &+ p4
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        length += bytes.count
        var offset = 0
        if pendingCount > 0 {
            let take = min(32 - pendingCount, bytes.count)
            withUnsafeMutableBytes(of: &pending) { stripe in
                stripe.baseAddress!.advanced(by: pendingCount).copyMemory(from: base, byteCount: take)
            }
            pendingCount += take
            offset = take
            guard pendingCount == 32 else { return }
            consumeStripe(pending.0, pending.1, pending.2, pending.3)
            pendingCount = 0
        }
        while bytes.count - offset >= 32 {
            let p = base + offset
            consumeStripe(UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)),
                          UInt64(littleEndian: (p + 8).loadUnaligned(as: UInt64.self)),
                          UInt64(littleEndian: (p + 16).loadUnaligned(as: UInt64.self)),
                          UInt64(littleEndian: (p + 24).loadUnaligned(as: UInt64.self)))
            offset += 32
        }
        if offset < bytes.count {
            let rest = bytes.count - offset
            withUnsafeMutableBytes(of: &pending) { stripe in
                stripe.baseAddress!.copyMemory(from: base + offset, byteCount: rest)
            }
            pendingCount = rest
        }
    }

    @inline(__always)
    private mutating func consumeStripe(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) {
        v1 = Self.round(v1, a)
        v2 = Self.round(v2, b)
        v3 = Self.round(v3, c)
        v4 = Self.round(v4, d)
    }

    /// The hash of every byte fed so far; feeding more afterwards is allowed.
    func digest() -> UInt64 {
        var h: UInt64
        if length >= 32 {
            h = ((v1 << 1) | (v1 >> 63)) &+ ((v2 << 7) | (v2 >> 57)) &+ ((v3 << 12) | (v3 >> 52)) &+ ((v4 << 18) | (v4 >> 46))
            h = Self.merge(h, v1)
            h = Self.merge(h, v2)
            h = Self.merge(h, v3)
            h = Self.merge(h, v4)
        } else {
            h = Self.p5
        }
        h = h &+ UInt64(length)
        var tail = pending
        return withUnsafeBytes(of: &tail) { raw -> UInt64 in
            var i = 0
            while pendingCount - i >= 8 {
                let k = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                h ^= Self.round(0, k)
                h = ((h << 27) | (h >> 37)) &* Self.p1 &+ Self.p4
                i += 8
            }
            if pendingCount - i >= 4 {
                let k = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
                h ^= k &* Self.p1
                h = ((h << 23) | (h >> 41)) &* Self.p2 &+ Self.p3
                i += 4
            }
            while i < pendingCount {
                h ^= UInt64(raw[i]) &* Self.p5
                h = ((h << 11) | (h >> 53)) &* Self.p1
                i += 1
            }
            h ^= h >> 33
            h = h &* Self.p2
            h ^= h >> 29
            h = h &* Self.p3
            h ^= h >> 32
            return h
        }
    }
}
