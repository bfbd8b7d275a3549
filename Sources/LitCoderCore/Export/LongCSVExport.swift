/// The `csv-long` (tidy) export: `paper, coder, dimension, code, evidence`, one row per code applied.
///
/// A text or number dimension's value is one row with the text in `code`, so the form carries every
/// dimension; notes, flags and done marks are not in it (use `csv` or `json` for those).
/// `evidence` holds the code's quotes, each on one line (white space runs as one space), joined
/// with ` | `; a stale quote (`QuoteCheck`) is left out. `litcoder codings import` reads this
/// form back (codes only; quotes are attached with `litcoder evidence`).
public enum LongCSVExport {
    public static let header = ["paper", "coder", "dimension", "code", "evidence"]

    /// Between two quotes of one code in the `evidence` column.
    public static let quoteSeparator = " | "

    /// The whole file as UTF-8 bytes.
    public static func render(_ set: CodedSet) -> [UInt8] {
        var csv = CSVWriter(reservingCapacity: set.corpus.count * max(1, set.states.count) * 96 + 64)
        csv.writeRow(header)
        set.forEachRow { paper, coder, coding in
            let row = CodedSet.Row(paper: paper, coder: coder, coding: coding)
            let check = coding.evidence.isEmpty ? nil : QuoteCheck(paper: paper)
            for dimension in set.codebook.dimensions {
                if !dimension.takesCodes {
                    if let text = row.coding.texts[dimension.id] {
                        csv.writeRow([row.paper.id, row.coder, dimension.id, text, ""])
                    }
                    continue
                }
                for code in row.coding.codes[dimension.id] ?? [] {
                    let quotes = check.map { check in
                        coding.quotes(dimension: dimension.id, code: code).filter(check.holds)
                            .map { EvidenceQuote.displayText($0.text) }.joined(separator: quoteSeparator)
                    } ?? ""
                    csv.writeRow([row.paper.id, row.coder, dimension.id, code, quotes])
                }
            }
            // Dimensions the codebook no longer has stay visible rather than vanish.
            for (dimension, codes) in row.coding.codes.sorted(by: { $0.key < $1.key })
            where set.codebook.dimension(dimension) == nil {
                for code in codes { csv.writeRow([row.paper.id, row.coder, dimension, code, ""]) }
            }
        }
        return csv.bytes
    }
}
