/// A JSON value whose objects keep their keys in the order written, so that reports read
/// top-down as documented (Foundation's encoders sort or scramble keys).
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// The JSON text; `indent` > 0 pretty-prints with that many spaces a level.
    public func rendered(indent: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    private func write(into out: inout String, indent: Int, level: Int) {
        let pretty = indent > 0
        let newline = pretty ? "\n" : ""
        let pad = { (n: Int) in pretty ? String(repeating: " ", count: n * indent) : "" }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if !pretty || fitsOnOneLine(indent: indent, level: level) {
                out += "[" + items.map { $0.rendered() }.joined(separator: pretty ? ", " : ",") + "]"
                return
            }
            out += "[" + newline
            for (i, item) in items.enumerated() {
                out += pad(level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
                out += (i < items.count - 1 ? "," : "") + newline
            }
            out += pad(level) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            if pretty && fitsOnOneLine(indent: indent, level: level) {
                out += "{" + members.map { key, value in
                    var pair = ""
                    Self.quote(key, into: &pair)
                    return pair + ": " + value.rendered()
                }.joined(separator: ", ") + "}"
                return
            }
            out += "{" + newline
            for (i, (key, value)) in members.enumerated() {
                out += pad(level + 1)
                Self.quote(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, indent: indent, level: level + 1)
                out += (i < members.count - 1 ? "," : "") + newline
            }
            out += pad(level) + "}"
        }
    }

    /// Whether a container of scalars only is short enough to print on one line, so that a
    /// crosstab row or a `{"code", "papers"}` pair reads as one line.
    private func fitsOnOneLine(indent: Int, level: Int) -> Bool {
        let children: [JSONValue]
        switch self {
        case .array(let items): children = items
        case .object(let members): children = members.map(\.1)
        default: return true
        }
        let scalarsOnly = children.allSatisfy {
            switch $0 {
            case .array, .object: false
            default: true
            }
        }
        return scalarsOnly && rendered().count + indent * (level + 1) <= 88
    }

    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
