import Foundation

/// Reads CSV and TSV exports of Scopus, Web of Science, Semantic Scholar, IEEE Xplore,
/// Springer Link, Embase, PubMed and Zotero into records.
///
/// Finds the delimiter (`,` `;` or tab) and the header row (exports put a preamble above it)
/// by looking for known column names; `--map FIELD=COLUMN` names any other columns.
public enum CSVImporter {
    /// The fields litcoder reads from a table, as `--map` names them.
    public enum Field: String, CaseIterable, Sendable {
        case title, authors, year, doi, abstract, venue, url, keywords, id
    }

    /// Header names per field, lower-cased, most specific first.
    static let knownColumns: [Field: [String]] = [
        .title: ["title", "document title", "article title", "item title", "primary title", "ti", "paper title"],
        .authors: ["authors", "author", "author names", "author full names", "first_authors", "authors/editors", "au", "author(s)"],
        .year: ["year", "publication year", "publication_year", "py", "pubyear", "year published", "publication date", "date"],
        .doi: ["doi", "item doi", "di", "doi link"],
        .abstract: ["abstract", "abstract note", "abstractnote", "ab", "summary"],
        .venue: ["source title", "journal", "journal/book", "publication title", "journal title", "source", "so",
                 "publication", "venue", "publication name", "secondary_title", "journal_name"],
        .url: ["url", "link", "article url"],
        .keywords: ["author keywords", "keywords", "manual tags", "de", "keywords_author"],
        .id: ["id", "key"],
    ]

    /// The records of a CSV/TSV file; `map` overrides column names per field.
    public static func parse(_ bytes: [UInt8], file: String, map: [Field: String] = [:]) throws(Diagnostic) -> ParsedFile {
        guard let (delimiter, headerIndex, columns) = layout(bytes, map: map) else {
            let firstLine = bytes.split(separator: 0x0A).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
            throw Diagnostic(file: file, line: 1,
                             message: "no title column found (first line: \(firstLine.prefix(120)))",
                             hint: "name the columns with --map title=COLUMN,authors=COLUMN,year=COLUMN,doi=COLUMN")
        }
        let (rows, _) = CSVReader.rows(bytes, delimiter: delimiter)
        var diagnostics: [Diagnostic] = []
        var records: [ImportedRecord] = []
        for row in rows.dropFirst(headerIndex + 1) {
            if let problem = row.problem {
                diagnostics.append(Diagnostic(file: file, line: row.line, message: "row skipped: \(problem)",
                                              hint: "fix the quotes on this line, then import the file again"))
                continue
            }
            if row.cells.allSatisfy({ $0.allSatisfy { $0 == " " || $0 == "\t" } }) { continue }
            func cell(_ field: Field) -> String? {
                guard let index = columns[field], index < row.cells.count else { return nil }
                return FieldNormalisation.collapse(row.cells[index])
            }
            var record = ImportedRecord(line: row.line)
            record.key = cell(.id)
            record.title = cell(.title)
            record.authors = cell(.authors).map(splitAuthors) ?? []
            record.setYear(from: cell(.year))
            record.doi = cell(.doi).flatMap { FieldNormalisation.doi($0) }
            record.abstract = cell(.abstract)
            record.venue = cell(.venue)
            record.url = cell(.url)
            record.keywords = cell(.keywords).map { $0.split(separator: ";").compactMap { FieldNormalisation.collapse($0) } } ?? []
            records.append(record)
        }
        return ParsedFile(records: records, diagnostics: diagnostics)
    }

    /// The quoted items of a Python list literal's inside (`'Marx, Karl', 'Lindgren, Astrid'`),
    /// or nil when one never closes. An item may hold commas, so an item runs over the pieces
    /// between commas until one ends with the quote it began with.
    ///
    /// Works on positions in `inner`, never on the text gathered so far: trimming that text
    /// again for every piece made a list whose first item never closes quadratic.
    static func pythonListItems(_ inner: Substring) -> [String]? {
        func isBlank(_ c: Character) -> Bool { c.isWhitespace && !c.isNewline }
        var names: [String] = []
        var pendingStart: Substring.Index?
        // Empty pieces before an item start no item (`[,'a']` is `['a']`).
        var pendingHasText = false
        // The first non-blank character of the pending item, once found, and how far it was looked for.
        var first: Substring.Index?
        var searched = inner.startIndex
        let pieces = inner.split(separator: ",", omittingEmptySubsequences: false)
        for piece in pieces {
            if pendingStart == nil || !pendingHasText {
                pendingStart = piece.startIndex
                first = nil
                searched = piece.startIndex
            }
            if !piece.isEmpty { pendingHasText = true }
            let start = pendingStart ?? piece.startIndex
            while first == nil, searched < piece.endIndex {
                if !isBlank(inner[searched]) { first = searched }
                searched = inner.index(after: searched)
            }
            // The last non-blank character so far: in this piece, else the comma before it.
            var last = piece.lastIndex { !isBlank($0) }
            if last == nil, piece.startIndex > start { last = inner.index(before: piece.startIndex) }
            guard let open = first, let close = last, open < close else { continue }
            let quote = inner[open]
            guard quote == "'" || quote == "\"", inner[close] == quote else { continue }
            if let name = FieldNormalisation.collapse(inner[inner.index(after: open)..<close]) { names.append(name) }
            pendingStart = nil
            pendingHasText = false
        }
        return pendingHasText ? nil : names
    }

    /// The delimiter, the header row's index and the column of each field, or nil when no
    /// delimiter gives a header row with a title column.
    static func layout(_ bytes: [UInt8], map: [Field: String]) -> (UInt8, Int, [Field: Int])? {
        var best: (UInt8, Int, [Field: Int])? = nil
        for delimiter: UInt8 in [0x2C, 0x3B, 0x09] {
            let (rows, _) = CSVReader.rows(bytes, delimiter: delimiter, limit: 30)
            for (index, row) in rows.enumerated() where row.problem == nil && (row.cells.count > 1 || !map.isEmpty) {
                let columns = match(row.cells, map: map)
                guard columns[.title] != nil else { continue }
                if best == nil || columns.count > (best?.2.count ?? 0) { best = (delimiter, index, columns) }
                break
            }
        }
        return best
    }

    /// Which cell of a header row each field is read from.
    static func match(_ header: [String], map: [Field: String]) -> [Field: Int] {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var columns: [Field: Int] = [:]
        for field in Field.allCases {
            if let wanted = map[field] {
                if let index = names.firstIndex(of: wanted.lowercased()) { columns[field] = index }
                continue
            }
            for candidate in knownColumns[field] ?? [] {
                if let index = names.firstIndex(of: candidate) {
                    columns[field] = index
                    break
                }
            }
        }
        return columns
    }

    /// Splits an authors cell: on `;` when it has one; on `,` when every piece has two words
    /// or more (`Yang Z., Jiang B.`; a lone `Marx, Karl` stays whole); a Python list literal
    /// (`['Marx, Karl', 'Lindgren, Astrid']`, as pandas writes lists) item by item.
    public static func splitAuthors(_ cell: String) -> [String] {
        if cell.hasPrefix("["), cell.hasSuffix("]"), cell.contains("'") || cell.contains("\"") {
            if let names = pythonListItems(cell.dropFirst().dropLast()), !names.isEmpty { return names }
        }
        if cell.contains(";") {
            return cell.split(separator: ";").compactMap { FieldNormalisation.collapse($0) }
        }
        let pieces = cell.split(separator: ",").compactMap { FieldNormalisation.collapse($0) }
        guard pieces.count > 1, pieces.allSatisfy({ $0.split(separator: " ").count >= 2 }) else {
            return FieldNormalisation.collapse(cell).map { [$0] } ?? []
        }
        var names = pieces
        // PubMed ends the list with a period (`O'Connor RE.`); initials written with periods keep theirs.
        if names.dropLast().allSatisfy({ !$0.contains(".") }), let last = names.last, last.hasSuffix(".") {
            names[names.count - 1] = String(last.dropLast())
        }
        return names
    }
}
