import Foundation
import LitCoderCore

/// A one-line progress bar on standard error, shown only on a terminal and only once an
/// import has taken more than a moment (quick imports should not flicker).
struct ProgressBar {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private var shown = false
    private var lastPercent = -1

    mutating func show(_ label: String, _ fraction: Double) {
        guard enabled, Date().timeIntervalSince(start) > 0.5 else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded())
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        Console.writeError("\r\(TerminalText.escaped(label, keepingLineBreaks: false)) [\(bar)] \(percent)%")
        shown = true
    }

    mutating func clear() {
        guard shown else { return }
        Console.writeError("\r\u{1B}[K")
        shown = false
        lastPercent = -1
    }
}
