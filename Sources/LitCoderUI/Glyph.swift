import LitCoderCore
/// One visible unit of text on the screen: a base character with its zero-width marks.
///
/// Text from data (titles, abstracts, notes) becomes glyphs before it is drawn, and that is
/// where it is made safe: control characters, escape sequences and bidi controls can never
/// reach the terminal, they are shown as visible placeholders instead (`^[`, `�`).
public struct Glyph: Hashable, Sendable {
    /// Already sanitised: a base scalar plus at most four zero-width scalars.
    public var text: String
    /// 1 or 2 columns (0 only for a line break).
    public var width: Int
    /// Offset of the base scalar in the original text's unicode scalars, for highlights.
    public var source: Int
    public var style: Style
    /// A hard line break in the original text (`\n`, `\r\n`, U+2028, U+2029).
    public var isLineBreak: Bool

    public init(_ text: String, width: Int, source: Int = 0, style: Style = .plain, isLineBreak: Bool = false) {
        self.text = text
        self.width = width
        self.source = source
        self.style = style
        self.isLineBreak = isLineBreak
    }

    public var isSpace: Bool { text == " " }

    /// Marks a terminal keeps on one cell (ncurses' `CCHARW_MAX` is 5 with the base).
    static let maximumMarks = 4
    /// Drawn where data holds something that must not reach the terminal.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"
    /// The base given to a combining mark that has nothing to combine with.
    static let orphanBase: Unicode.Scalar = "\u{25CC}"

    /// Glyphs for text shown on one line: line breaks become spaces.
    public static func line(_ text: String, style: Style = .plain) -> [Glyph] {
        glyphs(text, style: style, keepLineBreaks: false)
    }

    /// Glyphs for a paragraph: line breaks are kept for `TextLayout.wrap`.
    ///
    /// - `highlights`: half-open unicode-scalar ranges of `text` drawn in `highlightStyle`
    ///   (as `AliasMatcher.matches(in:)` returns them).
    public static func glyphs(
        _ text: String, style: Style = .plain, keepLineBreaks: Bool = true,
        highlights: [Range<Int>] = [], highlightStyle: Style = .accent
    ) -> [Glyph] {
        var result: [Glyph] = []
        result.reserveCapacity(text.utf8.count)
        var marks = 0
        var offset = -1
        var highlightIndex = 0
        var previousWasCR = false
        func styleAt(_ offset: Int) -> Style {
            while highlightIndex < highlights.count, highlights[highlightIndex].upperBound <= offset {
                highlightIndex += 1
            }
            if highlightIndex < highlights.count, highlights[highlightIndex].contains(offset) {
                return style.union(highlightStyle)
            }
            return style
        }
        func append(_ s: String, _ width: Int, _ at: Int) {
            result.append(Glyph(s, width: width, source: at, style: styleAt(at)))
            marks = 0
        }
        for scalar in text.unicodeScalars {
            offset += 1
            let v = scalar.value
            defer { previousWasCR = v == 0x0D }
            switch v {
            case 0x0A where previousWasCR:
                continue  // the \r already broke the line
            case 0x0A, 0x0D, 0x2028, 0x2029:
                if keepLineBreaks {
                    result.append(Glyph("", width: 0, source: offset, style: style, isLineBreak: true))
                    marks = 0
                } else {
                    append(" ", 1, offset)
                }
            case 0x09:
                // Tabs in abstracts are spacing noise; a fixed four spaces keeps wrapping predictable.
                for _ in 0..<4 { append(" ", 1, offset) }
            case 0x00..<0x20:
                append("^", 1, offset)
                append(String(UnicodeScalar(UInt8(v + 0x40))), 1, offset)
            case 0x7F:
                append("^", 1, offset)
                append("?", 1, offset)
            case 0x200D, 0xFE0F:
                // Joiners and emoji presentation selectors are dropped: terminals disagree about
                // the width of the sequences they form, and a wrong width garbles the line.
                continue
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                append(String(replacement), 1, offset)
            default:
                let width = DisplayWidth.of(scalar)
                if width < 0 {
                    append(String(replacement), 1, offset)
                } else if width == 0 {
                    if let last = result.indices.last, !result[last].isLineBreak, result[last].text != "" {
                        if marks < maximumMarks {
                            result[last].text.unicodeScalars.append(scalar)
                            marks += 1
                        }
                    } else {
                        append(String(orphanBase), 1, offset)
                        result[result.count - 1].text.unicodeScalars.append(scalar)
                        marks = 1
                    }
                } else {
                    append(String(scalar), width, offset)
                }
            }
        }
        return result
    }
}
