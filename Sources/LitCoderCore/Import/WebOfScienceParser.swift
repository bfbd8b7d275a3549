/// Reads Web of Science "plain text" exports (`FN`/`VR` header, `PT` … `ER` records).
///
/// Not RIS, though often saved as `.ris` or `.txt`: tags are two characters and a space,
/// continuation lines are indented by three spaces, and each continuation of `AU`/`AF` is
/// another author.
public enum WebOfScienceParser {
    /// The records of a Web of Science plain-text file.
    public static func parse(_ bytes: [UInt8], file: String) -> ParsedFile {
        var records: [ImportedRecord] = []
        var diagnostics: [Diagnostic] = []
        var current = TaggedFields()
        var inRecord = false
        var lineNumber = 0
        let listTags: Set = ["AU", "AF", "CR", "C1"]
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("   ") {
                guard inRecord, let last = current.fields.last else { continue }
                let value = String(text.dropFirst(3))
                if listTags.contains(last.tag) { current.add(last.tag, value) } else { current.continueLast(value) }
                continue
            }
            let tag = String(text.prefix(2))
            let value = text.count > 3 ? String(text.dropFirst(3)) : ""
            if tag == "PT" {
                inRecord = true
                current = TaggedFields()
                current.line = lineNumber
            }
            if tag == "ER" {
                if inRecord { records.append(record(from: current)) }
                inRecord = false
                continue
            }
            if inRecord, tag.count == 2 { current.add(tag, value) }
        }
        if inRecord {
            diagnostics.append(Diagnostic(file: file, line: current.line, severity: .warning,
                                          message: "the last record has no 'ER' line; it is imported as it stands"))
            records.append(record(from: current))
        }
        return ParsedFile(records: records, diagnostics: diagnostics)
    }

    static func record(from fields: TaggedFields) -> ImportedRecord {
        var record = ImportedRecord(line: fields.line)
        record.title = fields.first("TI")
        record.authors = fields.all("AU")
        if record.authors.isEmpty { record.authors = fields.all("AF") }
        record.setYear(from: fields.first("PY", "EA"))
        record.venue = fields.first("SO")
        record.abstract = fields.first("AB")
        record.doi = fields.first("DI").flatMap { FieldNormalisation.doi($0) }
        record.keywords = (fields.all("DE") + fields.all("ID"))
            .flatMap { $0.split(separator: ";") }
            .compactMap { FieldNormalisation.collapse($0) }
        return record
    }
}
