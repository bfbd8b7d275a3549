/// Inline SVG charts for the HTML report: drawn from counts, readable with no script and no
/// network, and printable.
///
/// Sizes are in SVG user units with a `viewBox`, so a chart scales down to the page; each is
/// laid out to fit `pageWidth` as it is. Labels are whole: a long one wraps onto up to three
/// lines, and one longer still is shortened with "…" and keeps its full text in a `<title>`
/// (the browser's tooltip). Each mark carries a `<title>` with its exact numbers.
public enum SVGCharts {
    /// The width of the report's text column (62rem less its padding), which charts fit.
    public static let pageWidth = 960

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
        let labels = bars.map { ChartLabel($0.label, fontSize: 13) }
        let labelWidth = ChartLabel.columnWidth(labels)
        let barWidth = 340, textWidth = 260, top = 8
        let width = labelWidth + barWidth + textWidth
        let rowHeights = labels.map { max(26, $0.lines.count * 16 + 10) }
        let height = top * 2 + max(26, rowHeights.reduce(0, +))
        let maximum = max(1, bars.map(\.total).max() ?? 1)
        var svg = "<svg class=\"chart bar-chart\" role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title>\(escape(title))</title>\n"
        if bars.isEmpty {
            svg += "<text x=\"0\" y=\"\(top + 16)\" class=\"empty\">nothing coded yet</text>\n"
        }
        var y = top
        for (i, bar) in bars.enumerated() {
            let rowHeight = rowHeights[i]
            let middle = y + rowHeight / 2
            let full = bar.total * barWidth / maximum
            let part = bar.total == 0 ? 0 : bar.highlighted * full / bar.total
            let share = bar.total == 0 ? 0 : Int((Double(bar.highlighted) * 100 / Double(bar.total)).rounded())
            let words = "\(bar.total) paper\(bar.total == 1 ? "" : "s"), \(bar.highlighted) \(highlightName) (\(share)%)"
            svg += "<g class=\"bar\">"
            svg += "<title>\(escape(bar.label)): \(escape(words))</title>"
            svg += labels[i].svg(rightEdge: labelWidth - 8, middle: middle)
            svg += "<rect class=\"total\" x=\"\(labelWidth)\" y=\"\(middle - 9)\" width=\"\(full)\" height=\"18\"/>"
            svg += "<rect class=\"highlighted\" x=\"\(labelWidth)\" y=\"\(middle - 9)\" width=\"\(part)\" height=\"18\"/>"
            svg += "<text class=\"value\" x=\"\(labelWidth + full + 6)\" y=\"\(middle + 5)\">\(escape(words))</text>"
            svg += "</g>\n"
            y += rowHeight
        }
        return svg + "</svg>"
    }

    /// A heat map of counts: rows × columns, darker for more, each cell labelled with its count.
    /// Cells narrow (down to 24 units) so the map fits `maximumWidth`; the column labels lean
    /// right as they rise, with room above and to the right for the longest.
    public static func heatMap(rows: [String], columns: [String], count: (Int, Int) -> Int, title: String,
                               maximumWidth: Int = pageWidth) -> String {
        let labels = rows.map { ChartLabel($0, fontSize: 13) }
        let labelWidth = ChartLabel.columnWidth(labels)
        let columnCount = max(1, columns.count)
        // A label rotated by 45° reaches sin 45° of its length up and as far right.
        let reach = columns.map { Int((ChartLabel.estimatedWidth($0, fontSize: 12) * 0.7072).rounded(.up)) }
        let longestReach = reach.max() ?? 0
        let cell = max(24, min(56, (maximumWidth - labelWidth - 16 - longestReach / 2) / columnCount))
        var right = 16
        for (c, r) in reach.enumerated() {
            // The label starts at its column's centre; what it reaches past the last cell is margin.
            right = max(right, r - (columnCount - 1 - c) * cell - cell / 2 + 8)
        }
        let header = longestReach + 16
        let cellHeights = labels.map { max(28, $0.lines.count * 16 + 10) }
        let width = labelWidth + columnCount * cell + right
        let height = header + max(28, cellHeights.reduce(0, +)) + 8
        var maximum = 0
        for r in rows.indices { for c in columns.indices { maximum = max(maximum, count(r, c)) } }
        var svg = "<svg class=\"chart heat-map\" role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title>\(escape(title))</title>\n"
        for (c, column) in columns.enumerated() {
            let x = labelWidth + c * cell + cell / 2
            svg += "<text class=\"column\" transform=\"translate(\(x),\(header - 6)) rotate(-45)\">\(escape(column))</text>\n"
        }
        var y = header
        for (r, row) in rows.enumerated() {
            let cellHeight = cellHeights[r]
            svg += labels[r].svg(rightEdge: labelWidth - 8, middle: y + cellHeight / 2) + "\n"
            for c in columns.indices {
                let n = count(r, c)
                let x = labelWidth + c * cell
                // Opacity from 0.08 (one paper) to 1 (the largest cell); empty cells stay blank.
                let opacity = n == 0 || maximum == 0 ? 0 : 0.08 + 0.92 * Double(n) / Double(maximum)
                let rounded = (opacity * 100).rounded() / 100
                svg += "<g class=\"cell\"><title>\(escape(row)) × \(escape(columns[c])): \(n) paper\(n == 1 ? "" : "s")</title>"
                svg += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(cellHeight - 2)\" fill-opacity=\"\(rounded)\"/>"
                if n > 0 {
                    svg += "<text x=\"\(x + cell / 2)\" y=\"\(y + cellHeight / 2 + 4)\" text-anchor=\"middle\" class=\"\(opacity > 0.55 ? "count dark" : "count")\">\(n)</text>"
                }
                svg += "</g>\n"
            }
            y += cellHeight
        }
        return svg + "</svg>"
    }

    /// Escapes text for HTML and SVG content and attribute values.
    ///
    /// Byte by byte: only ASCII is replaced, and no byte of a multi-byte UTF-8 sequence is ASCII.
    /// (Appending a scalar at a time cost 6% of `export --format html` at 10,000 papers.)
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
