/// Finds a code id's position among a fixed list of ids, faster than `[String: Int]`.
///
/// Summaries look up every code of every paper; the standard dictionary seeds and runs
/// SipHash for each, which the profile showed as a fifth of a full summary. Code ids are
/// short and the list is fixed, so an open-addressed table probed with FNV-1a over the UTF-8
/// bytes (then confirmed by comparing the string) does the same job in a few nanoseconds.
/// Not for untrusted hash-flooding input: the ids come from the project's own codebook.
/// A class, so that handing it around costs one reference count, not one per array.
final class CodeLookup: Sendable {
    private let ids: [String]
    /// Per slot, the position of an id plus one; 0 for an empty slot.
    private let slots: [Int32]
    private let hashes: [UInt32]
    private let mask: Int

    init(_ ids: [String]) {
        self.ids = ids
        var capacity = 8
        while capacity < ids.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        var hashes = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
        var seen = Set<String>()
        for (i, id) in ids.enumerated() where seen.insert(id).inserted {
            let h = Self.hash(id)
            var slot = Int(h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i + 1)
            hashes[slot] = h
        }
        self.slots = slots
        self.hashes = hashes
    }

    /// The position of `id`, or nil when the list does not have it.
    subscript(_ id: String) -> Int? {
        let h = Self.hash(id)
        var slot = Int(h) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[slot] == h && ids[entry - 1] == id { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a, 32 bits, over the UTF-8 bytes.
    static func hash(_ text: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        var copy = text
        copy.withUTF8 { bytes in
            for byte in bytes { h = (h ^ UInt32(byte)) &* 16_777_619 }
        }
        return h
    }
}
