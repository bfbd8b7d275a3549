import LitCoderCore

/// The codebook beside the paper: every dimension with its value; the focused one expanded
/// into numbered codes with checkboxes (multi) or radio buttons (single) and suggestion
/// marks; below, the definition and guidance of the code under the cursor.
public struct CodebookPane {
    public init() {}

    /// One row of the list, and whether it carries the cursor.
    struct Row {
        var glyphs: [Glyph]
        var isCursor = false
    }

    public func render(_ workbench: Workbench, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        let coding = workbench.currentCoding
        let width = area.width
        var rows: [Row] = []
        var cursorRow = 0
        for (index, dimension) in workbench.codebook.dimensions.enumerated() {
            if index == workbench.dimensionIndex {
                cursorRow = rows.count
                rows.append(Row(glyphs: Glyph.line("▾ \(dimension.label) (\(kindName(dimension)))", style: .bold)))
                rows += expanded(dimension, coding: coding, workbench: workbench, width: width, cursorRow: &cursorRow, rowsSoFar: rows.count)
            } else {
                rows.append(Row(glyphs: summaryLine(dimension, coding: coding)))
            }
        }
        let details = detailLines(workbench, width: width)
        let detailHeight = area.height >= 8 && !details.isEmpty ? min(details.count + 1, area.height / 3) : 0
        let (listArea, detailArea) = area.splitBottom(detailHeight)
        let top = cursorRow < listArea.height ? 0 : cursorRow - listArea.height + 1
        for row in 0..<listArea.height {
            let index = top + row
            guard index < rows.count else { break }
            let line = listArea.row(row)
            canvas.draw(TextLayout.truncate(rows[index].glyphs, width: width), x: line.x, y: line.y, clip: line)
            if rows[index].isCursor { canvas.addStyle(.reverse, to: line) }
        }
        if rows.count > top + listArea.height, listArea.height > 0 {
            let last = listArea.row(listArea.height - 1)
            canvas.fill(last)
            canvas.write("↓ more (Tab / ↓)", in: last, style: .dim)
        }
        guard !detailArea.isEmpty else { return }
        let (rule, text) = detailArea.splitTop(1)
        canvas.drawRule(rule, vertical: false)
        for (i, line) in details.prefix(text.height).enumerated() {
            canvas.draw(line, x: text.x, y: text.y + i, clip: text)
        }
    }

    private func kindName(_ dimension: Dimension) -> String {
        switch dimension.kind {
        case .single: "one"
        case .multi: "any"
        case .text: "text"
        case .number: NumberValue.range(of: dimension).map { "number, \($0)" } ?? "number"
        }
    }

    /// A collapsed dimension: `Label: value, value`.
    private func summaryLine(_ dimension: Dimension, coding: PaperCoding) -> [Glyph] {
        var value: String
        if !dimension.takesCodes {
            value = coding.texts[dimension.id] ?? ""
        } else {
            value = coding.codes(for: dimension.id).map { dimension.code($0)?.label ?? $0 }.joined(separator: ", ")
        }
        let empty = value.isEmpty
        if empty { value = dimension.required ? "— (required)" : "—" }
        return Glyph.line("  \(dimension.label): ", style: .plain) + Glyph.line(value, style: empty ? .dim : .bold)
    }

    private func expanded(
        _ dimension: Dimension, coding: PaperCoding, workbench: Workbench, width: Int,
        cursorRow: inout Int, rowsSoFar: Int
    ) -> [Row] {
        if !dimension.takesCodes {
            let text = coding.texts[dimension.id] ?? ""
            if text.isEmpty {
                let hint = dimension.kind == .number ? "(empty: Space to enter a number)" : "(empty: Space to write)"
                return [Row(glyphs: Glyph.line("    " + hint, style: .dim))]
            }
            return TextLayout.wrap(Glyph.glyphs(text), width: max(1, width - 4)).prefix(6)
                .map { Row(glyphs: Glyph.line("    ") + $0) }
        }
        let chosen = Set(coding.codes(for: dimension.id))
        let suggested = workbench.suggestions[dimension.id] ?? []
        var rows: [Row] = []
        for (i, code) in dimension.codes.enumerated() {
            let number = i < 10 ? String((i + 1) % 10) : " "
            let mark = dimension.kind == .single
                ? (chosen.contains(code.id) ? "(•)" : "( )")
                : (chosen.contains(code.id) ? "[x]" : "[ ]")
            var glyphs = Glyph.line("  \(number) \(mark) ") + Glyph.line(code.label, style: chosen.contains(code.id) ? .bold : .plain)
            if suggested.contains(code.id) {
                glyphs += Glyph.line("  ◆ suggested", style: .accent)
            }
            let isCursor = i == workbench.codeCursor
            if isCursor { cursorRow = rowsSoFar + rows.count }
            rows.append(Row(glyphs: glyphs, isCursor: isCursor))
        }
        for id in chosen where dimension.code(id) == nil {
            rows.append(Row(glyphs: Glyph.line("    [x] \(id) (not in this codebook)", style: .warning)))
        }
        return rows
    }

    /// The definition and guidance of the code under the cursor (or a text dimension's help).
    private func detailLines(_ workbench: Workbench, width: Int) -> [[Glyph]] {
        guard let dimension = workbench.focusedDimension else { return [] }
        var lines: [[Glyph]] = []
        func add(_ label: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            lines += TextLayout.wrap(Glyph.line(label, style: .bold) + Glyph.glyphs(text), width: width)
        }
        if !dimension.takesCodes || !dimension.codes.indices.contains(workbench.codeCursor) {
            add("\(dimension.label): ", dimension.help ?? "")
            return lines
        }
        let code = dimension.codes[workbench.codeCursor]
        add("\(code.label): ", code.definition.isEmpty ? "(no definition)" : code.definition)
        add("Include: ", code.include)
        add("Exclude: ", code.exclude)
        return lines
    }
}
