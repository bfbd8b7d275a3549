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

    /// `text` with every control character shown as a visible escape.
    /// - Parameter keepingLineBreaks: keep line feeds as they are (whole reports); false for
    ///   text that must stay on one line (a table cell), where a line feed becomes `\n`.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingLineBreaks && $0 == "\n") }) else { return text }
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
