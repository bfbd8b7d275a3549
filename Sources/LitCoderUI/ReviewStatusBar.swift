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
        let used = canvas.draw(TextLayout.truncate(left, width: area.width), x: area.x, y: area.y, clip: area) - area.x
        let rest = Rect(x: area.x + used, y: area.y, width: area.width - used, height: 1)
        guard rest.width > 2 else { return }
        let right: [Glyph]
        if let message = review.message {
            right = Glyph.line("│ " + message.text + " ", style: message.kind == .warning ? [.reverse, .warning, .bold] : .reverse)
        } else {
            let hints: String
            switch review.mode {
            case .normal: hints = Review.keyHelp.map { "\($0.keys) \($0.action)" }.joined(separator: "  ")
            case .editing: hints = "↑↓ move  Space tick  Enter done  Esc cancel"
            case .reason: hints = "Enter save  Esc cancel"
            }
            right = Glyph.line("│ " + hints + " ", style: .reverse)
        }
        canvas.draw(TextLayout.truncate(right, width: rest.width), x: rest.x, y: rest.y, clip: rest)
    }
}
