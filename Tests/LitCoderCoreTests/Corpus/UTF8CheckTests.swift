import Testing
@testable import LitCoderCore

/// `CorpusLoader.firstInvalidUTF8Byte` against the standard library's UTF-8 decoder, on lines
/// mixing runs of ASCII of every length (the check skips them eight bytes at a time) with
/// multi-byte characters and broken sequences at every offset.
@Suite struct UTF8CheckTests {
    /// Where the standard library's decoder first fails: the bytes of the scalars before it.
    static func oracle(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static let pieces: [[UInt8]] = [
        Array("é".utf8), Array("感".utf8), Array("😀".utf8), [0xE9], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xFF],
    ]

    @Test func agreesWithTheStandardDecoderAtEveryOffset() {
        var checked = 0
        for ascii in 0...19 {
            for piece in Self.pieces {
                for tail in [0, 1, 7, 8, 9, 17] {
                    let line = Array(repeating: UInt8(ascii: "a"), count: ascii) + piece + Array(repeating: UInt8(ascii: "z"), count: tail)
                    let found = line.withUnsafeBufferPointer { CorpusLoader.firstInvalidUTF8Byte(in: $0) }
                    #expect(found == Self.oracle(line), "\(line)")
                    checked += 1
                }
            }
        }
        #expect(checked == 20 * Self.pieces.count * 6)
        #expect([UInt8]().withUnsafeBufferPointer { CorpusLoader.firstInvalidUTF8Byte(in: $0) } == nil)
    }
}
