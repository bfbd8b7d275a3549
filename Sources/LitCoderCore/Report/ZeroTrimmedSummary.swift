/// A summary with its all-zero rows and columns taken out, for the paper-ready forms
/// (Markdown, LaTeX), where 80 rows of 0 hide the few that count.
public struct ZeroTrimmedSummary: Hashable, Sendable {
    /// The summary without the rows and columns that are all zero.
    public var summary: Summary
    /// Table rows left out: codes no paper carries (by-code, cross-tab and per-dimension tables).
    public var hiddenRows: Int
    /// Cross-tab columns left out: contexts no paper's codes provide with any `from` code.
    public var hiddenColumns: Int

    public init(_ full: Summary) {
        var trimmed = full
        var rows = 0
        var columns = 0
        for index in trimmed.alignments.indices {
            var alignment = trimmed.alignments[index]
            let before = alignment.byCode.count
            alignment.byCode.removeAll { $0.papers == 0 }
            rows += before - alignment.byCode.count
            let table = alignment.crosstab
            let keptRows = table.rows.indices.filter { r in table.columns.indices.contains { table.count(row: r, column: $0) > 0 } }
            let keptColumns = table.columns.indices.filter { c in table.rows.indices.contains { table.count(row: $0, column: c) > 0 } }
            rows += table.rows.count - keptRows.count
            columns += table.columns.count - keptColumns.count
            alignment.crosstab = Summary.CrossTab(
                rows: keptRows.map { table.rows[$0] }, columns: keptColumns.map { table.columns[$0] },
                counts: keptRows.map { r in keptColumns.map { table.count(row: r, column: $0) } })
            trimmed.alignments[index] = alignment
        }
        for index in trimmed.dimensions.indices {
            let before = trimmed.dimensions[index].counts.count
            trimmed.dimensions[index].counts.removeAll { $0.papers == 0 }
            rows += before - trimmed.dimensions[index].counts.count
        }
        summary = trimmed
        hiddenRows = rows
        hiddenColumns = columns
    }

    /// `Hidden: 83 rows and 20 columns where every count is 0 (--all-codes shows them).`, or nil.
    public var note: String? {
        guard hiddenRows + hiddenColumns > 0 else { return nil }
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var parts: [String] = []
        if hiddenRows > 0 { parts.append(count(hiddenRows, "row")) }
        if hiddenColumns > 0 { parts.append(count(hiddenColumns, "column")) }
        return "Hidden: \(parts.joined(separator: " and ")) where every count is 0 (--all-codes shows them)."
    }
}
