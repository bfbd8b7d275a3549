import LitCoderCore

/// The line above the status bar while a quote is selected: which code it is for, and its
/// words, with the middle left out when they do not fit, so both ends of the selection show.
public struct QuoteLine {
    public init() {}

    public func render(_ selection: QuoteSelection, for workbench: Workbench, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area)
        let label: String
        if let (dimension, code) = workbench.cursorCode {
            label = "quote for \(code.label) (\(dimension.label)): "
        } else {
            label = "quote (Tab to a dimension with codes): "
        }
        let place = " \(selection.field.rawValue) \(selection.start)–\(selection.end)"
        let words = EvidenceQuote.displayText(Self.ends(of: selection.range, in: workbench.text(of: selection.field)))
        var head = Glyph.line(label, style: .bold)
        let tail = Glyph.line(place, style: .dim)
        if area.width - TextLayout.width(head) - TextLayout.width(tail) - 2 < 24, let (_, code) = workbench.cursorCode {
            // A narrow screen: the code's label alone, so the words keep some room.
            head = Glyph.line("quote for \(code.label): ", style: .bold)
        }
        let room = area.width - TextLayout.width(head) - TextLayout.width(tail) - 2
        var quoted = Glyph.line("“") + Self.squeezed(Glyph.line(words, style: .reverse), width: max(1, room)) + Glyph.line("”")
        quoted = TextLayout.truncate(head + quoted + tail, width: area.width)
        canvas.draw(quoted, x: area.x, y: area.y, clip: area)
    }

    /// The selected text, or for a very long selection its first and last 200 characters: a
    /// line never shows more, and a megabyte selected is not turned into glyphs on each frame.
    static func ends(of range: Range<String.Index>, in text: String) -> String {
        guard range.upperBound <= text.endIndex else { return "" }
        guard let headEnd = text.index(range.lowerBound, offsetBy: 400, limitedBy: range.upperBound), headEnd < range.upperBound else {
            return String(text[range])
        }
        let head = text[range.lowerBound..<text.index(range.lowerBound, offsetBy: 200)]
        let tail = text[text.index(range.upperBound, offsetBy: -200)..<range.upperBound]
        return head + " … " + tail
    }

    /// `glyphs` in `width` columns: whole when they fit, else their start and end with "…" between.
    static func squeezed(_ glyphs: [Glyph], width: Int) -> [Glyph] {
        guard TextLayout.width(glyphs) > width else { return glyphs }
        guard width >= 5 else { return TextLayout.truncate(glyphs, width: width) }
        let side = (width - 1) / 2
        var front: [Glyph] = []
        var used = 0
        for glyph in glyphs {
            guard used + glyph.width <= side else { break }
            front.append(glyph)
            used += glyph.width
        }
        var back: [Glyph] = []
        used = 0
        for glyph in glyphs.reversed() {
            guard used + glyph.width <= width - 1 - TextLayout.width(front) else { break }
            back.insert(glyph, at: 0)
            used += glyph.width
        }
        return front + [TextLayout.ellipsis] + back
    }
}
