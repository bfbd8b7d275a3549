import LitCoderCore

/// The reason line: what was chosen, and the optional reason being typed.
struct ReasonLine {
    func render(decision: Review.Decision, text: String, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area)
        let label = "\(decision.codes.joined(separator: ", ")) (\(decision.how)) — reason, Enter saves: "
        let labelGlyphs = Glyph.line(label, style: .bold)
        let labelWidth = min(TextLayout.width(labelGlyphs), area.width * 2 / 3)
        canvas.draw(TextLayout.truncate(labelGlyphs, width: labelWidth), x: area.x, y: area.y, clip: area)
        let field = Rect(x: area.x + labelWidth, y: area.y, width: area.width - labelWidth, height: 1)
        let visible = Array(Glyph.line(text).suffix(max(0, field.width - 1)))
        let end = canvas.draw(visible, x: field.x, y: field.y, clip: field)
        canvas.addStyle(.reverse, to: Rect(x: end, y: field.y, width: 1, height: 1).intersection(field))
    }
}
