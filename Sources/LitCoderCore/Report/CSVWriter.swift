import Foundation

/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted only when they must be.
///
/// A field is quoted when it holds a comma, a double quote, CR or LF, or starts or ends with a
/// space (spreadsheets trim those otherwise); a quote inside is doubled. The output is UTF-8
/// without a byte-order mark, which `pandas.read_csv` and R's `read.csv` read with no options.
/// Rows are appended to a byte buffer, so 100,000 rows cost one allocation growth curve,
/// not one string per field.
public struct CSVWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0

    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends one whole row.
    public mutating func writeRow(_ fields: [String]) {
        for field in fields { writeField(field) }
        endRow()
    }

    /// Appends one field to the current row.
    public mutating func writeField(_ field: String) {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
        var field = field
        field.withUTF8 { utf8 in
            if Self.needsQuotes(utf8) {
                bytes.append(UInt8(ascii: "\""))
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// Appends one field made of `parts` joined by `separator`, without building the joined
    /// string when no part needs quoting (the common case: code ids).
    public mutating func writeJoined(_ parts: [String], separator: UInt8) {
        let plain = separator != UInt8(ascii: ",") && separator != UInt8(ascii: "\"")
            && separator != UInt8(ascii: "\r") && separator != UInt8(ascii: "\n")
            && parts.allSatisfy { part in
                var part = part
                return part.withUTF8 { !Self.needsQuotes($0) && $0.first != UInt8(ascii: " ") && $0.last != UInt8(ascii: " ") }
            }
        guard plain else {
            writeField(parts.joined(separator: String(UnicodeScalar(separator))))
            return
        }
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
        for (i, part) in parts.enumerated() {
            if i > 0 { bytes.append(separator) }
            var part = part
            part.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// Appends an integer field without going through a String.
    public mutating func writeField(_ value: Int) {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }

    /// Ends the current row with CRLF, as RFC 4180 asks.
    public mutating func endRow() {
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
        fieldsInRow = 0
    }

    /// The CSV text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    static func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first == UInt8(ascii: " ") || last == UInt8(ascii: " ") { return true }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"): return true
            default: continue
            }
        }
        return false
    }
}
