import LitCoderCore

/// The bottom line: who codes, where in the queue, progress, flags, whether the last change
/// is saved, and either what just happened or the few keys that matter now.
public struct StatusBar {
    public init() {}

    public func render(_ workbench: Workbench, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area, style: .reverse)
        // Of the coder's own papers (all of them when nothing is assigned), as status counts.
        let (done, total) = workbench.progress
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
            right = Glyph.line("│ " + Self.hints(for: workbench.mode, fitting: rest.width - 3) + " ", style: .reverse)
        }
        canvas.draw(TextLayout.truncate(right, width: rest.width), x: rest.x, y: rest.y, clip: rest)
    }

    /// The keys worth showing in a mode, from the key table, in `width` columns: a narrow bar
    /// drops the hints of highest rank first, so "? help" stays whatever the width.
    static func hints(for mode: Workbench.Mode, fitting width: Int = .max) -> String {
        switch mode {
        case .normal: return hints(from: Keymap.bindings, fitting: width)
        case .selecting: return hints(from: Keymap.selectionBindings, fitting: width)
        case .help: return "Esc close help"
        case .prompt(let prompt):
            switch prompt.purpose {
            case .edit: return "Enter save  Esc cancel  Ctrl-O $EDITOR"
            case .findCode: return "↑↓ choose  Enter toggle  Esc cancel"
            case .search, .goTo: return "Enter accept  Esc cancel"
            }
        }
    }

    /// The hints of a key table that fit in `width` columns, dropping the highest ranks first.
    private static func hints(from bindings: [KeyBinding], fitting width: Int) -> String {
        var shown = bindings.filter { $0.hint != nil }
        func text(_ list: [KeyBinding]) -> String {
            list.map { "\($0.hintKeys ?? $0.keyLabel) \($0.hint ?? "")" }.joined(separator: "  ")
        }
        while DisplayWidth.drawn(text(shown)) > width,
              let worst = shown.filter({ $0.rank > 0 }).max(by: { $0.rank < $1.rank }) {
            shown.removeAll { $0 == worst }
        }
        return text(shown)
    }
}
