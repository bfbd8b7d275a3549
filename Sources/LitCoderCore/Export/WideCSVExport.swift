/// The `csv` export: one row per paper (per paper and coder with `--all`), one column per
/// dimension, and a 0/1 column per code of each multi-select dimension (and per code the rows
/// hold that the codebook does not have, after those, so the 0/1 columns always say what the
/// joined column says).
///
/// Columns: `id` (`coder` after it with `--all`), `title`, `year`, `doi`; per dimension its
/// codes joined with `;` (a text dimension's text); for a multi-select dimension one
/// `DIMENSION.CODE` column per code, 1 when coded, 0 when not, empty when the dimension is not
/// coded at all; then `note`, `flagged`, `done` (0/1); then one
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
                header += (dimension.codes.map(\.id) + (set.unknownCodes[dimension.id] ?? [])).map { "\(dimension.id).\($0)" }
            }
        }
        header += ["note", "flagged", "done"]
        header += set.codebook.alignments.map(\.id)
        return header
    }

    /// The whole file as UTF-8 bytes.
    public static func render(_ set: CodedSet) -> [UInt8] {
        let rowCount = set.corpus.count * max(1, set.states.count)
        var csv = CSVWriter(reservingCapacity: rowCount * 200 + 1024)
        csv.writeRow(header(for: set))
        let withCoder = !set.includesUncodedPapers
        // Looked up once, not per row: each dimension's id, kind and codes.
        let dimensions = set.codebook.dimensions
        let ids = dimensions.map(\.id)
        let codeIDs = dimensions.map { $0.codes.map(\.id) + (set.unknownCodes[$0.id] ?? []) }
        // The alignment engine's compiled form: judging a paper is integer work, and only the
        // outcome goes in the csv, so no explanation is built.
        var outcomes = AlignmentOutcomes(set.evaluator)
        // A paper's codes by dimension position, filled by walking its few coded dimensions
        // instead of hashing every dimension id for every row.
        var slots = [[String]?](repeating: nil, count: dimensions.count)
        set.forEachRow { paper, coder, coding in
            csv.writeField(paper.id)
            if withCoder { csv.writeField(coder) }
            csv.writeField(paper.title)
            if let year = paper.year { csv.writeField(year) } else { csv.writeField("") }
            csv.writeField(paper.doi ?? "")
            for i in slots.indices { slots[i] = nil }
            for (dimension, codes) in coding.codes {
                if let i = ids.firstIndex(of: dimension) { slots[i] = codes }
            }
            for i in dimensions.indices {
                switch dimensions[i].kind {
                case .text, .number:
                    csv.writeField(coding.texts.isEmpty ? "" : coding.texts[ids[i]] ?? "")
                case .single:
                    csv.writeCodes(slots[i])
                case .multi:
                    let codes = slots[i]
                    csv.writeCodes(codes)
                    // Not coded is missing, not "none of these": empty cells, which R and pandas
                    // read as NA, so a mean over a code's column counts only coded papers.
                    if let codes, !codes.isEmpty {
                        for code in codeIDs[i] { csv.writeField(codes.contains(code) ? 1 : 0) }
                    } else {
                        for _ in codeIDs[i] { csv.writeField("") }
                    }
                }
            }
            csv.writeField(coding.note)
            csv.writeField(coding.flagged ? 1 : 0)
            csv.writeField(coding.done ? 1 : 0)
            outcomes.forEach(coding) { csv.writeField($0.rawValue) }
            csv.endRow()
        }
        return csv.bytes
    }
}

extension CSVWriter {
    /// A dimension's codes as one field, joined with `;`.
    mutating func writeCodes(_ codes: [String]?) {
        guard let codes, let first = codes.first else {
            writeField("")
            return
        }
        if codes.count == 1 { writeField(first) } else { writeJoined(codes, separator: UInt8(ascii: ";")) }
    }
}
