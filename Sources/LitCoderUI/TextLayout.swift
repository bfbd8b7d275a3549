/// Fitting glyphs into columns: word wrapping, truncation with an ellipsis, measuring.
///
/// Every view lays text out through here, so widths, wrapping and placeholders agree
/// everywhere on the screen.
public enum TextLayout {
    public static let ellipsis = Glyph("…", width: 1)

    /// Total columns of a run of glyphs.
    public static func width(_ glyphs: some Sequence<Glyph>) -> Int {
        glyphs.reduce(0) { $0 + $1.width }
    }

    /// Wraps glyphs into lines of at most `width` columns.
    ///
    /// Lines break after spaces (which are dropped at the break) and after wide characters
    /// (CJK text has no spaces); a word longer than a line is cut. Hard line breaks are kept,
    /// and an empty line stays an empty line.
    public static func wrap(_ glyphs: [Glyph], width: Int) -> [[Glyph]] {
        guard width > 0 else { return [] }
        var wrapper = Wrapper(width: width)
        wrapper.add(glyphs)
        wrapper.finish()
        return wrapper.takeLines()
    }

    /// `wrap` a piece at a time, for text too long to wrap at once (`AbstractLayout`): the
    /// same lines, whatever the pieces.
    public struct Wrapper: Sendable {
        public let width: Int
        /// Lines finished and not yet taken.
        private var lines: [[Glyph]] = []
        private var line: [Glyph] = []
        private var lineWidth = 0
        /// Index in `line` just after the last place the line may break.
        private var breakIndex: Int?
        /// Whether a line was finished, and whether the last one was empty (a leading space
        /// is dropped only on a line that continues a non-empty one).
        private var finishedAny = false
        private var lastFinishedEmpty = false

        public init(width: Int) { self.width = max(1, width) }

        /// Lines finished so far, handed over (they are not kept).
        public mutating func takeLines() -> [[Glyph]] {
            defer { lines = [] }
            return lines
        }

        private mutating func finishLine() {
            while let last = line.last, last.isSpace { line.removeLast() }
            lines.append(line)
            finishedAny = true
            lastFinishedEmpty = line.isEmpty
            line = []
            lineWidth = 0
            breakIndex = nil
        }

        public mutating func add(_ glyphs: some Sequence<Glyph>) {
            for glyph in glyphs { add(glyph) }
        }

        public mutating func add(_ glyph: Glyph) {
            if glyph.isLineBreak {
                finishLine()
                return
            }
            if glyph.isSpace && line.isEmpty && finishedAny && !lastFinishedEmpty {
                return  // no leading space on a wrapped line
            }
            if lineWidth + glyph.width > width {
                if glyph.isSpace {
                    finishLine()
                    return
                }
                if let cut = breakIndex, cut > 0 {
                    let carried = Array(line[cut...]).drop { $0.isSpace }
                    line.removeSubrange(cut...)
                    finishLine()
                    line = Array(carried)
                    lineWidth = TextLayout.width(line)
                } else if !line.isEmpty {
                    finishLine()
                }
            }
            guard glyph.width <= width else { return }  // a wide glyph in a one-column pane
            line.append(glyph)
            lineWidth += glyph.width
            if glyph.isSpace || glyph.width == 2 {
                breakIndex = line.count
            }
        }

        /// The text ended: the last line, or one empty line for no text at all.
        public mutating func finish() {
            if !line.isEmpty || !finishedAny { finishLine() }
        }
    }

    /// The glyphs cut to `width` columns, ending in "…" when something was cut.
    public static func truncate(_ glyphs: [Glyph], width: Int) -> [Glyph] {
        guard width > 0 else { return [] }
        if TextLayout.width(glyphs) <= width { return glyphs }
        var result: [Glyph] = []
        var used = 0
        for glyph in glyphs {
            if used + glyph.width > width - 1 { break }
            result.append(glyph)
            used += glyph.width
        }
        var mark = ellipsis
        mark.style = result.last?.style ?? glyphs.first?.style ?? .plain
        result.append(mark)
        return result
    }

    /// One line of text, sanitised and truncated to `width`.
    public static func fit(_ text: String, width: Int, style: Style = .plain) -> [Glyph] {
        truncate(Glyph.line(text, style: style), width: width)
    }

    /// The glyphs padded with spaces (in `style`) to exactly `width` columns, truncating first.
    public static func pad(_ glyphs: [Glyph], width: Int, style: Style = .plain) -> [Glyph] {
        var result = truncate(glyphs, width: width)
        let missing = width - TextLayout.width(result)
        if missing > 0 {
            result.append(contentsOf: repeatElement(Glyph(" ", width: 1, style: style), count: missing))
        }
        return result
    }
}
