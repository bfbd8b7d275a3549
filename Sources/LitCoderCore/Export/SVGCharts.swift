/// Inline SVG charts for the HTML report: drawn from counts, readable with no script and no
/// network, and printable.
///
/// Sizes are in SVG user units with a `viewBox`, so the charts scale with the page. Each
/// mark carries a `<title>`, which browsers show on hover, with its exact numbers.
public enum SVGCharts {
    /// One bar: a label, a total and the part of it to highlight.
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var total: Int
        public var highlighted: Int
        public init(label: String, total: Int, highlighted: Int) {
            self.label = label
            self.total = total
            self.highlighted = highlighted
        }
    }

    /// Horizontal bars, longest total the full width, the highlighted share drawn over each.
    public static func bars(_ bars: [Bar], title: String, highlightName: String) -> String {
        let labelWidth = 220, barWidth = 340, textWidth = 260, rowHeight = 26, top = 8
        let width = labelWidth + barWidth + textWidth
        let height = top * 2 + max(1, bars.count) * rowHeight
        let maximum = max(1, bars.map(\.total).max() ?? 1)
        var svg = "<svg class=\"chart bar-chart\" role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title>\(escape(title))</title>\n"
        if bars.isEmpty {
            svg += "<text x=\"0\" y=\"\(top + 16)\" class=\"empty\">nothing coded yet</text>\n"
        }
        for (i, bar) in bars.enumerated() {
            let y = top + i * rowHeight
            let full = bar.total * barWidth / maximum
            let part = bar.total == 0 ? 0 : bar.highlighted * full / bar.total
            let share = bar.total == 0 ? 0 : Int((Double(bar.highlighted) * 100 / Double(bar.total)).rounded())
            let words = "\(bar.total) paper\(bar.total == 1 ? "" : "s"), \(bar.highlighted) \(highlightName) (\(share)%)"
            svg += "<g class=\"bar\">"
            svg += "<title>\(escape(bar.label)): \(escape(words))</title>"
            svg += "<text class=\"label\" x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(escape(bar.label))</text>"
            svg += "<rect class=\"total\" x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(full)\" height=\"\(rowHeight - 8)\"/>"
            svg += "<rect class=\"highlighted\" x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(part)\" height=\"\(rowHeight - 8)\"/>"
            svg += "<text class=\"value\" x=\"\(labelWidth + full + 6)\" y=\"\(y + 17)\">\(escape(words))</text>"
            svg += "</g>\n"
        }
        return svg + "</svg>"
    }

    /// A heat map of counts: rows × columns, darker for more, each cell labelled with its count.
    public static func heatMap(rows: [String], columns: [String], count: (Int, Int) -> Int, title: String) -> String {
        let labelWidth = 220, cell = 56, cellHeight = 28, header = 110
        // Room on the right for the last column's label, which leans right as it rises.
        let width = labelWidth + max(1, columns.count) * cell + 80
        let height = header + max(1, rows.count) * cellHeight + 8
        var maximum = 0
        for r in rows.indices { for c in columns.indices { maximum = max(maximum, count(r, c)) } }
        var svg = "<svg class=\"chart heat-map\" role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title>\(escape(title))</title>\n"
        for (c, column) in columns.enumerated() {
            let x = labelWidth + c * cell + cell / 2
            svg += "<text class=\"column\" transform=\"translate(\(x),\(header - 6)) rotate(-45)\">\(escape(column))</text>\n"
        }
        for (r, row) in rows.enumerated() {
            let y = header + r * cellHeight
            svg += "<text class=\"label\" x=\"\(labelWidth - 8)\" y=\"\(y + 18)\" text-anchor=\"end\">\(escape(row))</text>\n"
            for c in columns.indices {
                let n = count(r, c)
                let x = labelWidth + c * cell
                // Opacity from 0.08 (one paper) to 1 (the largest cell); empty cells stay blank.
                let opacity = n == 0 || maximum == 0 ? 0 : 0.08 + 0.92 * Double(n) / Double(maximum)
                let rounded = (opacity * 100).rounded() / 100
                svg += "<g class=\"cell\"><title>\(escape(row)) × \(escape(columns[c])): \(n) paper\(n == 1 ? "" : "s")</title>"
                svg += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(cellHeight - 2)\" fill-opacity=\"\(rounded)\"/>"
                if n > 0 {
                    svg += "<text x=\"\(x + cell / 2)\" y=\"\(y + 18)\" text-anchor=\"middle\" class=\"\(opacity > 0.55 ? "count dark" : "count")\">\(n)</text>"
                }
                svg += "</g>\n"
            }
        }
        return svg + "</svg>"
    }

    /// Escapes text for HTML and SVG content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
