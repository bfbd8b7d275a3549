import LitCoderCore

/// Renders a `Review` into a canvas of any size: the paper and its abstract, each coder's codes
/// and notes side by side with the codes that differ marked, the decision so far, the reason
/// line and the status bar.
///
/// Reads only the state it is given; the same state and size always give the same screen.
public struct ReviewView {
    public init() {}

    public func render(_ review: Review, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        render(review, into: &canvas)
        return canvas
    }

    public func render(_ review: Review, into canvas: inout Canvas) {
        let (body, status) = canvas.bounds.splitBottom(1)
        var main = body
        if case .reason(let decision, let text) = review.mode {
            let (rest, promptRow) = body.splitBottom(1)
            main = rest
            ReasonLine().render(decision: decision, text: String(text), in: promptRow, into: &canvas)
        }
        ReviewStatusBar().render(review, in: status, into: &canvas)
        guard let item = review.current else {
            canvas.write("No disagreements among these coders: nothing to review.", in: main.splitTop(1).top, style: .bold)
            return
        }
        var rows = main
        func take(_ n: Int) -> Rect {
            let (top, rest) = rows.splitTop(n)
            rows = rest
            return top
        }
        let paper = review.currentPaper
        let title = paper?.title ?? ""
        canvas.draw(TextLayout.truncate(Glyph.line(item.paper + "  ", style: .dim) + Glyph.line(title, style: .bold),
                                        width: main.width), x: main.x, y: take(1).y, clip: main)
        let dimension = review.currentDimension
        let kind = dimension?.kind == .single ? "one code" : "any codes"
        canvas.write("\(item.dimension) — \(dimension?.label ?? item.dimension) (\(kind))", in: take(1), style: .accent)
        // The abstract gets about a third of what is left, the coders the rest.
        let abstractHeight = max(1, min(rows.height / 3, rows.height - 6))
        let abstractArea = take(abstractHeight)
        let text = (paper?.abstract.isEmpty ?? true) ? "(no abstract)" : paper?.abstract ?? ""
        var lines = TextLayout.wrap(Glyph.line(text), width: abstractArea.width)
        if lines.count > abstractArea.height, abstractArea.height > 0 {
            lines = Array(lines.prefix(abstractArea.height))
            lines[lines.count - 1] = TextLayout.truncate(lines[lines.count - 1] + [TextLayout.ellipsis, TextLayout.ellipsis],
                                                         width: abstractArea.width)
        }
        for (i, line) in lines.enumerated() where i < abstractArea.height {
            canvas.draw(line, x: abstractArea.x, y: abstractArea.y + i, clip: abstractArea)
        }
        canvas.drawRule(take(1), vertical: false)
        let decisionArea = rows.splitBottom(min(2, rows.height)).bottom
        var columnsArea = rows.splitBottom(min(2, rows.height)).rest
        if case .editing(let cursor, let chosen) = review.mode, let dimension {
            let (left, right) = columnsArea.splitRight(max(0, min(columnsArea.width / 2, 36)))
            columnsArea = left
            CodeChooser().render(dimension: dimension, cursor: cursor, chosen: chosen, in: right, into: &canvas)
        }
        CoderColumns().render(item, common: review.commonCodes, in: columnsArea, into: &canvas)
        renderDecision(review, in: decisionArea, into: &canvas)
    }

    private func renderDecision(_ review: Review, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.drawRule(area.splitTop(1).top, vertical: false)
        let row = area.splitBottom(1).bottom
        guard let (codes, provenance) = review.currentDecision else {
            canvas.write("consensus: not decided", in: row, style: .dim)
            return
        }
        var text = "consensus: \(codes.joined(separator: ", ")) — \(provenance.adjudicator)"
        text += provenance.automatic ? " (automatic)" : ""
        if !provenance.sources.isEmpty { text += " from \(provenance.sources.joined(separator: ", "))" }
        if let reason = provenance.reason { text += ": \(reason)" }
        canvas.write(text, in: row, style: .success)
    }
}

/// Each chosen coder's codes and note in a column; codes not shared by every coder are marked
/// `≠` and highlighted, shared ones `=`.
struct CoderColumns {
    func render(_ item: CodingComparison, common: Set<String>, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty, !item.codings.isEmpty else { return }
        let count = item.codings.count
        let coded = item.coded.map(\.coder)
        var rest = area
        for (i, coding) in item.codings.enumerated() {
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
            let number = coded.firstIndex(of: coding.coder).map { "[\($0 + 1)] " } ?? "    "
            line(Glyph.line(number + coding.coder, style: .bold))
            if coding.codes.isEmpty { line(Glyph.line("(not coded)", style: .dim)) }
            for code in coding.codes {
                let shared = common.contains(code)
                line(Glyph.line(shared ? "= " : "≠ ", style: .dim) + Glyph.line(code, style: shared ? .plain : [.warning, .bold]))
            }
            if !coding.note.isEmpty, y < inner.maxY {
                let noteLines = TextLayout.wrap(Glyph.line("note: " + coding.note, style: .dim), width: inner.width)
                for noteLine in noteLines { line(noteLine) }
            }
        }
    }
}

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
