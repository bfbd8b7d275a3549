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
        renderScreen(review, into: &canvas)
        if review.showingHelp {
            HelpOverlay(rows: ReviewKeymap.bindings.map { ($0.keyLabel, $0.summary) },
                        footer: ("Reason line:", "letters are text; Enter saves, Esc cancels"))
                .render(in: canvas.bounds.splitBottom(1).rest, into: &canvas)
        }
    }

    private func renderScreen(_ review: Review, into canvas: inout Canvas) {
        let (body, status) = canvas.bounds.splitBottom(1)
        var main = body
        if case .reason(let decision, let text) = review.mode {
            let (rest, promptRow) = body.splitBottom(1)
            main = rest
            ReasonLine().render(decision: decision, text: String(text), in: promptRow, into: &canvas)
        }
        if case .writing(let text) = review.mode {
            let (rest, promptRow) = body.splitBottom(1)
            main = rest
            let what = review.currentDimension?.kind == .number ? "number" : "text"
            ReasonLine().render(label: "\(what) for the consensus, Enter takes it: ", text: String(text), in: promptRow, into: &canvas)
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
        var heading = "\(item.dimension) — \(dimension?.label ?? item.dimension) (\(Self.kindName(dimension)))"
        if let phrase = item.kindPhrase { heading += " · " + phrase }
        if item.isAgreement { heading += " · the coders now agree; decided by hand otherwise" }
        canvas.write(heading, in: take(1), style: .accent)
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
        CoderColumns().render(item, coders: review.coders, common: review.commonCodes, paper: paper, in: columnsArea, into: &canvas)
        renderDecision(review, in: decisionArea, into: &canvas)
    }

    /// `one code`, `one code of a scale`, `any codes`, `text`, `number 0–7`.
    static func kindName(_ dimension: Dimension?) -> String {
        guard let dimension else { return "any codes" }
        switch dimension.kind {
        case .single: return dimension.ordered ? "one code of a scale" : "one code"
        case .multi: return "any codes"
        case .text: return "text"
        case .number: return NumberValue.range(of: dimension).map { "number, \($0)" } ?? "number"
        }
    }

    private func renderDecision(_ review: Review, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.drawRule(area.splitTop(1).top, vertical: false)
        let row = area.splitBottom(1).bottom
        guard let (codes, value, provenance) = review.currentDecision else {
            canvas.write("consensus: not decided", in: row, style: .dim)
            return
        }
        var text = "consensus: \(Review.valueText(codes: codes, text: value)) — \(provenance.adjudicator)"
        text += provenance.automatic ? " (automatic)" : ""
        if !provenance.sources.isEmpty { text += " from \(provenance.sources.joined(separator: ", "))" }
        if let reason = provenance.reason { text += ": \(reason)" }
        canvas.write(text, in: row, style: .success)
    }
}
