import LitCoderCore

/// The bottom line: who codes, where in the queue, progress, flags, whether the last change
/// is saved, and either what just happened or the few keys that matter now.
public struct StatusBar {
    public init() {}

    public func render(_ workbench: Workbench, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area, style: .reverse)
        let total = workbench.papers.count
        let done = workbench.doneCount
        var left: [Glyph] = Glyph.line(" \(workbench.coder) ", style: [.reverse, .bold])
        let position = workbench.queue.isEmpty ? "0/0" : "\(workbench.position + 1)/\(workbench.queue.count)"
        left += Glyph.line(" paper \(position) ", style: .reverse)
        if area.width >= 60 {
            let barWidth = 10
            let filled = total == 0 ? 0 : min(barWidth, done * barWidth / total)
            left += Glyph.line(String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled), style: .reverse)
        }
        left += Glyph.line(" \(done) done ", style: .reverse)
        let flagged = workbench.flaggedCount
        if flagged > 0 { left += Glyph.line("⚑\(flagged) ", style: .reverse) }
        switch workbench.saveStatus {
        case .idle: break
        case .saving: left += Glyph.line("… saving ", style: .reverse)
        case .saved: left += Glyph.line("✓ saved ", style: [.reverse, .success])
        case .failed: left += Glyph.line("✗ NOT SAVED ", style: [.reverse, .warning, .bold])
        }
        let leftShown = TextLayout.truncate(left, width: area.width)
        let used = canvas.draw(leftShown, x: area.x, y: area.y, clip: area) - area.x
        let rest = Rect(x: area.x + used, y: area.y, width: area.width - used, height: 1)
        guard rest.width > 2 else { return }
        let right: [Glyph]
        if let message = workbench.message {
            right = Glyph.line("│ " + message.text + " ", style: message.kind == .warning ? [.reverse, .warning, .bold] : .reverse)
        } else {
            right = Glyph.line("│ " + Self.hints(for: workbench.mode) + " ", style: .reverse)
        }
        canvas.draw(TextLayout.truncate(right, width: rest.width), x: rest.x, y: rest.y, clip: rest)
    }

    /// The keys worth showing in a mode, from the key table.
    static func hints(for mode: Workbench.Mode) -> String {
        switch mode {
        case .normal:
            Keymap.bindings.compactMap { binding in binding.hint.map { "\(binding.keyLabel) \($0)" } }
                .joined(separator: "  ")
        case .help: "Esc close help"
        case .prompt(let prompt):
            if case .edit = prompt.purpose { "Enter save  Esc cancel  Ctrl-O $EDITOR" } else { "Enter accept  Esc cancel" }
        }
    }
}
