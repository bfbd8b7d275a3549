/// Reads PubMed's MEDLINE ("PubMed format", `.nbib`) export into records.
///
/// Tags are up to four letters padded to `TAG - `; continuation lines are indented by six
/// spaces; a blank line (or the next `PMID-`) ends a record. Authors come from `FAU` (full
/// names) else `AU`; the DOI from an `AID`/`LID` value marked `[doi]`; keywords from `MH`
/// and `OT`.
public enum MedlineParser {
    /// The records of a MEDLINE file.
    public static func parse(_ bytes: [UInt8], file: String) -> ParsedFile {
        var records: [ImportedRecord] = []
        var current = TaggedFields()
        var lineNumber = 0
        func finish() {
            guard !current.isEmpty else { return }
            records.append(record(from: current))
            current = TaggedFields()
        }
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                finish()
                continue
            }
            if let (tag, value) = tagged(line) {
                if tag == "PMID" { finish() }
                if current.isEmpty { current.line = lineNumber }
                current.add(tag, value)
            } else if line.first == 0x20 || line.first == 0x09 {
                current.continueLast(String(decoding: line, as: UTF8.self))
            }
        }
        finish()
        return ParsedFile(records: records)
    }

    /// `TAG - value` with the tag padded to four characters.
    static func tagged(_ line: ArraySlice<UInt8>) -> (String, String)? {
        let bytes = Array(line)
        guard bytes.count >= 5, bytes[4] == 0x2D, bytes.count == 5 || bytes[5] == 0x20 else { return nil }
        let tagBytes = bytes[0..<4]
        guard let firstByte = tagBytes.first, firstByte >= 0x41, firstByte <= 0x5A,
              tagBytes.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 }) else { return nil }
        var tag = String(decoding: tagBytes, as: UTF8.self)
        while tag.last == " " { tag.removeLast() }
        let value = bytes.count > 6 ? String(decoding: bytes[6...], as: UTF8.self) : ""
        return (tag, value)
    }

    static func record(from fields: TaggedFields) -> ImportedRecord {
        var record = ImportedRecord(line: fields.line)
        record.title = fields.first("TI", "BTI")
        record.authors = fields.all("FAU")
        if record.authors.isEmpty { record.authors = fields.all("AU") }
        record.setYear(from: fields.first("DP", "DEP"))
        record.venue = fields.first("JT", "TA")
        record.abstract = fields.first("AB")
        for value in fields.all("AID") + fields.all("LID") where value.hasSuffix("[doi]") {
            record.doi = FieldNormalisation.doi(value.dropLast("[doi]".count))
            break
        }
        record.keywords = fields.all("OT") + fields.all("MH")
        if let pmid = fields.first("PMID") { record.url = "https://pubmed.ncbi.nlm.nih.gov/\(pmid)/" }
        return record
    }
}
