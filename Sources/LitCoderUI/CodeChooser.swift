import LitCoderCore

/// The codebook's codes for the dimension with ticks, when the adjudicator edits the codes.
struct CodeChooser {
    func render(dimension: Dimension, cursor: Int, chosen: [String], in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area)
        canvas.drawRule(Rect(x: area.x, y: area.y, width: 1, height: area.height), vertical: true)
        let inner = Rect(x: area.x + 2, y: area.y, width: max(0, area.width - 2), height: area.height)
        canvas.write("choose codes: Space tick, Enter done", in: inner.splitTop(1).top, style: .dim)
        for (i, code) in dimension.codes.enumerated() where i + 1 < inner.height {
            let ticked = chosen.contains(code.id)
            let mark = dimension.kind == .single ? (ticked ? "(•) " : "( ) ") : (ticked ? "[x] " : "[ ] ")
            let row = inner.row(i + 1)
            canvas.write(mark + code.id, in: row, style: i == cursor ? .reverse : .plain)
        }
    }
}
