import LitCoderCore

/// The review's one-line field: what was chosen and the optional reason being typed, or the
/// text or number the adjudicator writes for the consensus.
struct ReasonLine {
    func render(decision: Review.Decision, text: String, in area: Rect, into canvas: inout Canvas) {
        render(label: "\(decision.summary) (\(decision.how)) — reason, Enter saves: ", text: text, in: area, into: &canvas)
    }

    /// `label` in bold, then `text` with the cursor after it, scrolled to keep its end in view.
    func render(label: String, text: String, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area)
        let labelGlyphs = Glyph.line(label, style: .bold)
        let labelWidth = min(TextLayout.width(labelGlyphs), area.width * 2 / 3)
        canvas.draw(TextLayout.truncate(labelGlyphs, width: labelWidth), x: area.x, y: area.y, clip: area)
        let field = Rect(x: area.x + labelWidth, y: area.y, width: area.width - labelWidth, height: 1)
        let visible = Array(Glyph.line(text).suffix(max(0, field.width - 1)))
        let end = canvas.draw(visible, x: field.x, y: field.y, clip: field)
        canvas.addStyle(.reverse, to: Rect(x: end, y: field.y, width: 1, height: 1).intersection(field))
    }
}
