/// Encodes a paper as one line of a corpus file, with its keys always in the same order.
///
/// The order is the reading order of a record (`id`, `title`, `authors`, `year`, `venue`,
/// `doi`, `url`, `abstract`, `keywords`, `source`), not alphabetical, so that a corpus file
/// reads well in an editor and a rewrite of an unchanged paper produces an identical line
/// (clean git diffs). Absent optional fields are left out rather than written as `null`;
/// `authors`, `abstract` and `keywords` are always written. Non-ASCII text stays as UTF-8;
/// only what JSON requires is escaped, plus DEL (invisible in an editor) and U+2028/U+2029,
/// which some JSON readers treat as line ends.
public enum PaperJSONLine {
    /// The paper as a single JSON object, without a trailing newline.
    public static func encode(_ paper: Paper) -> String {
        var bytes: [UInt8] = []
        append(paper, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the paper's line, without a newline, to `output` as UTF-8.
    public static func append(_ paper: borrowing Paper, to output: inout [UInt8]) {
        output.append(contentsOf: #"{"id":"#.utf8)
        appendQuoted(paper.id, to: &output)
        output.append(contentsOf: #","title":"#.utf8)
        appendQuoted(paper.title, to: &output)
        output.append(contentsOf: #","authors":"#.utf8)
        appendList(paper.authors, to: &output)
        if let year = paper.year {
            output.append(contentsOf: #","year":"#.utf8)
            output.append(contentsOf: String(year).utf8)
        }
        if let venue = paper.venue {
            output.append(contentsOf: #","venue":"#.utf8)
            appendQuoted(venue, to: &output)
        }
        if let doi = paper.doi {
            output.append(contentsOf: #","doi":"#.utf8)
            appendQuoted(doi, to: &output)
        }
        if let url = paper.url {
            output.append(contentsOf: #","url":"#.utf8)
            appendQuoted(url, to: &output)
        }
        output.append(contentsOf: #","abstract":"#.utf8)
        appendQuoted(paper.abstract, to: &output)
        output.append(contentsOf: #","keywords":"#.utf8)
        appendList(paper.keywords, to: &output)
        if let source = paper.source {
            output.append(contentsOf: #","source":"#.utf8)
            appendQuoted(source, to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    /// A JSON string literal for `text`.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Bytes that never need escaping: everything but the quote, the backslash, controls and DEL. Bytes of
    /// non-ASCII UTF-8 pass too; the one multi-byte case (U+2028/U+2029) starts with 0xE2.
    private static let plain: [Bool] = (0...255).map { byte in
        !(byte == 0x22 || byte == 0x5C || byte < 0x20 || byte == 0x7F || byte == 0xE2)
    }

    private static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Reading the UTF-8 in place: `withUTF8` on a copy would retain the string, and a
        // corpus write quotes half a million of them.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &output) }) == nil {
            var copy = text
            copy.withUTF8 { appendEscaped($0, to: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes in `word` may need escaping (a control, `"`, `\\`, DEL or
    /// 0xE2). Exact in one direction: false means none does; true sends the word to the byte loop.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C))
            | hasZeroByte(word ^ (ones &* 0x7F)) | hasZeroByte(word ^ (ones &* 0xE2)) != 0
    }

    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = utf8.baseAddress else { return }
        plain.withUnsafeBufferPointer { plain in
            // Copy runs of bytes that need no escape in one go; most text is one such run.
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                // Eight bytes at a time while none of them can need an escape.
                if index + 8 <= count, !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                if plain[Int(byte)] {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 and U+2029 are valid in JSON but end lines for some readers.
                    guard index + 2 < count, utf8[index + 1] == 0x80,
                          utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
                case 0x0A: output.append(contentsOf: #"\n"#.utf8)
                case 0x0D: output.append(contentsOf: #"\r"#.utf8)
                case 0x09: output.append(contentsOf: #"\t"#.utf8)
                case 0x08: output.append(contentsOf: #"\b"#.utf8)
                case 0x0C: output.append(contentsOf: #"\f"#.utf8)
                case 0xE2:
                    output.append(contentsOf: (utf8[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                    width = 3
                default:
                    // The other controls and DEL, as \u00XX with lower-case hex.
                    output.append(contentsOf: #"\u00"#.utf8)
                    output.append(hexDigit(byte >> 4))
                    output.append(hexDigit(byte & 0x0F))
                }
                index += width
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
    }

    private static func appendList(_ items: [String], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendQuoted(item, to: &output)
        }
        output.append(UInt8(ascii: "]"))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
