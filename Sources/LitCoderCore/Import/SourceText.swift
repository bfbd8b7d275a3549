import Dispatch
import Foundation

/// An export file's bytes as UTF-8 text with only `\n` line endings, and how it was decoded.
///
/// Exports arrive as UTF-8 with or without a byte order mark, UTF-16 with one, Windows-1252
/// from older tools, and now and then as something litcoder must refuse (binary, GBK).
/// Deciding here lets every parser work on plain UTF-8 bytes.
public struct SourceText: Sendable {
    /// UTF-8 without a byte order mark; CRLF and lone CR turned into LF.
    public var bytes: [UInt8]
    /// How the bytes were read (`UTF-8`, `UTF-16LE`, `Windows-1252`).
    public var encoding: String
    /// Warnings about the decoding (a guessed encoding), naming the file.
    public var diagnostics: [Diagnostic]

    /// Decodes `raw`, the contents of `file` (its name as the user should see it).
    ///
    /// Throws a `Diagnostic` naming the file (and line and byte where it can) when the
    /// bytes are not text litcoder can read without guessing wrong.
    public static func decode(_ raw: [UInt8], file: String) throws(Diagnostic) -> SourceText {
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            let body = Array(raw[3...])
            if let bad = firstInvalidUTF8(body) {
                throw invalid(body, at: bad, file: file, declared: "UTF-8 (it starts with a UTF-8 byte order mark)")
            }
            return SourceText(bytes: unifyLineEndings(body), encoding: "UTF-8", diagnostics: [])
        }
        if raw.count >= 2, (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF) {
            let littleEndian = raw[0] == 0xFF
            guard raw.count % 2 == 0 else {
                throw Diagnostic(file: file, message: "the file says it is UTF-16 but has an odd number of bytes",
                                 hint: "re-export it as UTF-8")
            }
            var units = [UInt16]()
            units.reserveCapacity(raw.count / 2 - 1)
            var i = 2
            while i + 1 < raw.count {
                units.append(littleEndian ? UInt16(raw[i]) | UInt16(raw[i + 1]) << 8
                                          : UInt16(raw[i]) << 8 | UInt16(raw[i + 1]))
                i += 2
            }
            let text = String(decoding: units, as: UTF16.self)
            return SourceText(bytes: unifyLineEndings(Array(text.utf8)),
                              encoding: littleEndian ? "UTF-16LE" : "UTF-16BE", diagnostics: [])
        }
        let survey = Survey(raw)
        if let nul = survey.firstNUL {
            let (line, _) = position(of: nul, in: raw)
            throw Diagnostic(file: file, line: line,
                             message: "not a text export: byte \(nul + 1) is NUL (a binary file, or UTF-16 without a byte order mark)",
                             hint: "export the references as BibTeX, RIS, CSV, MEDLINE or JSON Lines in UTF-8")
        }
        let declared = declaredEncoding(raw)
        guard let bad = survey.firstInvalidUTF8 else {
            return SourceText(bytes: survey.hasCarriageReturn ? unifyLineEndings(raw) : raw, encoding: "UTF-8", diagnostics: [])
        }
        if let declared, declared == "utf-8" || declared == "utf8" {
            throw invalid(raw, at: bad, file: file, declared: "UTF-8 (its '% Encoding:' header says so)")
        }
        if let declared, !windows1252Names.contains(declared) {
            throw Diagnostic(file: file, line: 1,
                             message: "the file declares the encoding '\(declared)', which litcoder does not read",
                             hint: "re-export it as UTF-8")
        }
        if declared == nil, let reason = multiByteSuspicion(raw) {
            let (line, column) = position(of: bad, in: raw)
            throw Diagnostic(file: file, line: line, column: column,
                             message: "not UTF-8 (byte \(bad + 1) is 0x\(hex(raw[bad]))) and \(reason)",
                             hint: "re-export it as UTF-8, or convert it with iconv -f ENCODING -t UTF-8")
        }
        var out = [UInt8]()
        out.reserveCapacity(raw.count + raw.count / 8)
        for (offset, b) in raw.enumerated() {
            if b < 0x80 { out.append(b); continue }
            guard let scalar = windows1252(b) else {
                let (line, column) = position(of: offset, in: raw)
                throw Diagnostic(file: file, line: line, column: column,
                                 message: "neither UTF-8 nor Windows-1252: byte \(offset + 1) is 0x\(hex(b)), which Windows-1252 leaves undefined",
                                 hint: "re-export it as UTF-8")
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
        }
        var diagnostics: [Diagnostic] = []
        if declared == nil {
            let (line, column) = position(of: bad, in: raw)
            diagnostics.append(Diagnostic(
                file: file, line: line, column: column, severity: .warning,
                message: "not valid UTF-8 (byte \(bad + 1) is 0x\(hex(raw[bad]))); read as Windows-1252",
                hint: "check accented letters in what was imported; re-export as UTF-8 to be sure"))
        }
        return SourceText(bytes: unifyLineEndings(out), encoding: "Windows-1252", diagnostics: diagnostics)
    }

    private static let windows1252Names: Set = ["windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso-8859-15"]

    /// The encoding a JabRef `% Encoding: NAME` first line declares, lower-cased.
    static func declaredEncoding(_ raw: [UInt8]) -> String? {
        let prefix = Array("% Encoding:".utf8)
        guard raw.count > prefix.count, Array(raw[0..<prefix.count]) == prefix else { return nil }
        var end = prefix.count
        while end < raw.count, raw[end] != 0x0A, raw[end] != 0x0D { end += 1 }
        let name = String(decoding: raw[prefix.count..<end], as: UTF8.self)
            .trimmingCharacters(in: .whitespaces).lowercased()
        return name.isEmpty ? nil : name
    }

    /// Why the bytes look like a multi-byte East Asian encoding rather than Windows-1252.
    ///
    /// In Western Windows-1252 text a byte above 0x7F is mostly a lone accented letter between
    /// ASCII ones; GBK, Big5 and Shift-JIS write every character as two such bytes in a row.
    static func multiByteSuspicion(_ raw: [UInt8]) -> String? {
        var high = 0, paired = 0
        var i = 0
        while i < raw.count {
            if raw[i] >= 0x80 {
                high += 1
                if i + 1 < raw.count, raw[i + 1] >= 0x40, raw[i] >= 0x81, raw[i] <= 0xFE, raw[i + 1] != 0x7F {
                    if raw[i + 1] >= 0x80 { paired += 1 }
                    i += 2
                    high += 1
                    continue
                }
            }
            i += 1
        }
        guard high >= 8, paired * 2 * 10 >= high * 6 else { return nil }
        return "its non-ASCII bytes come in pairs, as in GBK, Big5 or Shift-JIS, which litcoder does not read"
    }

    /// What the UTF-8 path of `decode` must know of a file: its first NUL, its first invalid
    /// UTF-8 byte and whether it has a CR. Large files are looked at in a piece per core at once.
    struct Survey {
        var firstNUL: Int?
        var firstInvalidUTF8: Int?
        var hasCarriageReturn = false

        init(_ raw: [UInt8]) {
            let pieces = raw.count >= 8 << 20 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)) : 1
            // Pieces start on a character's first byte, so each is valid alone exactly when the
            // whole is valid there; the whole's first problem is the first piece's first problem.
            var bounds = [0]
            for piece in 1..<max(pieces, 1) {
                var start = raw.count * piece / pieces
                while start < raw.count, start > bounds[bounds.count - 1], raw[start] & 0xC0 == 0x80 { start += 1 }
                bounds.append(max(start, bounds[bounds.count - 1]))
            }
            bounds.append(raw.count)
            let starts = bounds
            var found = [Survey](repeating: Survey(), count: bounds.count - 1)
            raw.withUnsafeBufferPointer { p in
                found.withUnsafeMutableBufferPointer { found in
                    nonisolated(unsafe) let results = found
                    nonisolated(unsafe) let bytes = p
                    DispatchQueue.concurrentPerform(iterations: results.count) { piece in
                        let lower = starts[piece]
                        let slice = UnsafeBufferPointer(rebasing: bytes[lower..<starts[piece + 1]])
                        var result = Survey()
                        result.firstNUL = SourceText.firstOffset(of: 0, in: slice).map { lower + $0 }
                        result.firstInvalidUTF8 = SourceText.firstInvalidUTF8(in: slice).map { lower + $0 }
                        result.hasCarriageReturn = SourceText.firstOffset(of: 0x0D, in: slice) != nil
                        results[piece] = result
                    }
                }
            }
            firstNUL = found.lazy.compactMap(\.firstNUL).first
            firstInvalidUTF8 = found.lazy.compactMap(\.firstInvalidUTF8).first
            hasCarriageReturn = found.contains { $0.hasCarriageReturn }
        }

        private init() {}
    }

    /// The offset of the first byte that makes `bytes` invalid UTF-8, or nil when it is valid.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8(in: $0) }
    }

    /// `firstInvalidUTF8(_:)` over a buffer.
    static func firstInvalidUTF8(in p: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = p.baseAddress else { return nil }
        let n = p.count
        var i = 0
        while i < n {
            // Eight ASCII bytes at a time: the common case in every export.
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minimum = 0x10000
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = p[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }

    /// The same text with CRLF and lone CR turned into LF; the array itself when it has no CR.
    static func unifyLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        guard firstOffset(of: 0x0D, in: bytes) != nil else { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// The offset of the first `byte` in `bytes` (`memchr`, which scans many bytes at a time).
    static func firstOffset(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstOffset(of: byte, in: $0) }
    }

    /// `firstOffset(of:in:)` over a buffer.
    static func firstOffset(of byte: UInt8, in p: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = p.baseAddress, let hit = memchr(base, Int32(byte), p.count) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The 1-based line and column of a byte offset (CR, LF and CRLF each end a line).
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0, i = 0
        while i < offset, i < bytes.count {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, offset - lineStart + 1)
    }

    private static func invalid(_ bytes: [UInt8], at offset: Int, file: String, declared: String) -> Diagnostic {
        let (line, column) = position(of: offset, in: bytes)
        return Diagnostic(file: file, line: line, column: column,
                          message: "invalid UTF-8 at byte \(offset + 1) (0x\(hex(bytes[offset]))), though the file is marked \(declared)",
                          hint: "re-export it as UTF-8")
    }

    private static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    /// The character Windows-1252 gives a byte of 0x80 or above; nil for its five undefined bytes.
    static func windows1252(_ b: UInt8) -> Unicode.Scalar? {
        if b >= 0xA0 { return Unicode.Scalar(b) }
        let table: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
        ]
        let value = table[Int(b) - 0x80]
        return value == 0 ? nil : Unicode.Scalar(value)
    }
}
