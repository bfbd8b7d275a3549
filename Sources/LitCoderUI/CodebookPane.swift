import LitCoderCore

/// The codebook beside the paper: every dimension with its value; the focused one expanded
/// into codes with checkboxes (multi) or radio buttons (single) and suggestion marks; below,
/// the definition and guidance of the code under the cursor.
///
/// A list longer than the pane scrolls with the cursor (`Workbench.codeListViewport`), and the
/// number keys 1–9, 0 stand for the first ten codes on screen, so the numbers drawn are the
/// numbers that act. While a code is being found (`c`), only the matches are listed, each with
/// its number in the dimension, which the finder also accepts.
public struct CodebookPane {
    public init() {}

    /// Where the list goes inside the pane: above the details, which take a third of a pane
    /// at least 8 rows high (a fixed share, so the list's height never depends on the cursor).
    static func listArea(for workbench: Workbench, in pane: Rect) -> Rect {
        pane.splitBottom(detailHeight(for: workbench, in: pane)).rest
    }

    private static func detailHeight(for workbench: Workbench, in pane: Rect) -> Int {
        guard pane.height >= 8, let dimension = workbench.focusedDimension else { return 0 }
        let hasDetails = !dimension.takesCodes ? !(dimension.help ?? "").isEmpty : !dimension.codes.isEmpty
        return hasDetails ? pane.height / 3 : 0
    }

    /// A text or number dimension's value as the expanded dimension shows it: wrapped, at
    /// most 6 lines.
    static func textLines(_ text: String, width: Int, kind: Dimension.Kind = .text) -> [[Glyph]] {
        guard !text.isEmpty else {
            let hint = kind == .number ? "(empty: Space to enter a number)" : "(empty: Space to write)"
            return [Glyph.line("    " + hint, style: .dim)]
        }
        return TextLayout.wrap(Glyph.glyphs(text), width: max(1, width - 4)).prefix(6).map { Glyph.line("    ") + $0 }
    }

    public func render(_ workbench: Workbench, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        let listArea = Self.listArea(for: workbench, in: area)
        let detailArea = area.splitBottom(area.height - listArea.height).bottom
        let (rows, cursor) = workbench.codeListRows()
        let viewport = ListViewport(total: rows.count, height: listArea.height, cursor: cursor,
                                    preferredTop: workbench.codeListTop)
        let context = RowContext(workbench: workbench, width: area.width)
        var number = 0
        for line in 0..<listArea.height {
            let index = viewport.top + line
            guard index < rows.count else { break }
            let rect = listArea.row(line)
            if line == 0, viewport.hasMoreAbove {
                canvas.write("↑ \(viewport.shownRows.lowerBound) more (Home: first)", in: rect, style: .dim)
                continue
            }
            if line == listArea.height - 1, viewport.hasMoreBelow {
                canvas.write("↓ \(rows.count - viewport.shownRows.upperBound) more (c finds a code)", in: rect, style: .dim)
                continue
            }
            var label: String?
            if case .code = rows[index], workbench.findingCodes == nil, number < 10 {
                number += 1
                label = String(number % 10)
            }
            canvas.draw(TextLayout.truncate(context.glyphs(for: rows[index], numberLabel: label), width: area.width),
                        x: rect.x, y: rect.y, clip: rect)
            if index == cursor { canvas.addStyle(.reverse, to: rect) }
        }
        guard !detailArea.isEmpty else { return }
        let (rule, text) = detailArea.splitTop(1)
        canvas.drawRule(rule, vertical: false)
        for (i, line) in detailLines(workbench, width: area.width).prefix(text.height).enumerated() {
            canvas.draw(line, x: text.x, y: text.y + i, clip: text)
        }
    }

    /// What a row shows; built only for the rows on screen.
    private struct RowContext {
        let workbench: Workbench
        let width: Int
        let coding: PaperCoding

        init(workbench: Workbench, width: Int) {
            self.workbench = workbench
            self.width = width
            coding = workbench.currentCoding
        }

        func glyphs(for row: CodeListRow, numberLabel: String?) -> [Glyph] {
            let dimensions = workbench.codebook.dimensions
            switch row {
            case .dimension(let index):
                guard dimensions.indices.contains(index) else { return [] }
                return summaryLine(dimensions[index])
            case .header(let index):
                guard dimensions.indices.contains(index) else { return [] }
                let dimension = dimensions[index]
                let header = Glyph.line("▾ \(dimension.label) (\(kindName(dimension)))", style: .bold)
                // A very long abstract is matched in the background after the first frame.
                return workbench.suggestionsComplete ? header : header + Glyph.line("  suggesting…", style: .dim)
            case .code(let index):
                guard let dimension = workbench.focusedDimension, dimension.codes.indices.contains(index) else { return [] }
                let code = dimension.codes[index]
                let chosen = coding.codes(for: dimension.id).contains(code.id)
                let mark = dimension.kind == .single ? (chosen ? "(•)" : "( )") : (chosen ? "[x]" : "[ ]")
                let number: String
                if workbench.findingCodes != nil {
                    let digits = String(index + 1)
                    number = String(repeating: " ", count: max(0, 3 - digits.count)) + digits
                } else {
                    number = "  " + (numberLabel ?? " ")
                }
                var glyphs = Glyph.line("\(number) \(mark) ") + Glyph.line(code.label, style: chosen ? .bold : .plain)
                glyphs += evidenceMark(dimension: dimension, code: code.id, spelledOut: true)
                if workbench.suggestions[dimension.id]?.contains(code.id) == true {
                    glyphs += Glyph.line("  ◆ suggested", style: .accent)
                }
                return glyphs
            case .staleCode(let id):
                return Glyph.line("    [x] \(id) (not in this codebook)", style: .warning)
            case .text(let line):
                guard let dimension = workbench.focusedDimension else { return [] }
                let lines = CodebookPane.textLines(coding.texts[dimension.id] ?? "", width: width, kind: dimension.kind)
                return lines.indices.contains(line) ? lines[line] : []
            case .noMatch(let query):
                return Glyph.line("    no code matches '\(query)'", style: .dim)
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

        /// A collapsed dimension: `Label: value, value`, each code with quotes marked `“1”`.
        private func summaryLine(_ dimension: Dimension) -> [Glyph] {
            let head = Glyph.line("  \(dimension.label): ", style: .plain)
            let codes = dimension.takesCodes ? coding.codes(for: dimension.id) : []
            guard codes.isEmpty else {
                var glyphs = head
                for (i, code) in codes.enumerated() {
                    if i > 0 { glyphs += Glyph.line(", ", style: .bold) }
                    glyphs += Glyph.line(dimension.code(code)?.label ?? code, style: .bold)
                    glyphs += evidenceMark(dimension: dimension, code: code, spelledOut: false)
                }
                return glyphs
            }
            var value = dimension.takesCodes ? "" : coding.texts[dimension.id] ?? ""
            let empty = value.isEmpty
            if empty { value = dimension.required ? "— (required)" : "—" }
            return head + Glyph.line(value, style: empty ? .dim : .bold)
        }

        /// How many quotes a coded code has, `“2”` in its dimension's tint (`“2 quotes”` spelled
        /// out in the expanded list), and how many are stale; nothing when it has none.
        private func evidenceMark(dimension: Dimension, code: String, spelledOut: Bool) -> [Glyph] {
            let key = EvidenceCode(dimension: dimension.id, code: code)
            let marks = workbench.quoteMarks
            var glyphs: [Glyph] = []
            if let count = marks.standing[key], count > 0 {
                let tint = workbench.codebook.dimensions.firstIndex { $0.id == dimension.id } ?? 0
                let text = spelledOut ? "“\(count.counted("quote"))”" : "“\(count)”"
                glyphs += Glyph.line(spelledOut ? "  " : "") + Glyph.line(text, style: Style.underline.tinted(tint))
            }
            if let count = marks.stale[key], count > 0 {
                glyphs += Glyph.line(spelledOut ? "  \(count.counted("stale quote"))" : "(\(count) stale)", style: .warning)
            }
            return glyphs
        }
    }

    /// The definition and guidance of the code under the cursor (or a text dimension's help).
    private func detailLines(_ workbench: Workbench, width: Int) -> [[Glyph]] {
        guard let dimension = workbench.focusedDimension else { return [] }
        var lines: [[Glyph]] = []
        func add(_ label: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            lines += TextLayout.wrap(Glyph.line(label, style: .bold) + Glyph.glyphs(text), width: width)
        }
        var shown = workbench.codeCursor
        if let finding = workbench.findingCodes {
            guard finding.matches.indices.contains(finding.choice) else { return [] }
            shown = finding.matches[finding.choice]
        }
        if !dimension.takesCodes || !dimension.codes.indices.contains(shown) {
            add("\(dimension.label): ", dimension.help ?? "")
            return lines
        }
        let code = dimension.codes[shown]
        add("\(code.label): ", code.definition.isEmpty ? "(no definition)" : code.definition)
        add("Include: ", code.include)
        add("Exclude: ", code.exclude)
        return lines
    }
}
