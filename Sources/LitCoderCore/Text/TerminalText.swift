/// Text from data made safe to print on a terminal: the one place command-line output is
/// neutralised.
///
/// A title holding `ESC ] 0 ; … BEL` renames the user's terminal window and `ESC [ 2 J`
/// clears it, if printed as it is. Every text format (tables, Markdown, LaTeX, messages and
/// errors) goes through `escaped(_:)`, which shows C0 and C1 control characters, DEL and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) as visible escapes:
/// ESC as `\e`, tab and carriage return as `\t` and `\r`, other C0 controls and DEL in caret
/// form (`^G`, `^?`), the rest as `\u{202E}`. CSV, BibTeX and RIS keep data as they are
/// (they have no escapes) when they go to a file or a pipe, and on a terminal are shown
/// through `escapedData(_:)`; JSON keeps it too, writing those characters in its own `\u`
/// escapes (`jsonEscaped(_:)`).
public enum TerminalText {
    /// Whether a scalar must not reach a terminal as it is (line feed aside).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `text` holds a scalar `isControl` finds (a line feed only when not
    /// `keepingLineBreaks`), read from its UTF-8 bytes: C0 and DEL are single bytes, C1 is
    /// `C2 80`–`C2 9F`, the bidirectional controls `E2 80 AA`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9`.
    /// A report of tens of megabytes is checked at memory speed rather than scalar by scalar.
    static func containsControl(_ text: String, keepingLineBreaks: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte < 0x20 {
                    if !(keepingLineBreaks && byte == 0x0A) { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2 {
                    if i + 1 < count, (0x80...0x9F).contains(bytes[i + 1]) { return true }
                } else if byte == 0xE2, i + 2 < count {
                    let (second, third) = (bytes[i + 1], bytes[i + 2])
                    if second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third) {
                        return true
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// `text` with every control character shown as a visible escape.
    /// - Parameter keepingLineBreaks: keep line feeds as they are (whole reports); false for
    ///   text that must stay on one line (a table cell), where a line feed becomes `\n`.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard containsControl(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar), !(keepingLineBreaks && scalar == "\n") else {
                result.append(scalar)
                continue
            }
            result.append(contentsOf: visible(scalar).unicodeScalars)
        }
        return String(result)
    }

    /// Data (CSV, TSV, BibTeX, RIS) shown on a terminal: as `escaped(_:)`, but tabs and the
    /// carriage return of a CRLF line end, which only lay the data out, are kept.
    public static func escapedData(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        func kept(_ i: Int) -> Bool {
            let scalar = scalars[i]
            return !isControl(scalar) || scalar == "\n" || scalar == "\t"
                || (scalar == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n")
        }
        guard scalars.indices.contains(where: { !kept($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for i in scalars.indices {
            if kept(i) { result.append(scalars[i]) } else { result.append(contentsOf: visible(scalars[i]).unicodeScalars) }
        }
        return String(result)
    }

    /// How a control character is shown.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: "\\e"
        case 0x09: "\\t"
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        case 0x00..<0x20: "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: "^?"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// JSON text with the control characters JSON allows unescaped (DEL, C1, bidirectional
    /// controls) written as `\uXXXX` escapes: the same data, safe on a terminal. (A JSON
    /// encoder already escapes C0 controls; they can only occur inside strings.)
    public static func jsonEscaped(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { isControl($0) && $0.value >= 0x20 }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isControl(scalar), scalar.value >= 0x20 {
                let hex = String(scalar.value, radix: 16, uppercase: false)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
