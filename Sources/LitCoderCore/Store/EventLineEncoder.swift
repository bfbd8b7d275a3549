/// Writes a `CodingEvent` as one JSON line, byte for byte the same every time.
///
/// Keys come in a fixed, readable order (`v`, `seq`, `time`, `coder`, `paper`, `op`, then the
/// operation's fields, then `codebook`, then an adjudication's provenance) rather than JSONEncoder's dictionary order, so a log
/// diffs cleanly and a test can compare lines as text. Absent optional fields are left out.
public enum EventLineEncoder {
    /// The event as JSON bytes followed by a newline.
    public static func line(for event: CodingEvent) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160 + (event.text?.utf8.count ?? 0) + (event.evidence.map { 180 + $0.quote.text.utf8.count } ?? 0))
        out.append(UInt8(ascii: "{"))
        key("v", &out, first: true)
        number(event.v, &out)
        key("seq", &out)
        number(event.seq, &out)
        key("time", &out)
        string(event.time, &out)
        key("coder", &out)
        string(event.coder, &out)
        key("paper", &out)
        string(event.paper, &out)
        key("op", &out)
        string(event.op.rawValue, &out)
        if let dimension = event.dimension {
            key("dim", &out)
            string(dimension, &out)
        }
        if let codes = event.codes {
            key("codes", &out)
            strings(codes, &out)
        }
        if let text = event.text {
            key("text", &out)
            string(text, &out)
        }
        if let evidence = event.evidence {
            key("code", &out)
            string(evidence.code, &out)
            key("field", &out)
            string(evidence.quote.field.rawValue, &out)
            key("start", &out)
            number(evidence.quote.start, &out)
            key("end", &out)
            number(evidence.quote.end, &out)
            key("quote", &out)
            string(evidence.quote.text, &out)
            key("hash", &out)
            string(evidence.quote.fieldHash, &out)
        }
        if let value = event.value {
            key("value", &out)
            out.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
        }
        key("codebook", &out)
        string(event.codebook, &out)
        if let sources = event.sources {
            key("sources", &out)
            strings(sources, &out)
        }
        if let reason = event.reason {
            key("reason", &out)
            string(reason, &out)
        }
        if let automatic = event.automatic {
            key("automatic", &out)
            out.append(contentsOf: automatic ? Array("true".utf8) : Array("false".utf8))
        }
        if let adjudicator = event.adjudicator {
            key("adjudicator", &out)
            string(adjudicator, &out)
        }
        out.append(UInt8(ascii: "}"))
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private static func key(_ name: StaticString, _ out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    private static func number(_ value: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }

    static func strings(_ values: [String], _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(value, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
    static func string(_ value: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
