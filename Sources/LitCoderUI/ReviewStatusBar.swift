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
        // is cut first, then the less important key hints.
        let essentials = ReviewKeymap.hints(fitting: 0)
        let pinned = review.mode == .normal && !review.showingHelp
        let reserve = pinned ? min(area.width, essentials.count + 3) : 0
        let used = canvas.draw(TextLayout.truncate(left, width: area.width - reserve), x: area.x, y: area.y, clip: area) - area.x
        let rest = Rect(x: area.x + used, y: area.y, width: area.width - used, height: 1)
        guard rest.width > 2 else { return }
        let right: [Glyph]
        if review.showingHelp {
            right = Glyph.line("│ Esc close help ", style: .reverse)
        } else if let message = review.message {
            let style: Style = message.kind == .warning ? [.reverse, .warning, .bold] : .reverse
            if pinned {
                let tail = "│ " + essentials + " "
                let text = TextLayout.truncate(Glyph.line("│ " + message.text + " ", style: style), width: rest.width - tail.count)
                right = text + Glyph.line(tail, style: .reverse)
            } else {
                right = Glyph.line("│ " + message.text + " ", style: style)
            }
        } else {
            let hints: String
            switch review.mode {
            case .normal: hints = ReviewKeymap.hints(fitting: rest.width - 3)
            case .editing: hints = "↑↓ move  Space tick  Enter done  Esc cancel"
            case .reason: hints = "Enter save  Esc cancel"
            }
            right = Glyph.line("│ " + hints + " ", style: .reverse)
        }
        canvas.draw(TextLayout.truncate(right, width: rest.width), x: rest.x, y: rest.y, clip: rest)
    }
}
