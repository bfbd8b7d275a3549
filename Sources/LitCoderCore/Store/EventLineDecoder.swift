import Foundation

/// Reads event lines: a strict fast path for the lines litcoder writes, JSONDecoder for the rest.
///
/// Replaying a million events with JSONDecoder alone takes several seconds; this parser handles
/// the flat objects `EventLineEncoder` writes (strings, whole numbers, booleans, null, lists of
/// strings) in a fraction of that. Anything it does not expect — an unknown key, a duplicate
/// key, a number with a fraction, invalid UTF-8 — makes it give up, and the line goes to
/// JSONDecoder, so correctness never depends on the fast path.
///
/// The fast path reads a line into `Fields`, in which the strings a log repeats on every line
/// (coder, dimension, codebook hash) and its code lists are numbers in the decoder's `names`:
/// a log of a million events holds a handful of those strings and a few hundred lists, so each
/// is kept once, and a replay (`CodingState.Replay`) looks up a column or a code list by its
/// number instead of hashing strings. `fastDecode(_:)` makes a `CodingEvent` of the fields.
///
/// Not thread-safe, and `Fields` mean something only with the decoder that read them.
public struct EventLineDecoder {
    /// What the numbers in `Fields` stand for. A copy taken from a decoder stays true for every
    /// line that decoder read before it; later lines may use numbers it does not have yet.
    struct Names: Sendable {
        /// Coder names, dimension ids and codebook hashes, by number.
        var strings: [String] = []
        /// Code lists, by number.
        var lists: [[String]] = []
        /// Keeps `identity` unique while any copy lives.
        fileprivate var owner = Owner()
        final class Owner: Sendable {}
        /// Tells one decoder's names from another's (`CodingState.Replay` keeps lookups by
        /// number). A copy of a decoder shares it until either adds a name: that one then gets
        /// its own.
        private(set) var identity: ObjectIdentifier

        init() { identity = ObjectIdentifier(owner) }

        /// Before a name is added: a copy that shares `owner` must not take the new name's
        /// number for what it adds itself.
        fileprivate mutating func willAdd() {
            guard !isKnownUniquelyReferenced(&owner) else { return }
            owner = Owner()
            identity = ObjectIdentifier(owner)
        }

        /// Adds names read after these, in the order they were numbered.
        mutating func append(strings newStrings: [String], lists newLists: [[String]]) {
            guard !newStrings.isEmpty || !newLists.isEmpty else { return }
            willAdd()
            strings += newStrings
            lists += newLists
        }

        /// The event that fields read with these names make.
        func event(from fields: Fields) -> CodingEvent {
            CodingEvent(v: fields.v, seq: fields.seq, time: fields.time ?? "", coder: strings[Int(fields.coder)],
                        paper: fields.paper, op: fields.op,
                        dimension: fields.dimension < 0 ? nil : strings[Int(fields.dimension)],
                        codes: fields.codes < 0 ? nil : lists[Int(fields.codes)], text: fields.text, value: fields.value,
                        codebook: strings[Int(fields.codebook)], sources: fields.sources, reason: fields.reason,
                        automatic: fields.automatic, adjudicator: fields.adjudicator)
        }
    }

    /// An event line as the fast path read it, before it is made a `CodingEvent`.
    struct Fields: Sendable {
        var v = 0
        var seq = 0
        /// Nil when the decoder does not keep times (`keepsTime`).
        var time: String?
        /// `names.strings[coder]`.
        var coder: Int32 = -1
        var paper = ""
        var op = CodingEvent.Operation.view
        /// `names.strings[dimension]`, or -1 for none.
        var dimension: Int32 = -1
        /// `names.lists[codes]`, or -1 for none.
        var codes: Int32 = -1
        var text: String?
        var value: Bool?
        /// `names.strings[codebook]`.
        var codebook: Int32 = -1
        var sources: [String]?
        var reason: String?
        var automatic: Bool?
        var adjudicator: String?
    }

    private(set) var names = Names()
    /// The bytes of `names.strings` and of `names.lists` (as `EventLineEncoder` writes a list),
    /// to find them again.
    private var stringTable = ByteStringTable()
    private var listTable = ByteStringTable()
    /// Per name field (coder, dimension, codebook), the string it had on the last line, when
    /// that string needs no escape: a line that repeats it is matched in place.
    private var lastNames: (Int32, Int32, Int32) = (-1, -1, -1)
    private let jsonDecoder = JSONDecoder()
    /// Whether events carry their `time`. Replaying into a state never reads it, and leaving it
    /// out saves a String per event; the line is still checked exactly as when it is kept.
    public var keepsTime: Bool

    public init(keepsTime: Bool = true) { self.keepsTime = keepsTime }

    /// The event on one line (without its newline), or the reason it is not one.
    public mutating func decode(_ line: UnsafeBufferPointer<UInt8>) -> Result<CodingEvent, DecodeFailure> {
        if let fields = fields(of: line) { return .success(event(from: fields)) }
        return slowDecode(line)
    }

    /// A line the fast path did not read, through JSONDecoder.
    func slowDecode(_ line: UnsafeBufferPointer<UInt8>) -> Result<CodingEvent, DecodeFailure> {
        do {
            return .success(try jsonDecoder.decode(CodingEvent.self, from: Data(line)))
        } catch {
            var reason = JSONErrorText.describe(error)
            if reason == JSONErrorText.invalidJSON, let problem = numberProblem(in: line) { reason = problem }
            return .failure(DecodeFailure(reason: reason, version: version(of: line)))
        }
    }

    /// Which whole-number field holds a number no Int holds (`0.5`, `1e30`, 2^70), when that is
    /// why the line failed: Foundation's JSONDecoder calls such a line "not valid JSON", which
    /// sends the person fixing it looking for a missing brace.
    private func numberProblem(in line: UnsafeBufferPointer<UInt8>) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
        for key in ["v", "seq", "start", "end"] {
            guard let number = object[key] as? NSNumber, Int(number.stringValue) == nil else { continue }
            let shown = number.stringValue.count > 40 ? String(number.stringValue.prefix(20)) + "…" : number.stringValue
            return "\"\(key)\" should be a whole number; it is \(shown)"
        }
        return nil
    }

    /// The `v` of a line that is not an event this litcoder reads, when it has one: a line of a
    /// newer schema (a new operation, say) is then reported as such rather than as damage.
    private func version(of line: UnsafeBufferPointer<UInt8>) -> Int? {
        struct Versioned: Decodable { var v: Int }
        return try? jsonDecoder.decode(Versioned.self, from: Data(line)).v
    }

    /// Convenience for tests and small inputs.
    public mutating func decode(_ line: [UInt8]) -> Result<CodingEvent, DecodeFailure> {
        line.withUnsafeBufferPointer { decode($0) }
    }

    /// Why a line is not an event, in words for a diagnostic.
    public struct DecodeFailure: Error, Hashable, Sendable {
        public var reason: String
        /// The line's `v`, when it is an object with a whole-number `v`.
        public var version: Int?

        public init(reason: String, version: Int? = nil) {
            self.reason = reason
            self.version = version
        }
    }

    /// The fast path alone: nil whenever the line is anything but the expected shape.
    public mutating func fastDecode(_ line: UnsafeBufferPointer<UInt8>) -> CodingEvent? {
        fields(of: line).map(event(from:))
    }

    /// The event the fields of a line read by this decoder make.
    func event(from fields: Fields) -> CodingEvent { names.event(from: fields) }

    /// The fast path: the fields of a line of the expected shape, nil for anything else.
    mutating func fields(of line: UnsafeBufferPointer<UInt8>) -> Fields? {
        var cursor = Cursor(bytes: line)
        var fields = Fields()
        var seen: UInt16 = 0
        var present: UInt16 = 0
        cursor.skipSpace()
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        cursor.skipSpace()
        if cursor.take(UInt8(ascii: "}")) { return nil }
        while true {
            cursor.skipSpace()
            guard let key = cursor.key() else { return nil }
            let bit: UInt16 = 1 << key.rawValue
            guard seen & bit == 0 else { return nil }
            seen |= bit
            cursor.skipSpace()
            guard cursor.take(UInt8(ascii: ":")) else { return nil }
            cursor.skipSpace()
            if cursor.takeNull() {
                // Only optional fields may be null, as for JSONDecoder's decodeIfPresent.
                guard key.rawValue >= Key.dim.rawValue, key != .codebook else { return nil }
            } else {
                present |= bit
                switch key {
                case .v: guard let n = cursor.integer() else { return nil }; fields.v = n
                case .seq: guard let n = cursor.integer() else { return nil }; fields.seq = n
                case .time:
                    if keepsTime {
                        guard let s = cursor.string() else { return nil }
                        fields.time = s
                    } else {
                        guard cursor.skipString() else { return nil }
                    }
                case .coder: guard let n = name(&cursor, field: 0) else { return nil }; fields.coder = n
                case .paper: guard let s = cursor.string() else { return nil }; fields.paper = s
                case .op: guard let o = cursor.operation() else { return nil }; fields.op = o
                case .dim: guard let n = name(&cursor, field: 1) else { return nil }; fields.dimension = n
                case .codes: guard let n = list(&cursor) else { return nil }; fields.codes = n
                case .text: guard let s = cursor.string() else { return nil }; fields.text = s
                case .value: guard let b = cursor.boolean() else { return nil }; fields.value = b
                case .codebook: guard let n = name(&cursor, field: 2) else { return nil }; fields.codebook = n
                case .sources: guard let list = cursor.stringList() else { return nil }; fields.sources = list
                case .reason: guard let s = cursor.string() else { return nil }; fields.reason = s
                case .automatic: guard let b = cursor.boolean() else { return nil }; fields.automatic = b
                case .adjudicator: guard let s = cursor.string() else { return nil }; fields.adjudicator = s
                }
            }
            cursor.skipSpace()
            if cursor.take(UInt8(ascii: ",")) { continue }
            guard cursor.take(UInt8(ascii: "}")) else { return nil }
            break
        }
        cursor.skipSpace()
        // The required keys, each there and not null.
        let required: UInt16 = 1 << Key.v.rawValue | 1 << Key.seq.rawValue | 1 << Key.time.rawValue
            | 1 << Key.coder.rawValue | 1 << Key.paper.rawValue | 1 << Key.op.rawValue | 1 << Key.codebook.rawValue
        guard cursor.atEnd, present & required == required else { return nil }
        // An evidence line's quote has keys of its own, which this path does not read: one that
        // got here has none, and JSONDecoder says what it lacks.
        guard fields.op != .evidence else { return nil }
        return fields
    }

    /// The number of the next string value (a coder, dimension or codebook hash) in `names`,
    /// matched in place when it is the one this field had on the last line.
    private mutating func name(_ cursor: inout Cursor, field: Int) -> Int32? {
        let last = field == 0 ? lastNames.0 : field == 1 ? lastNames.1 : lastNames.2
        if last >= 0, let end = stringTable.matchesQuoted(last, in: cursor.bytes, at: cursor.index) {
            cursor.index = end
            return last
        }
        let start = cursor.index
        let number: Int32
        var plain = false
        if let raw = cursor.plainStringSlice() {
            guard let known = self.number(of: raw, in: .strings, adding: { names in
                guard let s = String(validating: raw, as: UTF8.self) else { return false }
                names.strings.append(s)
                return true
            }) else { return nil }
            number = known
            plain = true
        } else {
            // Escapes: the table holds the string's own bytes, found again however it was escaped.
            cursor.index = start
            guard let s = cursor.string() else { return nil }
            guard let known = Array(s.utf8).withUnsafeBufferPointer({ raw in
                self.number(of: raw, in: .strings, adding: { $0.strings.append(s); return true })
            }) else { return nil }
            number = known
        }
        // Only a string written without escapes can be matched in place on the next line.
        let next: Int32 = plain ? number : -1
        switch field {
        case 0: lastNames.0 = next
        case 1: lastNames.1 = next
        default: lastNames.2 = next
        }
        return number
    }

    /// The number of the next list of strings in `names`, by its bytes as `EventLineEncoder`
    /// writes the list (the bytes of the line itself when it is written so).
    private mutating func list(_ cursor: inout Cursor) -> Int32? {
        let start = cursor.index
        if cursor.skipCompactPlainStringList() {
            let raw = UnsafeBufferPointer(rebasing: cursor.bytes[start..<cursor.index])
            let hash = ByteStringTable.hash(raw)
            if let known = listTable.find(raw, hash: hash) { return known }
        }
        cursor.index = start
        guard let list = cursor.stringList() else { return nil }
        var canonical: [UInt8] = []
        EventLineEncoder.strings(list, &canonical)
        return canonical.withUnsafeBufferPointer { raw in
            number(of: raw, in: .lists, adding: { $0.lists.append(list); return true })
        }
    }

    private enum Table { case strings, lists }

    /// The number of `raw` in one of the tables; when it is not there, `add` puts its value in
    /// `names` (or refuses, false) and it gets the next number.
    private mutating func number(of raw: UnsafeBufferPointer<UInt8>, in table: Table,
                                 adding add: (inout Names) -> Bool) -> Int32? {
        let hash = ByteStringTable.hash(raw)
        switch table {
        case .strings: if let known = stringTable.find(raw, hash: hash) { return known }
        case .lists: if let known = listTable.find(raw, hash: hash) { return known }
        }
        guard table == .strings ? stringTable.hasRoom : listTable.hasRoom else { return nil }
        names.willAdd()
        guard add(&names) else { return nil }
        switch table {
        case .strings: return stringTable.add(raw, hash: hash)
        case .lists: return listTable.add(raw, hash: hash)
        }
    }

    /// The keys the fast path knows; required ones first, so `rawValue >= dim` means optional.
    private enum Key: UInt16 {
        case v, seq, time, coder, paper, op, codebook, dim, codes, text, value, sources, reason, automatic
        case adjudicator
    }

    /// A position in a line, with the strict readers of each JSON value kind the fast path accepts.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        mutating func skipSpace() {
            while index < bytes.count {
                let b = bytes[index]
                guard b == 0x20 || b == 0x09 || b == 0x0D else { return }
                index += 1
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func takeLiteral(_ literal: StaticString) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard index + n <= bytes.count else { return false }
            let start = literal.utf8Start
            for i in 0..<n where bytes[index + i] != start[i] { return false }
            index += n
            return true
        }

        mutating func takeNull() -> Bool { takeLiteral("null") }

        mutating func boolean() -> Bool? {
            if takeLiteral("true") { return true }
            if takeLiteral("false") { return false }
            return nil
        }

        /// A whole number of at most 18 digits, no fraction, exponent or leading zero.
        ///
        /// Digits past the 18th are passed over without being added: 18 digits always fit an
        /// `Int`, and a longer number makes the fast path give up (JSONDecoder then reports it).
        mutating func integer() -> Int? {
            let negative = take(UInt8(ascii: "-"))
            let start = index
            var value = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if index - start < 18 { value = value * 10 + Int(bytes[index] - 0x30) }
                index += 1
            }
            let digits = index - start
            guard digits > 0, digits <= 18, !(digits > 1 && bytes[start] == 0x30) else { return nil }
            if index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { return nil }
            }
            return negative ? -value : value
        }

        /// Which known key comes next, by its bytes: its first byte picks the names to try, each
        /// compared with its closing quote (a key with an escape in it is none of them).
        mutating func key() -> Key? {
            guard take(UInt8(ascii: "\"")), index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "v"):
                if takeLiteral("v\"") { return .v }
                return takeLiteral("value\"") ? .value : nil
            case UInt8(ascii: "s"):
                if takeLiteral("seq\"") { return .seq }
                return takeLiteral("sources\"") ? .sources : nil
            case UInt8(ascii: "t"):
                if takeLiteral("time\"") { return .time }
                return takeLiteral("text\"") ? .text : nil
            case UInt8(ascii: "c"):
                if takeLiteral("coder\"") { return .coder }
                if takeLiteral("codes\"") { return .codes }
                return takeLiteral("codebook\"") ? .codebook : nil
            case UInt8(ascii: "p"): return takeLiteral("paper\"") ? .paper : nil
            case UInt8(ascii: "o"): return takeLiteral("op\"") ? .op : nil
            case UInt8(ascii: "d"): return takeLiteral("dim\"") ? .dim : nil
            case UInt8(ascii: "r"): return takeLiteral("reason\"") ? .reason : nil
            case UInt8(ascii: "a"):
                if takeLiteral("automatic\"") { return .automatic }
                return takeLiteral("adjudicator\"") ? .adjudicator : nil
            default: return nil
            }
        }

        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            var ascii = true
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    return ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
                }
                if b == UInt8(ascii: "\\") {
                    index = start
                    guard let unescaped = escapedStringBytes() else { return nil }
                    return String(validating: unescaped, as: UTF8.self)
                }
                if b < 0x20 { return nil }
                if b >= 0x80 { ascii = false }
                index += 1
            }
            return nil
        }

        /// The bytes between the quotes of a string value without escapes or control characters.
        mutating func plainStringSlice() -> UnsafeBufferPointer<UInt8>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    return slice
                }
                if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        /// Passes over a string value as `string()` would read it, without making a String.
        mutating func skipString() -> Bool {
            let start = index
            guard take(UInt8(ascii: "\"")) else { return false }
            var ascii = true
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    index += 1
                    // Non-ASCII bytes must be valid UTF-8, as when the string is kept.
                    return ascii || String(validating: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(index - 1)]), as: UTF8.self) != nil
                }
                if b == UInt8(ascii: "\\") || b < 0x20 { break }
                ascii = ascii && b < 0x80
                index += 1
            }
            index = start
            return string() != nil
        }

        /// Passes over a list of ASCII strings written as `EventLineEncoder` writes one: no
        /// space, no escape, no control character. False (with `index` anywhere) for anything else.
        mutating func skipCompactPlainStringList() -> Bool {
            guard take(UInt8(ascii: "[")) else { return false }
            if take(UInt8(ascii: "]")) { return true }
            while true {
                guard let slice = plainStringSlice(), slice.allSatisfy({ $0 < 0x80 }) else { return false }
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]"))
            }
        }

        /// Unescapes a string whose opening quote is already taken; `index` is its first byte.
        mutating func escapedStringBytes() -> [UInt8]? {
            var out: [UInt8] = []
            while index < bytes.count {
                let b = bytes[index]
                index += 1
                switch b {
                case UInt8(ascii: "\""):
                    return out
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let e = bytes[index]
                    index += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(scalar) {
                            // A high surrogate must be followed by an escaped low one.
                            guard takeLiteral("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00..<0xE000).contains(scalar) {
                            return nil
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { return nil }
                        UTF8.encode(unicode) { out.append($0) }
                    default:
                        return nil
                    }
                default:
                    if b < 0x20 { return nil }
                    out.append(b)
                }
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[index]
                let digit: UInt8
                switch b {
                case 0x30...0x39: digit = b - 0x30
                case 0x61...0x66: digit = b - 0x61 + 10
                case 0x41...0x46: digit = b - 0x41 + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// An operation name, matched on its bytes (no String is made for it).
        mutating func operation() -> CodingEvent.Operation? {
            let start = index
            guard take(UInt8(ascii: "\"")), index < bytes.count else { return nil }
            let operation: CodingEvent.Operation
            switch bytes[index] {
            case UInt8(ascii: "s"): operation = .set
            case UInt8(ascii: "v"): operation = .view
            case UInt8(ascii: "d"): operation = .done
            case UInt8(ascii: "f"): operation = .flag
            case UInt8(ascii: "n"): operation = .note
            case UInt8(ascii: "a"): operation = .adjudicate
            default: return nil
            }
            guard takeOperationName(operation), take(UInt8(ascii: "\"")) else {
                index = start
                return nil
            }
            return operation
        }

        private mutating func takeOperationName(_ operation: CodingEvent.Operation) -> Bool {
            switch operation {
            case .set: takeLiteral("set")
            case .note: takeLiteral("note")
            case .flag: takeLiteral("flag")
            case .done: takeLiteral("done")
            case .view: takeLiteral("view")
            case .adjudicate: takeLiteral("adjudicate")
            case .evidence: takeLiteral("evidence")
            }
        }

        mutating func stringList() -> [String]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var list: [String] = []
            skipSpace()
            if take(UInt8(ascii: "]")) { return list }
            while true {
                skipSpace()
                guard let s = string() else { return nil }
                list.append(s)
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]")) ? list : nil
            }
        }
    }
}
