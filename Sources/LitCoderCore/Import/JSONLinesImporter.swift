import Foundation

/// Reads JSON Lines: litcoder's own paper records and the common variants other tools write.
///
/// Accepted per line: `title`; `abstract` or `abstractNote`; `authors` (or `author`) as a
/// list of strings, a list of objects (`{"name"}`, `{"family","given"}`), or one string
/// separated by `;` or ` and `; `year` as a number or text, else `date`/`publicationDate`;
/// `doi`/`DOI` or `externalIds.DOI`; `venue`/`journal`/`container-title`; `url`; `keywords`;
/// `id`.
public enum JSONLinesImporter {
    /// The records of a JSON Lines file; a line that is not a JSON object is skipped and reported.
    public static func parse(_ bytes: [UInt8], file: String) -> ParsedFile {
        var records: [ImportedRecord] = []
        var diagnostics: [Diagnostic] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                diagnostics.append(Diagnostic(file: file, line: lineNumber, message: "not a JSON object; line skipped",
                                              hint: "each line must be one JSON object with at least a \"title\""))
                continue
            }
            records.append(record(from: object, line: lineNumber))
        }
        return ParsedFile(records: records, diagnostics: diagnostics)
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String: FieldNormalisation.collapse(s)
        case let n as NSNumber: n.stringValue
        case let list as [Any]: list.first.flatMap { string($0) }
        default: nil
        }
    }

    static func record(from object: [String: Any], line: Int) -> ImportedRecord {
        func first(_ keys: String...) -> String? {
            for key in keys { if let value = string(object[key]) { return value } }
            return nil
        }
        var record = ImportedRecord(line: line)
        record.key = first("id", "key", "citationKey")
        record.title = first("title")
        record.abstract = first("abstract", "abstractNote", "abstract_note")
        record.authors = authors(object["authors"] ?? object["author"] ?? object["creators"])
        if let year = object["year"] as? Int, Paper.yearRange.contains(year) {
            record.year = year
        } else if let year = object["year"] as? Int {
            // A number no year can be: reported as an unreadable year, as `in press` is.
            record.unreadableYear = String(year)
        } else {
            record.setYear(from: first("year", "date", "publicationDate", "publication_date", "issued"))
            if record.year == nil, let issued = object["issued"] as? [String: Any],
               let parts = issued["date-parts"] as? [[Any]], let y = parts.first?.first {
                record.setYear(from: string(y))
            }
        }
        var doi = first("doi", "DOI")
        if doi == nil, let ids = object["externalIds"] as? [String: Any] { doi = string(ids["DOI"]) }
        record.doi = doi.flatMap { FieldNormalisation.doi($0) }
        record.venue = first("venue", "journal", "container-title", "publicationTitle", "journal_name")
        record.url = first("url", "URL")
        switch object["keywords"] {
        case let list as [Any]: record.keywords = list.compactMap { string($0) }
        case let s as String: record.keywords = s.split(whereSeparator: { $0 == ";" || $0 == "," }).compactMap { FieldNormalisation.collapse($0) }
        default: break
        }
        return record
    }

    static func authors(_ value: Any?) -> [String] {
        switch value {
        case let s as String:
            let separated = s.contains(";") ? s.components(separatedBy: ";") : s.components(separatedBy: " and ")
            return separated.compactMap { FieldNormalisation.collapse($0) }
        case let list as [Any]:
            return list.compactMap { item in
                if let s = item as? String { return FieldNormalisation.collapse(s) }
                guard let person = item as? [String: Any] else { return nil }
                if let name = string(person["name"]) { return name }
                let family = string(person["family"] ?? person["lastName"])
                let given = string(person["given"] ?? person["firstName"])
                switch (family, given) {
                case let (f?, g?): return "\(f), \(g)"
                case let (f?, nil): return f
                case let (nil, g?): return g
                default: return nil
                }
            }
        default:
            return []
        }
    }
}
