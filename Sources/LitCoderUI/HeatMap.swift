import LitCoderCore

/// The crosstab drawn as shaded cells with counts, darker for more papers.
struct HeatMap {
    let table: Summary.CrossTab
    /// Positions in `table.rows` of the rows drawn (the codes in use).
    let rowIndices: [Int]
    let names: [String]
    let nameWidth: Int
    let cellWidth: Int

    /// The narrowest cell that still shows a shade and a three-digit count.
    static let minimumCellWidth = 5

    /// A heat map of `rows` (codes in use) whose cells share `room` columns, or nil when even
    /// the narrowest cells do not fit (draw the list instead).
    init?(_ table: Summary.CrossTab, rows: [String], nameWidth: Int, room: Int) {
        guard !table.columns.isEmpty else { return nil }
        let widest = table.columns.map { DisplayWidth.of($0) }.max() ?? 0
        let cell = min(max(Self.minimumCellWidth, min(widest + 1, 10)), (room - nameWidth) / table.columns.count)
        guard cell >= Self.minimumCellWidth else { return nil }
        self.table = table
        let pairs = rows.compactMap { name in table.rows.firstIndex(of: name).map { ($0, name) } }
        rowIndices = pairs.map(\.0)
        names = pairs.map(\.1)
        self.nameWidth = nameWidth
        cellWidth = cell
    }

    /// The same counts as lines, for a pane too narrow for cells: `health: acted 2, lab 1`.
    static func listLines(_ table: Summary.CrossTab, rows: [String]) -> [String] {
        rows.compactMap { name in
            guard let row = table.rows.firstIndex(of: name) else { return nil }
            let cells = table.columns.indices.compactMap { c -> String? in
                let n = table.count(row: row, column: c)
                return n > 0 ? "\(table.columns[c]) \(n)" : nil
            }
            return "\(name): " + (cells.isEmpty ? "—" : cells.joined(separator: ", "))
        }
    }

    /// `░`, `▒`, `▓`, `█` by quarter of the largest count; a dot for none.
    func shade(_ count: Int) -> String {
        let most = table.maximum
        guard count > 0, most > 0 else { return "·" }
        return ["░", "▒", "▓", "█"][min(3, (count * 4 - 1) / most)]
    }

    func draw(in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty, !table.columns.isEmpty else { return }
        var x = area.x + nameWidth
        for column in table.columns {
            let title = TextLayout.fit(column, width: cellWidth - 1, style: .dim)
            canvas.draw(TextLayout.pad(title, width: cellWidth - 1), x: x + 1, y: area.y, clip: area)
            x += cellWidth
        }
        for (i, row) in rowIndices.enumerated() where i + 1 < area.height {
            let y = area.y + 1 + i
            canvas.draw(TextLayout.pad(TextLayout.fit(names[i], width: nameWidth), width: nameWidth), x: area.x, y: y, clip: area)
            var x = area.x + nameWidth
            for column in table.columns.indices {
                let count = table.count(row: row, column: column)
                let number = count > 0 ? String(count) : ""
                let fill = String(repeating: shade(count), count: max(1, cellWidth - 1 - number.count))
                x = canvas.write(" ", x: x, y: y, clip: area)
                x = canvas.write(fill, x: x, y: y, style: count > 0 ? .accent : .dim, clip: area)
                x = canvas.write(number, x: x, y: y, style: .bold, clip: area)
            }
        }
    }
}
