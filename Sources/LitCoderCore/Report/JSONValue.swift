/// A JSON value whose objects keep their keys in the order written, for output whose key order
/// is documented (Foundation's `JSONEncoder` orders keys by hash unless told to sort them).
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written as litcoder writes every number (`NumberValue.text`: the shortest form that
    /// reads back as the same number, an integer without `.0`); NaN and infinities as null.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// A number, or null when absent.
    public static func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }

    /// The value as text, indented by two spaces per level (`pretty`) or on one line.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        func newline(_ level: Int) {
            guard let _ = indent else { return }
            out += "\n" + String(repeating: "  ", count: level)
        }
        let level = indent ?? 0
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d): out += d.isFinite ? NumberValue.text(d) : "null"
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1)
                item.write(into: &out, indent: indent.map { _ in level + 1 })
            }
            newline(level)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1)
                Self.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(into: &out, indent: indent.map { _ in level + 1 })
            }
            newline(level)
            out += "}"
        }
    }

    private static func quote(_ s: String, into out: inout String) {
        out += PaperJSONLine.quoted(s)
    }
}
