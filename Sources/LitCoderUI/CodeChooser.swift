import LitCoderCore

/// The codebook's codes for the dimension with ticks, when the adjudicator edits the codes.
///
/// A list longer than the area scrolls so the cursor row is always shown (`ListViewport`).
struct CodeChooser {
    func render(dimension: Dimension, cursor: Int, chosen: [String], in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area)
        canvas.drawRule(Rect(x: area.x, y: area.y, width: 1, height: area.height), vertical: true)
        let inner = Rect(x: area.x + 2, y: area.y, width: max(0, area.width - 2), height: area.height)
        let (title, list) = inner.splitTop(1)
        canvas.write("choose codes: Space tick, Enter done", in: title, style: .dim)
        let viewport = ListViewport(total: dimension.codes.count, height: list.height, cursor: cursor, preferredTop: 0)
        for line in 0..<list.height {
            let index = viewport.top + line
            guard dimension.codes.indices.contains(index) else { break }
            let row = list.row(line)
            if line == 0, viewport.hasMoreAbove {
                canvas.write("↑ \(viewport.shownRows.lowerBound) more", in: row, style: .dim)
                continue
            }
            if line == list.height - 1, viewport.hasMoreBelow {
                canvas.write("↓ \(dimension.codes.count - viewport.shownRows.upperBound) more", in: row, style: .dim)
                continue
            }
            let code = dimension.codes[index]
            let ticked = chosen.contains(code.id)
            let mark = dimension.kind == .single ? (ticked ? "(•) " : "( ) ") : (ticked ? "[x] " : "[ ] ")
            canvas.write(mark + code.id, in: row, style: index == cursor ? .reverse : .plain)
        }
    }
}
