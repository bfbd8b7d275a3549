/// The forms `litcoder export` writes; see `docs/export.md`.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable {
    /// Wide CSV for R and pandas: one row per paper.
    case csv
    /// Tidy CSV: one row per code applied; `codings import` reads it back.
    case csvLong = "csv-long"
    case jsonl
    case json
    /// The codebook as a REFI-QDA Codebook Exchange file.
    case qdc
    /// The coded set as a REFI-QDA project (a zip) for NVivo, ATLAS.ti, MAXQDA, QualCoder.
    case qdpx
    /// A self-contained report with charts.
    case html
    /// A Markdown paragraph for a paper's methods section.
    case methods
    /// The papers as a BibTeX bibliography.
    case bibtex
    /// The papers as RIS references.
    case ris

}
