import LitCoderCore

/// Each chosen coder's codes and note in a column; codes not shared by every coder are marked
/// `≠` and highlighted, shared ones `=`. A chosen coder not assigned to the paper keeps their
/// column, marked so.
struct CoderColumns {
    /// - Parameter coders: the chosen coders, in the order chosen: one column each, numbered
    ///   as the keys that take their values.
    func render(_ item: CodingComparison, coders: [String], common: Set<String>, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty, !coders.isEmpty else { return }
        let count = coders.count
        var rest = area
        for (i, coder) in coders.enumerated() {
            let width = i == count - 1 ? rest.width : max(0, rest.width / (count - i))
            let (column, remaining) = rest.splitLeft(width)
            rest = remaining
            let inner = Rect(x: column.x, y: column.y, width: max(0, column.width - 1), height: column.height)
            var y = inner.y
            func line(_ glyphs: [Glyph]) {
                guard y < inner.maxY else { return }
                canvas.draw(TextLayout.truncate(glyphs, width: inner.width), x: inner.x, y: y, clip: inner)
                y += 1
            }
            // Every chosen coder keeps their number on every paper, coded, assigned or not, so a
            // key always means the same coder.
            guard let coding = item.codings.first(where: { $0.coder == coder }) else {
                line(Glyph.line("[\(i + 1)] " + coder, style: .dim))
                line(Glyph.line("(not assigned)", style: .dim))
                continue
            }
            line(Glyph.line("[\(i + 1)] " + coding.coder, style: coding.isEmpty ? .dim : .bold))
            if coding.isEmpty {
                line(Glyph.line(coding.codedPaper ? "(not coded)" : "(paper not coded)", style: coding.codedPaper ? [.warning, .bold] : .dim))
            }
            if let text = coding.text {
                for textLine in TextLayout.wrap(Glyph.line(text, style: .bold), width: max(1, inner.width)) { line(textLine) }
            }
            for code in coding.codes {
                let shared = common.contains(code)
                line(Glyph.line(shared ? "= " : "≠ ", style: .dim) + Glyph.line(code, style: shared ? .plain : [.warning, .bold]))
            }
            if !coding.note.isEmpty, y < inner.maxY {
                let noteLines = TextLayout.wrap(Glyph.line("note: " + coding.note, style: .dim), width: inner.width)
                for noteLine in noteLines { line(noteLine) }
            }
        }
    }
}
