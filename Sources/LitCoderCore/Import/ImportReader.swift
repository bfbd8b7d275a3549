import Foundation

/// Reads one export file into records: decodes its bytes, recognises its format, parses it.
public enum ImportReader {
    /// What reading a file gave: its format, its records and its problems.
    public struct Result: Sendable {
        public var format: ImportFormat
        public var encoding: String
        public var parsed: ParsedFile
    }

    /// Reads the file at `url`, named `file` in messages.
    ///
    /// Throws a diagnostic naming the file when it cannot be read at all (missing, binary,
    /// an unknown encoding or format, no records): never an empty import in silence.
    /// With `deliver`, BibTeX and RIS records are handed over in batches as they are parsed
    /// (see `BibTeXParser.parse(_:file:progress:deliver:)`); other formats keep theirs in the result.
    public static func read(
        url: URL, file: String, format: ImportFormat? = nil, columnMap: [CSVImporter.Field: String] = [:],
        progress: ((Double) -> Void)? = nil, deliver: ParsedFile.BatchHandler? = nil
    ) throws(Diagnostic) -> Result {
        guard let bytes = FileBytes.contents(atPath: url.path) else {
            throw Diagnostic(file: file, message: "cannot read the file", hint: "check the path and its permissions")
        }
        return try read(bytes: bytes, file: file, format: format, columnMap: columnMap, progress: progress, deliver: deliver)
    }

    /// `read(url:…)` for bytes already in memory.
    public static func read(
        bytes raw: [UInt8], file: String, format: ImportFormat? = nil, columnMap: [CSVImporter.Field: String] = [:],
        progress: ((Double) -> Void)? = nil, deliver: ParsedFile.BatchHandler? = nil
    ) throws(Diagnostic) -> Result {
        guard !raw.isEmpty else {
            throw Diagnostic(file: file, message: "the file is empty: no records to import",
                             hint: "check that the export finished and saved some records")
        }
        let text = try SourceText.decode(raw, file: file)
        let chosen: ImportFormat
        if let format { chosen = format } else { chosen = try ImportFormat.detect(text.bytes, file: file) }
        let format = chosen
        let total = Double(max(1, text.bytes.count))
        let report: ((Int) -> Void)? = progress.map { progress in { progress(Double($0) / total) } }
        var parsed: ParsedFile
        switch format {
        case .bibtex: parsed = BibTeXParser.parse(text.bytes, file: file, progress: report, deliver: deliver)
        case .ris: parsed = RISParser.parse(text.bytes, file: file, progress: report, deliver: deliver)
        case .csv: parsed = try CSVImporter.parse(text.bytes, file: file, map: columnMap)
        case .jsonl: parsed = JSONLinesImporter.parse(text.bytes, file: file)
        case .medline: parsed = MedlineParser.parse(text.bytes, file: file)
        case .wos: parsed = WebOfScienceParser.parse(text.bytes, file: file)
        }
        parsed.diagnostics.insert(contentsOf: text.diagnostics, at: 0)
        if parsed.recordCount == 0, !parsed.diagnostics.contains(where: { $0.severity == .error }) {
            throw Diagnostic(file: file, message: "no records found (read as \(format.displayName))",
                             hint: format == .ris ? "a RIS record starts with a 'TY  - ' line"
                                 : "check that this is an export of references, or give --format")
        }
        return Result(format: format, encoding: text.encoding, parsed: parsed)
    }
}
