import Foundation

/// The order a coder's queue takes: `order:` in `litcoder.yaml`.
public enum PaperOrder: String, CaseIterable, Hashable, Sendable {
    /// Every coder works through their papers in an order of their own, shuffled once and for
    /// all from the project's name and the coder's name (the default): no paper is always
    /// coded first, tired or fresh, by everyone, so the order cannot bias one paper's codings.
    case perCoder = "per-coder"
    /// Every coder works in corpus order.
    case corpus
}

/// A coder's own shuffled order: a 64-bit sort key per paper, the same every day, on every
/// machine and with every Swift version (no `Hasher`, whose seed changes each run).
///
/// The coder's seed is the first 8 bytes (big-endian) of SHA-256 of the UTF-8 text
/// `litcoder order\n` + project name + `\n` + coder name. A paper's key is FNV-1a (64 bit)
/// over the UTF-8 bytes of its id, starting from the FNV offset basis XOR the seed, then mixed
/// by SplitMix64's finaliser. Papers sort by key, ties (never seen in practice) in corpus
/// order. Since each paper's key depends only on its own id, papers added later fall into
/// place without moving the others: the order of the papers a coder has not reached yet
/// does not change when the corpus grows. `docs/file-formats.md` has the recipe in Python.
public struct CoderOrder: Sendable {
    public let seed: UInt64

    public init(project: String, coder: String) {
        let digest = SHA256.digest(of: Data("litcoder order\n\(project)\n\(coder)".utf8))
        seed = digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The paper's sort key.
    public func key(of paper: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in paper.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Self.mix(hash)
    }

    /// SplitMix64's finaliser: every input bit affects every output bit.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `indices` (into `papers`) sorted into this coder's order.
    public func sorted(_ indices: [Int], of papers: [Paper]) -> [Int] {
        let keyed = indices.map { (key: key(of: papers[$0].id), index: $0) }
        return keyed.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map(\.index)
    }
}
