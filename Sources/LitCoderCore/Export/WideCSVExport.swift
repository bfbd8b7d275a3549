/// The `csv` export: one row per paper (per paper and coder with `--all`), one column per
/// dimension, and a 0/1 column per code of each multi-select dimension.
///
/// Columns: `id` (`coder` after it with `--all`), `title`, `year`, `doi`; per dimension its
/// codes joined with `;` (a text dimension's text); for a multi-select dimension one
/// `DIMENSION.CODE` column per code, 1 when coded; then `note`, `flagged`, `done` (0/1); then one
/// column per alignment (its id) with `aligned`, `mismatched` or `undetermined`. Documented in `docs/export.md`.
public enum WideCSVExport {
    /// The separator between codes in a dimension's column; code ids never contain it.
    public static let codeSeparator = ";"

    /// The header row.
    public static func header(for set: CodedSet) -> [String] {
        var header = ["id"]
        if !set.includesUncodedPapers { header.append("coder") }
        header += ["title", "year", "doi"]
        for dimension in set.codebook.dimensions {
            header.append(dimension.id)
            if dimension.kind == .multi {
                header += dimension.codes.map { "\(dimension.id).\($0.id)" }
            }
        }
        header += ["note", "flagged", "done"]
        header += set.codebook.alignments.map(\.id)
        return header
    }

    /// The whole file as UTF-8 bytes.
    public static func render(_ set: CodedSet) -> [UInt8] {
        let rows = set.rows()
        var csv = CSVWriter(reservingCapacity: rows.count * 256 + 1024)
        csv.writeRow(header(for: set))
        let withCoder = !set.includesUncodedPapers
        let dimensions = set.codebook.dimensions
        let hasAlignments = !set.codebook.alignments.isEmpty
        for row in rows {
            let coding = row.coding
            csv.writeField(row.paper.id)
            if withCoder { csv.writeField(row.coder) }
            csv.writeField(row.paper.title)
            if let year = row.paper.year { csv.writeField(year) } else { csv.writeField("") }
            csv.writeField(row.paper.doi ?? "")
            for dimension in dimensions {
                if dimension.kind == .text {
                    csv.writeField(coding.texts[dimension.id] ?? "")
                    continue
                }
                let codes = coding.codes[dimension.id] ?? []
                csv.writeField(codes.joined(separator: codeSeparator))
                if dimension.kind == .multi {
                    for code in dimension.codes {
                        csv.writeField(codes.contains(code.id) ? 1 : 0)
                    }
                }
            }
            csv.writeField(coding.note)
            csv.writeField(coding.flagged ? 1 : 0)
            csv.writeField(coding.done ? 1 : 0)
            if hasAlignments {
                for result in set.evaluator.evaluate(coding) { csv.writeField(result.outcome.rawValue) }
            }
            csv.endRow()
        }
        return csv.bytes
    }
}
