import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import LitCoderUI
import LitCoderCore

/// The Swift width table must agree with the C library the terminal side measures with.
@Suite(.serialized) struct DisplayWidthTests {
    private typealias WidthFunction = @convention(c) (Int32) -> Int32

    #if canImport(Glibc)
    @Test func agreesWithGlibcWcwidthForEveryScalar() throws {
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil,
              let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else {
            print("note: skipped: no C.UTF-8 locale or wcwidth in this libc")
            return
        }
        let wcwidth = unsafeBitCast(symbol, to: WidthFunction.self)
        var mismatches: [String] = []
        for value in UInt32(0xA0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Int(wcwidth(Int32(bitPattern: value)))
            if DisplayWidth.of(scalar) != expected, mismatches.count < 10 {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true)): \(DisplayWidth.of(scalar)) vs \(expected)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
    #endif

    @Test(arguments: [
        (Unicode.Scalar("a"), 1), ("\u{4E2D}", 2), ("\u{1F600}", 2), ("\u{E9}", 1), ("\u{301}", 0),
        ("\u{200D}", 0), ("\u{FE0F}", 0), ("\u{200B}", 0), ("\u{1B}", -1), ("\u{1F1E6}", 1),
        ("\u{FF21}", 2), ("\u{AC00}", 2), ("\u{1160}", 0),
    ])
    func knownWidths(scalar: Unicode.Scalar, width: Int) {
        #expect(DisplayWidth.of(scalar) == width)
    }
}
