import LitCoderCore
/// One visible unit of text on the screen: a base character with its zero-width marks.
///
/// Text from data (titles, abstracts, notes) becomes glyphs before it is drawn, and that is
/// where it is made safe: control characters, escape sequences and bidi controls can never
/// reach the terminal, they are shown as visible placeholders instead (`^[`, `�`).
public struct Glyph: Hashable, Sendable {
    /// Already sanitised: one grapheme cluster (a base and what joins it), at most
    /// `maximumClusterScalars` scalars.
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

    /// Zero-width format characters kept on the glyph before them.
    static let maximumMarks = 4
    /// Scalars kept of one grapheme cluster (a family emoji with skin tones has 10); stacked
    /// combining marks beyond this are left out, so one cell never holds unbounded text.
    static let maximumClusterScalars = 16
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
    /// One glyph per grapheme cluster (what a reader sees as one character): a base with its
    /// combining marks, a flag, an emoji with a skin tone or a ZWJ sequence such as a family
    /// is one glyph, as wide as terminals draw it (`DisplayWidth.of(cluster:)`), so wrapping
    /// and truncation never cut it in two.
    ///
    /// - `highlights`: half-open unicode-scalar ranges of `text` drawn in `highlightStyle`
    ///   (as `AliasMatcher.matches(in:)` returns them), sorted by their start.
    /// - `startOffset`: where `text` starts in a longer text the sources and highlights count in.
    public static func glyphs(
        _ text: some StringProtocol, style: Style = .plain, keepLineBreaks: Bool = true,
        highlights: [Range<Int>] = [], highlightStyle: Style = .accent, startOffset: Int = 0
    ) -> [Glyph] {
        var result: [Glyph] = []
        result.reserveCapacity(text.utf8.count)
        var marks = 0
        var offset = startOffset
        var highlightIndex = 0
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
        func lineBreak(_ at: Int) {
            if keepLineBreaks {
                result.append(Glyph("", width: 0, source: at, style: style, isLineBreak: true))
                marks = 0
            } else {
                append(" ", 1, at)
            }
        }
        /// A cluster of several scalars (a control character is always a cluster of its own).
        func cluster(_ scalars: Character.UnicodeScalarView, width: Int, at: Int) {
            var kept = String.UnicodeScalarView()
            for (index, scalar) in scalars.prefix(maximumClusterScalars).enumerated() where DisplayWidth.of(scalar) >= 0 {
                // Terminals disagree about an emoji presentation selector (❤️ is 1 column in
                // tmux, 2 in kitty) and about a skin tone (👋🏽 is 4 columns in tmux 3.3, 2
                // elsewhere); without them the glyph is as wide everywhere.
                if index > 0, scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value) { continue }
                kept.append(scalar)
            }
            guard let first = kept.first else {
                append(String(replacement), 1, at)
                return
            }
            if DisplayWidth.of(first) == 0, !(0x1F1E6...0x1F1FF).contains(first.value) {
                // Marks with nothing to combine with.
                kept.insert(orphanBase, at: kept.startIndex)
            }
            append(String(kept), min(2, max(1, width)), at)
        }

        /// A cluster of one scalar: controls, tabs and line breaks are made visible or spacing.
        func single(_ scalar: Unicode.Scalar, at: Int) {
            let v = scalar.value
            switch v {
            case 0x0A, 0x0D, 0x2028, 0x2029:
                lineBreak(at)
            case 0x09:
                // Tabs in abstracts are spacing noise; a fixed four spaces keeps wrapping predictable.
                for _ in 0..<4 { append(" ", 1, at) }
            case 0x00..<0x20:
                append("^", 1, at)
                append(String(UnicodeScalar(UInt8(v + 0x40))), 1, at)
            case 0x7F:
                append("^", 1, at)
                append("?", 1, at)
            case 0x200D, 0xFE0F:
                // A joiner or presentation selector with nothing before it to join: no glyph.
                break
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                append(String(replacement), 1, at)
            default:
                let width = DisplayWidth.of(scalar)
                if width < 0 {
                    append(String(replacement), 1, at)
                } else if width == 0 {
                    // A zero-width format character (ZWSP …) rides on the glyph before it.
                    if let last = result.indices.last, !result[last].isLineBreak, result[last].text != "" {
                        if marks < maximumMarks {
                            result[last].text.unicodeScalars.append(scalar)
                            marks += 1
                        }
                    } else {
                        append(String(orphanBase), 1, at)
                        result[result.count - 1].text.unicodeScalars.append(scalar)
                        marks = 1
                    }
                } else {
                    append(String(scalar), width, at)
                }
            }
        }
        for character in text {
            let scalars = character.unicodeScalars
            let at = offset
            offset += scalars.count
            guard scalars.count > 1 else {
                if let scalar = scalars.first { single(scalar, at: at) }
                continue
            }
            if character == "\r\n" {
                lineBreak(at)
                continue
            }
            cluster(scalars, width: DisplayWidth.of(cluster: character), at: at)
        }
        return result
    }
}
