/// Encodes a paper as one line of a corpus file, with its keys always in the same order.
///
/// The order is the reading order of a record (`id`, `title`, `authors`, `year`, `venue`,
/// `doi`, `url`, `abstract`, `keywords`, `source`), not alphabetical, so that a corpus file
/// reads well in an editor and a rewrite of an unchanged paper produces an identical line
/// (clean git diffs). Absent optional fields are left out rather than written as `null`;
/// `authors`, `abstract` and `keywords` are always written. Non-ASCII text stays as UTF-8;
/// only what JSON requires is escaped, plus U+2028/U+2029, which some JSON readers treat as
/// line ends.
public enum PaperJSONLine {
    /// The paper as a single JSON object, without a trailing newline.
    public static func encode(_ paper: Paper) -> String {
        var out = "{"
        out += "\"id\":" + quoted(paper.id)
        out += ",\"title\":" + quoted(paper.title)
        out += ",\"authors\":" + list(paper.authors)
        if let year = paper.year { out += ",\"year\":\(year)" }
        if let venue = paper.venue { out += ",\"venue\":" + quoted(venue) }
        if let doi = paper.doi { out += ",\"doi\":" + quoted(doi) }
        if let url = paper.url { out += ",\"url\":" + quoted(url) }
        out += ",\"abstract\":" + quoted(paper.abstract)
        out += ",\"keywords\":" + list(paper.keywords)
        if let source = paper.source { out += ",\"source\":" + quoted(source) }
        out += "}"
        return out
    }

    /// A JSON string literal for `text`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ",") + "]"
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
