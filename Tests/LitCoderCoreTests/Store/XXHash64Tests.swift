import Testing
@testable import LitCoderCore

/// XXH64 against the reference implementation's values (the `xxhash` Python package, seed 0),
/// fed whole and in pieces of every size.
@Suite struct XXHash64Tests {
    static let vectors: [(String, UInt64)] = [
        ("", 0xEF46_DB37_51D8_E999),
        ("a", 0xD24E_C4F1_A98C_6E5B),
        ("abc", 0x44BC_2CF5_AD77_0999),
        ("message digest", 0x066E_D728_FCEE_B3BE),
        ("abcdefghijklmnopqrstuvwxyz", 0xCFE1_F278_FA89_835C),
        (String(repeating: "1234567890", count: 8), 0xE04A_477F_19EE_145D),
    ]

    @Test(arguments: vectors)
    func knownValues(text: String, expected: UInt64) {
        #expect(XXHash64.hash(Array(text.utf8)) == expected)
    }

    /// 771 bytes: 0…255 three times, then "xyz" (stripes, an 8-byte tail, a 4-byte tail and single bytes).
    static let long: [UInt8] = Array(0...255) + Array(0...255) + Array(0...255) + Array("xyz".utf8)

    @Test func aLongInputWholeAndInEveryPieceSize() {
        #expect(XXHash64.hash(Self.long) == 0xE921_A1B4_5BD7_79F8)
        for piece in 1...70 {
            var hasher = XXHash64()
            var offset = 0
            while offset < Self.long.count {
                let end = min(offset + piece, Self.long.count)
                Self.long[offset..<end].withUnsafeBytes { hasher.update($0) }
                offset = end
            }
            #expect(hasher.digest() == 0xE921_A1B4_5BD7_79F8, "pieces of \(piece)")
            #expect(hasher.length == Self.long.count)
        }
    }
}
