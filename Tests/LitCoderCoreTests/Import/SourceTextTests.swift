import LitCoderCore
import Testing

/// Encodings and line endings of export files.
@Suite struct SourceTextTests {
    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF] + Array("Tï".utf8), "Tï", "UTF-8"),
        ([0xFF, 0xFE, 0x54, 0x00, 0xEF, 0x00], "Tï", "UTF-16LE"),
        ([0xFE, 0xFF, 0x00, 0x54, 0x00, 0xEF], "Tï", "UTF-16BE"),
        (Array("a\r\nb\rc\n".utf8), "a\nb\nc\n", "UTF-8"),
        (Array("% Encoding: windows-1252\n25".utf8) + [0xB0], "% Encoding: windows-1252\n25°", "Windows-1252"),
    ] as [([UInt8], String, String)])
    func decodes(_ bytes: [UInt8], _ text: String, _ encoding: String) throws {
        let decoded = try SourceText.decode(bytes, file: "f.bib")
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == text)
        #expect(decoded.encoding == encoding)
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func windows1252IsGuessedWithAWarningNamingTheFile() throws {
        let decoded = try SourceText.decode(Array("Title: Caf".utf8) + [0xE9] + Array(" au lait\n".utf8), file: "old.ris")
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == "Title: Café au lait\n")
        #expect(decoded.diagnostics.first?.severity == .warning)
        #expect(decoded.diagnostics.first?.description.hasPrefix("old.ris:1:11: warning") == true)
    }

    @Test(arguments: [
        (Array("line one\nbad ".utf8) + [0x81, 0x41], "f.csv:2:5", "Windows-1252 leaves undefined"),
        (Array("TY  - JOUR\nTI  - ".utf8) + [0xC4, 0xE3, 0xBA, 0xC3, 0xCA, 0xC0, 0xBD, 0xE7, 0xC4, 0xE3, 0xBA, 0xC3], "f.csv:2:7", "GBK"),
        (Array("abc".utf8) + [0, 1, 2, 3], "f.csv:1", "NUL"),
        ([0xEF, 0xBB, 0xBF] + Array("ok\n".utf8) + [0xFF], "f.csv:2:1", "invalid UTF-8"),
        (Array("% Encoding: Shift_JIS\n".utf8) + [0x82, 0xA0], "f.csv:1", "does not read"),
    ] as [([UInt8], String, String)])
    func refusesNamingFileLineAndByte(_ bytes: [UInt8], _ location: String, _ reason: String) {
        do {
            _ = try SourceText.decode(bytes, file: "f.csv")
            Issue.record("should have been refused")
        } catch {
            #expect(error.location == location)
            #expect(error.message.contains(reason))
        }
    }

    @Test func validUTF8IsLeftAlone() {
        #expect(SourceText.firstInvalidUTF8(Array("plain ascii and ünïcödé and 😀".utf8)) == nil)
        #expect(SourceText.firstInvalidUTF8([0x61, 0xC0, 0x80]) == 1)  // overlong
        #expect(SourceText.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // surrogate
        #expect(SourceText.firstInvalidUTF8(Array(repeating: 0x61, count: 17) + [0xE2, 0x82]) == 17)  // cut short
    }
}
