import Foundation
import Testing
import LitCoderUI

/// Compares a rendered canvas with `Screens/NAME.txt`; `RECORD_SCREENS=1` rewrites the file
/// (and still fails, so a recording is never mistaken for a pass).
enum GoldenScreen {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Screens")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SCREENS"] == "1" }

    static func check(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(text: canvas.text, named: name, sourceLocation: sourceLocation)
    }

    /// Compares the canvas's quote styles with `Screens/NAME.txt`, drawn as `styleMask` draws them.
    static func checkStyles(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(text: styleMask(canvas), named: name, sourceLocation: sourceLocation)
    }

    /// The canvas's styles as text, one character a cell: `#` reverse video (the selection,
    /// the cursor row, the status bar), `a`–`f` underlined in tint 0–5 (a quote of the
    /// dimension of that tint), `_` underlined without a tint, `.` anything else.
    static func styleMask(_ canvas: Canvas) -> String {
        (0..<canvas.height).map { y in
            String((0..<canvas.width).map { x -> Character in
                let style = canvas[x, y].style
                if style.contains(.reverse) { return "#" }
                if let tint = style.tint, style.contains(.underline) {
                    return Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(tint)))
                }
                return style.contains(.underline) ? "_" : "."
            })
        }.joined(separator: "\n") + "\n"
    }

    static func check(text actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent("\(name).txt")
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.lastPathComponent); run again without RECORD_SCREENS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden screen \(url.lastPathComponent): run with RECORD_SCREENS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("screen \(name) differs:\n\(diff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
        }
    }

    /// Differing lines, numbered, expected (-) above actual (+).
    static func diff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let left = i < e.count ? String(e[i]) : "<none>"
            let right = i < a.count ? String(a[i]) : "<none>"
            if left != right {
                out.append(String(format: "%3d - %@", i + 1, left))
                out.append(String(format: "%3d + %@", i + 1, right))
            }
        }
        return out.joined(separator: "\n")
    }
}
