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
    public static func append(_ paper: Paper, to output: inout [UInt8]) {
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

    private static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Copy runs of bytes that need no escape in one go; most text is one such run.
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                let escape: [UInt8]?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = Array(#"\""#.utf8)
                case UInt8(ascii: "\\"): escape = Array(#"\\"#.utf8)
                case 0x0A: escape = Array(#"\n"#.utf8)
                case 0x0D: escape = Array(#"\r"#.utf8)
                case 0x09: escape = Array(#"\t"#.utf8)
                case 0x08: escape = Array(#"\b"#.utf8)
                case 0x0C: escape = Array(#"\f"#.utf8)
                case 0x00..<0x20, 0x7F: escape = Array("\\u00\(hex2(byte))".utf8)
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    // U+2028 and U+2029 are valid in JSON but end lines for some readers.
                    escape = Array((utf8[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                    width = 3
                default: escape = nil
                }
                if let escape {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    output.append(contentsOf: escape)
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendList(_ items: [String], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendQuoted(item, to: &output)
        }
        output.append(UInt8(ascii: "]"))
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: false)
        return digits.count == 1 ? "0" + digits : digits
    }
}
