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
}
