/// The forms a report can be printed in.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned plain text for the terminal, readable at 80 columns.
    case table
    /// GitHub-flavoured Markdown, ready to paste.
    case markdown
    /// Long-form CSV, one count a line, for R or pandas.
    case csv
    /// The documented JSON form (`docs/summary.md`).
    case json
    /// LaTeX `tabular`s with booktabs rules, ready to paste into a paper.
    case latex
}
