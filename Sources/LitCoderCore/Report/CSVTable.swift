import Foundation

/// A CSV file read into records, each with the line it starts on, for messages that say
/// `FILE:LINE`.
///
/// Reads RFC 4180 (quoted fields may hold commas, doubled quotes and line breaks) and what
/// spreadsheets write around it: a UTF-8 byte-order mark, LF or CRLF line ends, a missing
/// final line end. Blank lines are skipped.
public struct CSVTable: Sendable {
    /// One record: its fields and the 1-based line it starts on.
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
    }

    public var records: [Record]

    /// Why a CSV file could not be read.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case unterminatedQuote(line: Int)
        case notUTF8

        public var description: String {
            switch self {
            case .unterminatedQuote(let line):
                "line \(line): a quoted field is never closed; close it with \" or remove the stray quote"
            case .notUTF8:
                "the file is not UTF-8 text; save it as CSV UTF-8"
            }
        }

        /// The line the problem is on, when there is one.
        public var line: Int? {
            if case .unterminatedQuote(let line) = self { return line }
            return nil
        }
    }

    /// Parses CSV bytes.
    public init(data: Data) throws(ParseError) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .notUTF8 }
        records = try Self.parse(bytes)
    }

    /// Parses CSV text.
    public init(text: String) throws(ParseError) {
        try self.init(data: Data(text.utf8))
    }

    private static func parse(_ bytes: [UInt8]) throws(ParseError) -> [Record] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var index = 0

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            let blank = fields.count == 1 && fields[0].isEmpty
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case quote where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case comma:
                endField()
            case cr where index + 1 < bytes.count && bytes[index + 1] == lf:
                break
            case lf, cr:
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
            index += 1
        }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
