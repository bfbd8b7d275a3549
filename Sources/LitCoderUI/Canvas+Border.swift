extension Canvas {
    /// Draws a single-line border around `area` with an optional title in its top edge.
    public mutating func drawBorder(_ area: Rect, title: String? = nil, style: Style = .plain) {
        guard area.width >= 2, area.height >= 2 else { return }
        let horizontal = Glyph("─", width: 1, style: style)
        let vertical = Glyph("│", width: 1, style: style)
        for x in (area.x + 1)..<(area.maxX - 1) {
            put(horizontal, x: x, y: area.y)
            put(horizontal, x: x, y: area.maxY - 1)
        }
        for y in (area.y + 1)..<(area.maxY - 1) {
            put(vertical, x: area.x, y: y)
            put(vertical, x: area.maxX - 1, y: y)
        }
        put(Glyph("┌", width: 1, style: style), x: area.x, y: area.y)
        put(Glyph("┐", width: 1, style: style), x: area.maxX - 1, y: area.y)
        put(Glyph("└", width: 1, style: style), x: area.x, y: area.maxY - 1)
        put(Glyph("┘", width: 1, style: style), x: area.maxX - 1, y: area.maxY - 1)
        if let title, area.width > 4 {
            write(" \(title) ", in: Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: 1), style: style.union(.bold))
        }
    }

    /// Draws a horizontal rule across `area`'s first row, or a vertical one down its first column.
    public mutating func drawRule(_ area: Rect, vertical: Bool, style: Style = .dim) {
        if vertical {
            for y in area.y..<area.maxY { put(Glyph("│", width: 1, style: style), x: area.x, y: y) }
        } else {
            for x in area.x..<area.maxX { put(Glyph("─", width: 1, style: style), x: x, y: area.y) }
        }
    }
}
