import LitCoderCore

/// Each chosen coder's codes and note in a column; codes not shared by every coder are marked
/// `≠` and highlighted, shared ones `=`; under each code, the words the coder quoted as its
/// evidence. A chosen coder not assigned to the paper keeps their column, marked so.
struct CoderColumns {
    /// Lines one quote may take in a column.
    static let quoteLines = 2

    /// - Parameters:
    ///   - coders: the chosen coders, in the order chosen: one column each, numbered as the
    ///     keys that take their values.
    ///   - paper: the paper on screen, against which quotes are checked (`QuoteCheck`): a quote
    ///     whose words moved is not shown as if they were still there.
    func render(_ item: CodingComparison, coders: [String], common: Set<String>, paper: Paper?, in area: Rect,
                into canvas: inout Canvas) {
        guard !area.isEmpty, !coders.isEmpty else { return }
        let check = QuoteCheck(paper: paper)
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
                let quotes = coding.quotes[code] ?? []
                let stale = quotes.count { !check.holds($0) }
                for quote in quotes where check.holds(quote) {
                    var lines = TextLayout.wrap(Glyph.line("“" + EvidenceQuote.displayText(quote.text) + "”"),
                                                width: max(1, inner.width - 4))
                    if lines.count > Self.quoteLines {
                        lines = Array(lines.prefix(Self.quoteLines))
                        lines[lines.count - 1] = TextLayout.truncate(lines[lines.count - 1] + [TextLayout.ellipsis, TextLayout.ellipsis],
                                                                     width: max(1, inner.width - 4))
                    }
                    for quoteLine in lines { line(Glyph.line("    ") + quoteLine.map { Self.quoted($0) }) }
                }
                if stale > 0 { line(Glyph.line("    \(stale.counted("stale quote")) (validate)", style: .warning)) }
            }
            if !coding.note.isEmpty, y < inner.maxY {
                let noteLines = TextLayout.wrap(Glyph.line("note: " + coding.note, style: .dim), width: inner.width)
                for noteLine in noteLines { line(noteLine) }
            }
        }
    }

    /// A glyph of a quote: underlined, as quotes are in the workbench's abstract.
    private static func quoted(_ glyph: Glyph) -> Glyph {
        var glyph = glyph
        glyph.style = glyph.style.union(.underline)
        return glyph
    }
}
