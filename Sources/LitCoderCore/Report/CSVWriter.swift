/// Writes comma-separated values as RFC 4180 describes: a field is quoted when it holds the
/// separator, a quote, a line break, or leading/trailing spaces, and quotes are doubled.
///
/// Lines end in `\n` by default (what R, pandas and spreadsheets all read); pass `\r\n` for
/// strict RFC 4180. Values are written as they are: no spreadsheet-formula escaping, because
/// the files are for analysis tools and must round-trip exactly.
public struct CSVWriter: Sendable {
    public var separator: Character
    public var lineEnding: String

    public init(separator: Character = ",", lineEnding: String = "\n") {
        self.separator = separator
        self.lineEnding = lineEnding
    }

    /// One field, quoted if it needs to be.
    public func field(_ value: String) -> String {
        let needsQuotes = value.contains(separator) || value.contains("\"") || value.contains("\n")
            || value.contains("\r") || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, with its line ending.
    public func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: String(separator)) + lineEnding
    }

    /// A header and its records.
    public func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(line).joined()
    }
}
