/// A table of strings that renders as aligned plain text, a Markdown pipe table, a LaTeX
/// `tabular` (booktabs rules) or CSV, so every report and export draws tables the same way.
public struct TextTable: Hashable, Sendable {
    /// One column: its heading, which side its cells hug, and an optional width cap.
    public struct Column: Hashable, Sendable {
        public var title: String
        public var alignLeft: Bool
        /// Cells wider than this many terminal columns are cut with `…` (plain text only).
        public var maxWidth: Int?

        public init(_ title: String, alignLeft: Bool = true, maxWidth: Int? = nil) {
            self.title = title
            self.alignLeft = alignLeft
            self.maxWidth = maxWidth
        }

        /// A right-aligned column, for numbers.
        public static func number(_ title: String) -> Column { Column(title, alignLeft: false) }
    }

    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The cell at a position, empty when a row is short.
    public func cell(_ row: [String], _ column: Int) -> String {
        row.indices.contains(column) ? row[column] : ""
    }

    /// Terminal columns each column takes in `plain`, heading included.
    public var columnWidths: [Int] {
        columns.indices.map { c in
            let widest = rows.reduce(DisplayWidth.of(columns[c].title)) { max($0, DisplayWidth.of(cell($1, c))) }
            return min(widest, columns[c].maxWidth ?? widest)
        }
    }

    /// The width of `plain` output, without its indent.
    public func plainWidth(gap: Int = 2) -> Int {
        let widths = columnWidths
        return widths.reduce(0, +) + gap * max(0, widths.count - 1)
    }

    /// Aligned columns, a heading and a rule under it; trailing spaces trimmed.
    public func plain(indent: String = "", gap: Int = 2) -> String {
        let widths = columnWidths
        let spacer = String(repeating: " ", count: gap)
        func render(_ cells: [String]) -> String {
            let padded = columns.indices.map { c -> String in
                let text = DisplayWidth.truncate(cell(cells, c), to: widths[c])
                return DisplayWidth.pad(text, to: widths[c], alignLeft: columns[c].alignLeft)
            }
            var line = indent + padded.joined(separator: spacer)
            while line.last == " " { line.removeLast() }
            return line
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: spacer)
        return ([render(columns.map(\.title)), rule] + rows.map(render)).joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown pipe table.
    public func markdown() -> String {
        func render(_ cells: [String]) -> String {
            "| " + columns.indices.map { Markdown.cell(cell(cells, $0)) }.joined(separator: " | ") + " |"
        }
        let rule = "|" + columns.map { $0.alignLeft ? " --- |" : " ---: |" }.joined()
        return ([render(columns.map(\.title)), rule] + rows.map(render)).joined(separator: "\n") + "\n"
    }

    /// A `tabular` with booktabs rules (`\usepackage{booktabs}`); cells escaped.
    public func latex() -> String {
        let spec = columns.map { $0.alignLeft ? "l" : "r" }.joined()
        func render(_ cells: [String]) -> String {
            columns.indices.map { LaTeX.escape(cell(cells, $0)) }.joined(separator: " & ") + " \\\\"
        }
        var lines = ["\\begin{tabular}{\(spec)}", "\\toprule", render(columns.map(\.title)), "\\midrule"]
        lines += rows.map(render)
        lines += ["\\bottomrule", "\\end{tabular}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The heading and rows as CSV.
    public func csv(_ writer: CSVWriter = CSVWriter()) -> String {
        writer.document(header: columns.map(\.title), rows: rows.map { r in columns.indices.map { cell(r, $0) } })
    }
}
