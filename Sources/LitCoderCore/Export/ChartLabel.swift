/// A row label of a chart, wrapped to fit its column: at most three lines, the last shortened
/// with "…" when the text is longer still, the full text kept for the tooltip.
struct ChartLabel {
    static let maximumWidth = 250.0
    static let maximumLines = 3

    let text: String
    let lines: [String]
    let fontSize: Double

    init(_ text: String, fontSize: Double) {
        self.text = text
        self.fontSize = fontSize
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if line.isEmpty || Self.estimatedWidth(candidate, fontSize: fontSize) <= Self.maximumWidth {
                line = candidate
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        // A word wider than the column, or more lines than fit: cut, and say so with "…".
        var shortened = Array(lines.prefix(Self.maximumLines))
        if lines.count > Self.maximumLines, let last = shortened.popLast() { shortened.append(last + "…") }
        self.lines = shortened.map { Self.fitting($0, fontSize: fontSize) }
    }

    /// Whether some of the text is not shown.
    var isShortened: Bool { lines.joined(separator: " ") != text }

    /// `line` cut to the column's width, ending in "…" when cut.
    static func fitting(_ line: String, fontSize: Double) -> String {
        guard estimatedWidth(line, fontSize: fontSize) > maximumWidth else { return line }
        var cut = line
        while !cut.isEmpty, estimatedWidth(cut + "…", fontSize: fontSize) > maximumWidth { cut.removeLast() }
        return cut + "…"
    }

    /// The label column's width: the widest line and a margin, between 80 and 266 units.
    static func columnWidth(_ labels: [ChartLabel]) -> Int {
        let widest = labels.flatMap { label in label.lines.map { estimatedWidth($0, fontSize: label.fontSize) } }.max() ?? 0
        return Int(min(maximumWidth, max(64, widest)).rounded(.up)) + 16
    }

    /// The text, right-aligned at `rightEdge`, its lines centred on `middle`.
    func svg(rightEdge: Int, middle: Int) -> String {
        let lineHeight = 16
        let first = middle - (lines.count - 1) * lineHeight / 2 + 5
        var svg = "<text class=\"label\" x=\"\(rightEdge)\" y=\"\(first)\" text-anchor=\"end\">"
        if isShortened { svg += "<title>\(SVGCharts.escape(text))</title>" }
        for (i, line) in lines.enumerated() {
            svg += i == 0 ? "<tspan x=\"\(rightEdge)\">" : "<tspan x=\"\(rightEdge)\" dy=\"\(lineHeight)\">"
            svg += SVGCharts.escape(line) + "</tspan>"
        }
        return svg + "</text>"
    }

    /// A generous estimate of how wide `text` is set in a sans-serif at `fontSize`: wide letters
    /// and capitals count more, narrow ones less, so that a label never runs past its column.
    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "m", "w", "M", "W", "@", "%": ems += 0.95
            case "i", "j", "l", "t", "f", "r", "I", " ", ".", ",", ";", ":", "'", "!", "|", "(", ")", "-", "/": ems += 0.38
            case "A"..."Z": ems += 0.75
            default: ems += scalar.value > 0x2E80 ? 1.0 : 0.62
            }
        }
        return ems * fontSize * 1.05
    }
}
