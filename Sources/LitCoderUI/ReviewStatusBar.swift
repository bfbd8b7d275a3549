import LitCoderCore

/// The bottom line: adjudicator, position, resolved count with a progress bar, save state, and
/// what just happened or the keys.
struct ReviewStatusBar {
    func render(_ review: Review, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area, style: .reverse)
        let total = review.items.count
        let resolved = review.resolvedCount
        var left = Glyph.line(" \(review.adjudicator) ", style: [.reverse, .bold])
        left += Glyph.line(" review \(total == 0 ? 0 : review.position + 1)/\(total) ", style: .reverse)
        if area.width >= 60 {
            let barWidth = 10
            let filled = total == 0 ? barWidth : min(barWidth, resolved * barWidth / total)
            left += Glyph.line(String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled), style: .reverse)
        }
        left += Glyph.line(" \(resolved) of \(total) resolved ", style: .reverse)
        switch review.saveStatus {
        case .idle: break
        case .saving: left += Glyph.line("… saving ", style: .reverse)
        case .saved: left += Glyph.line("✓ saved ", style: [.reverse, .success])
        case .failed: left += Glyph.line("✗ NOT SAVED ", style: [.reverse, .warning, .bold])
        }
        // In the main view `? help` and `q quit` are kept however narrow the bar: the left part
        // is cut first, then the less important key hints. A warning (a refused key) comes before
        // the progress on the left, which keeps at least its first columns.
        let pinned = review.mode == .normal && !review.showingHelp
        let tail = pinned ? Glyph.line("│ " + ReviewKeymap.hints(fitting: 0) + " ", style: .reverse) : []
        var messageGlyphs: [Glyph] = []
        if let message = review.message, !review.showingHelp {
            let style: Style = message.kind == .warning ? [.reverse, .warning, .bold] : .reverse
            messageGlyphs = Glyph.line("│ " + message.text + " ", style: style)
        }
        let leftWidth = TextLayout.width(left)
        let wanted = TextLayout.width(tail) + TextLayout.width(messageGlyphs)
        let warning = review.message?.kind == .warning && !review.showingHelp
        let leftBudget = warning ? max(min(leftWidth, 20), area.width - wanted) : area.width
        let used = canvas.draw(TextLayout.truncate(left, width: min(leftBudget, area.width - TextLayout.width(tail))),
                               x: area.x, y: area.y, clip: area) - area.x
        let rest = Rect(x: area.x + used, y: area.y, width: area.width - used, height: 1)
        guard rest.width > 2 else { return }
        let right: [Glyph]
        if review.showingHelp {
            right = Glyph.line("│ Esc close help ", style: .reverse)
        } else if !messageGlyphs.isEmpty {
            right = TextLayout.truncate(messageGlyphs, width: rest.width - TextLayout.width(tail)) + tail
        } else {
            let hints: String
            switch review.mode {
            case .normal: hints = ReviewKeymap.hints(fitting: rest.width - 3)
            case .editing: hints = "↑↓ move  Space tick  Enter done  Esc cancel"
            case .writing: hints = "Enter take it  Esc cancel"
            case .reason: hints = "Enter save  Esc cancel"
            }
            right = Glyph.line("│ " + hints + " ", style: .reverse)
        }
        canvas.draw(TextLayout.truncate(right, width: rest.width), x: rest.x, y: rest.y, clip: rest)
    }
}
