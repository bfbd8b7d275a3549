/// The export formats litcoder reads, and how one is recognised from a file's content.
public enum ImportFormat: String, CaseIterable, Sendable {
    case bibtex, ris, csv, jsonl, medline, wos

    /// The name users read in reports.
    public var displayName: String {
        switch self {
        case .bibtex: "BibTeX"
        case .ris: "RIS"
        case .csv: "CSV"
        case .jsonl: "JSON Lines"
        case .medline: "MEDLINE"
        case .wos: "Web of Science plain text"
        }
    }

    /// The format of decoded text, judged by content rather than by the file's extension
    /// (exports arrive as `.txt`, and PubMed's as `.ris`); throws the reason when none fits.
    public static func detect(_ bytes: [UInt8], file: String) throws(Diagnostic) -> ImportFormat {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x09 { start += 1 }
        guard start < bytes.count else {
            throw Diagnostic(file: file, message: "the file is empty: no records to import",
                             hint: "check that the export finished and saved some records")
        }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 4096)], as: UTF8.self)
        if head.hasPrefix("<") {
            let what = head.contains("<records>") || head.contains("<xml>") ? "EndNote XML" : "XML or HTML"
            throw Diagnostic(file: file, line: 1, message: "this is \(what), which litcoder does not read",
                             hint: "export the references as RIS or BibTeX instead")
        }
        if bytes[start] == 0x7B || bytes[start] == 0x5B {
            return .jsonl
        }
        // The first line that marks a format decides.
        var lineCount = 0
        var hasDelimiter = false
        for line in bytes[start...].split(separator: 0x0A, maxSplits: 2000) {
            lineCount += 1
            if lineCount > 2000 { break }
            let l = Array(line.prefix(8))
            if l.count >= 5, l[2] == 0x20, l[3] == 0x20, l[4] == 0x2D, l[0] == 0x54, l[1] == 0x59 { return .ris }  // `TY  -`
            if l.count >= 5, l.starts(with: Array("PMID-".utf8)) { return .medline }
            if l.starts(with: Array("FN ".utf8)) || l.starts(with: Array("PT ".utf8)) && lineCount <= 3 { return .wos }
            if l.first == 0x40, l.count > 1, (l[1] | 0x20) >= 0x61, (l[1] | 0x20) <= 0x7A { return .bibtex }
            if !hasDelimiter, line.contains(where: { $0 == 0x2C || $0 == 0x3B || $0 == 0x09 }) { hasDelimiter = true }
        }
        if hasDelimiter { return .csv }
        throw Diagnostic(file: file, line: 1,
                         message: "not a format litcoder reads (BibTeX, RIS, CSV/TSV, MEDLINE, Web of Science plain text or JSON Lines)",
                         hint: "export the references in one of those formats, or give --format if this is one")
    }
}
