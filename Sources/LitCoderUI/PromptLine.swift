/// The open prompt or inline editor: its label, the text, and a visible cursor.
public struct PromptLine {
    public init() {}

    public func render(_ prompt: Prompt, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area)
        let label = Glyph.line(prompt.label, style: .bold)
        let labelWidth = min(TextLayout.width(label), area.width / 2)
        canvas.draw(TextLayout.truncate(label, width: labelWidth), x: area.x, y: area.y, clip: area)
        let field = Rect(x: area.x + labelWidth, y: area.y, width: area.width - labelWidth, height: 1)
        guard field.width > 1 else { return }
        // Glyphs per character, so the cursor (a character index) maps to a column.
        let perCharacter = prompt.text.map { Glyph.line(String($0)) }
        var cursorColumn = 0
        for glyphs in perCharacter.prefix(prompt.cursor) { cursorColumn += TextLayout.width(glyphs) }
        // Scroll sideways so the cursor stays visible, keeping one column for it.
        let start = max(0, cursorColumn - field.width + 1)
        var column = 0
        var x = field.x
        for glyphs in perCharacter {
            for glyph in glyphs {
                if column >= start, column + glyph.width <= start + field.width {
                    x = canvas.put(glyph, x: x, y: field.y, clip: field)
                }
                column += glyph.width
            }
        }
        canvas.addStyle(.reverse, to: Rect(x: field.x + cursorColumn - start, y: field.y, width: 1, height: 1))
    }
}
