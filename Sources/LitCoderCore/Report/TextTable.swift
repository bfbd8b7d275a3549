/// A plain-text table with aligned columns, for command output; also renders as Markdown,
/// CSV and a LaTeX `tabular`, so every report and export draws tables the same way.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Columns (by index) aligned right, typically numbers.
    public var rightAligned: Set<Int> = []
    /// Per column (by index), the most terminal columns a cell may take in plain text; longer
    /// cells are cut with `…` so a report stays within 80 columns.
    public var maxWidths: [Int: Int] = [:]

    public init(header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    /// A table with its rows and width caps given at once.
    public init(header: [String], rightAligned: Set<Int> = [], maxWidths: [Int: Int] = [:], rows: [[String]]) {
        self.header = header
        self.rightAligned = rightAligned
        self.maxWidths = maxWidths
        self.rows = rows
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    private var columnCount: Int { ([header] + rows).map(\.count).max() ?? 0 }

    private func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }

    /// Terminal columns each column takes in plain text, heading included.
    public var columnWidths: [Int] { columnWidths(of: [header] + rows) }

    private func columnWidths(of all: [[String]]) -> [Int] {
        (0..<columnCount).map { c in
            let widest = all.reduce(0) { max($0, DisplayWidth.of(TerminalText.escaped(cell($1, c), keepingLineBreaks: false))) }
            return min(widest, maxWidths[c] ?? widest)
        }
    }

    /// The width of the plain-text table, without indent.
    public var width: Int {
        let widths = columnWidths
        return widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    }

    /// The table with a ruled header, columns two spaces apart, no trailing spaces.
    public func rendered() -> String { rendered(indent: "") }

    /// The plain-text table with every line indented.
    /// Cells are shown as `TerminalText.escaped` shows them, on one line, so a control
    /// character or line break in data can neither drive the terminal nor break a row.
    public func rendered(indent: String) -> String {
        let widths = columnWidths
        func line(_ row: [String]) -> String {
            var cells: [String] = []
            for i in widths.indices {
                let text = DisplayWidth.truncate(TerminalText.escaped(cell(row, i), keepingLineBreaks: false), to: widths[i])
                cells.append(DisplayWidth.pad(text, to: widths[i], alignLeft: !rightAligned.contains(i)))
            }
            // No trailing spaces; a reversed-and-dropped copy cost a quarter of a million
            // instructions a line (the generic path builds it a Character at a time).
            var text = cells.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return indent + text
        }
        let rule = indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// The table as GitHub-flavoured Markdown.
    public func markdown() -> String {
        let head = "| " + header.map(Markdown.cell).joined(separator: " | ") + " |"
        let rule = "|" + header.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined()
        let body = rows.map { "| " + $0.map(Markdown.cell).joined(separator: " | ") + " |" }
        return ([head, rule] + body).joined(separator: "\n")
    }

    /// The table as CSV (RFC 4180: fields with a comma, quote or line break are quoted).
    public func csv() -> String {
        func field(_ s: String) -> String {
            guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n")
    }

    /// The table as a LaTeX `tabular` with booktabs rules (`\usepackage{booktabs}`), cells escaped.
    public func latex() -> String {
        let count = columnCount
        let spec = (0..<count).map { rightAligned.contains($0) ? "r" : "l" }.joined()
        func line(_ row: [String]) -> String {
            (0..<count).map { LaTeX.escape(cell(row, $0)) }.joined(separator: " & ") + " \\\\"
        }
        let lines = ["\\begin{tabular}{\(spec)}", "\\toprule", line(header), "\\midrule"] + rows.map(line)
            + ["\\bottomrule", "\\end{tabular}"]
        return lines.joined(separator: "\n")
    }
}
