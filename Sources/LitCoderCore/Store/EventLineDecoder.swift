import Foundation

/// Reads event lines: a strict fast path for the lines litcoder writes, JSONDecoder for the rest.
///
/// Replaying a million events with JSONDecoder alone takes several seconds; this parser handles
/// the flat objects `EventLineEncoder` writes (strings, whole numbers, booleans, null, lists of
/// strings) in a fraction of that. Anything it does not expect — an unknown key, a duplicate
/// key, a number with a fraction, invalid UTF-8 — makes it give up, and the line goes to
/// JSONDecoder, so correctness never depends on the fast path.
///
/// Not thread-safe: it remembers the previous line's repeated strings (coder, codebook hash,
/// dimension) and the code lists it has met, so a log of a million events shares their storage
/// instead of allocating them again for every line.
public struct EventLineDecoder {
    private var recentStrings: [String] = []
    private var recentBytes: [[UInt8]] = []
    /// Code lists met so far, by the FNV-1a hash of their bytes (`["iemocap","ravdess"]`).
    private var knownLists: [UInt64: [(bytes: [UInt8], list: [String])]] = [:]
    private var knownListCount = 0
    private let jsonDecoder = JSONDecoder()
    /// Whether events carry their `time`. Replaying into a state never reads it, and leaving it
    /// out saves a String per event; the line is still checked exactly as when it is kept.
    public var keepsTime: Bool

    public init(keepsTime: Bool = true) { self.keepsTime = keepsTime }

    /// The event on one line (without its newline), or the reason it is not one.
    public mutating func decode(_ line: UnsafeBufferPointer<UInt8>) -> Result<CodingEvent, DecodeFailure> {
        if let event = fastDecode(line) { return .success(event) }
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
        var cursor = Cursor(bytes: line)
        var v: Int?, seq: Int?
        var time: String?, coder: String?, paper: String?, op: CodingEvent.Operation?
        var dimension: String?, codes: [String]?, text: String?, value: Bool?
        var codebook: String?, sources: [String]?, reason: String?, automatic: Bool?
        var adjudicator: String?
        var seen: UInt16 = 0
        cursor.skipSpace()
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        cursor.skipSpace()
        if cursor.take(UInt8(ascii: "}")) { return nil }
        while true {
            cursor.skipSpace()
            guard let key = cursor.keyIndex() else { return nil }
            let bit: UInt16 = 1 << key
            guard seen & bit == 0 else { return nil }
            seen |= bit
            cursor.skipSpace()
            guard cursor.take(UInt8(ascii: ":")) else { return nil }
            cursor.skipSpace()
            if cursor.takeNull() {
                // Only optional fields may be null, as for JSONDecoder's decodeIfPresent.
                guard key >= Key.dim.rawValue, key != Key.codebook.rawValue else { return nil }
            } else {
                switch Key(rawValue: key) {
                case .v: guard let n = cursor.integer() else { return nil }; v = n
                case .seq: guard let n = cursor.integer() else { return nil }; seq = n
                case .time:
                    if keepsTime {
                        guard let s = cursor.string() else { return nil }
                        time = s
                    } else {
                        guard cursor.skipString() else { return nil }
                        time = ""
                    }
                case .coder: guard let s = recent(&cursor, slot: 0) else { return nil }; coder = s
                case .paper: guard let s = cursor.string() else { return nil }; paper = s
                case .op: guard let o = cursor.operation() else { return nil }; op = o
                case .dim: guard let s = recent(&cursor, slot: 1) else { return nil }; dimension = s
                case .codes: guard let list = knownList(&cursor) else { return nil }; codes = list
                case .text: guard let s = cursor.string() else { return nil }; text = s
                case .value: guard let b = cursor.boolean() else { return nil }; value = b
                case .codebook: guard let s = recent(&cursor, slot: 2) else { return nil }; codebook = s
                case .sources: guard let list = cursor.stringList() else { return nil }; sources = list
                case .reason: guard let s = cursor.string() else { return nil }; reason = s
                case .automatic: guard let b = cursor.boolean() else { return nil }; automatic = b
                case .adjudicator: guard let s = cursor.string() else { return nil }; adjudicator = s
                case nil: return nil
                }
            }
            cursor.skipSpace()
            if cursor.take(UInt8(ascii: ",")) { continue }
            guard cursor.take(UInt8(ascii: "}")) else { return nil }
            break
        }
        cursor.skipSpace()
        guard cursor.atEnd, let v, let seq, let time, let coder, let paper, let op, let codebook else { return nil }
        // An evidence line's quote has keys of its own, which this path does not read: one that
        // got here has none, and JSONDecoder says what it lacks.
        guard op != .evidence else { return nil }
        return CodingEvent(v: v, seq: seq, time: time, coder: coder, paper: paper, op: op,
                           dimension: dimension, codes: codes, text: text, value: value,
                           codebook: codebook, sources: sources, reason: reason, automatic: automatic,
                           adjudicator: adjudicator)
    }

    /// The next string value, reusing the previous one in `slot` when its bytes are the same.
    private mutating func recent(_ cursor: inout Cursor, slot: Int) -> String? {
        let start = cursor.index
        guard let raw = cursor.plainStringSlice() else {
            cursor.index = start
            return cursor.string()
        }
        while recentBytes.count <= slot {
            recentBytes.append([])
            recentStrings.append("")
        }
        let same = recentBytes[slot].withUnsafeBufferPointer { previous in
            guard previous.count == raw.count else { return false }
            guard let a = previous.baseAddress, let b = raw.baseAddress else { return true }
            return memcmp(a, b, raw.count) == 0
        }
        if same { return recentStrings[slot] }
        guard let s = String(validating: raw, as: UTF8.self) else { return nil }
        recentBytes[slot] = Array(raw)
        recentStrings[slot] = s
        return s
    }

    /// The next list of strings, shared with an earlier line whose list had the same bytes.
    ///
    /// A codebook has few codes and coders pick few at a time, so a log repeats a small number
    /// of distinct lists; sharing them saves an Array (and its Strings) per event. After 4,096
    /// distinct lists new ones are no longer remembered, which bounds the memory on odd logs.
    private mutating func knownList(_ cursor: inout Cursor) -> [String]? {
        let start = cursor.index
        guard cursor.skipPlainStringList() else {
            cursor.index = start
            return cursor.stringList()
        }
        let raw = UnsafeBufferPointer(rebasing: cursor.bytes[start..<cursor.index])
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in raw { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        if let candidates = knownLists[hash] {
            for candidate in candidates where candidate.bytes.count == raw.count {
                let same = candidate.bytes.withUnsafeBufferPointer { known in
                    guard let a = known.baseAddress, let b = raw.baseAddress else { return true }
                    return memcmp(a, b, raw.count) == 0
                }
                if same { return candidate.list }
            }
        }
        cursor.index = start
        guard let list = cursor.stringList() else { return nil }
        if knownListCount < 4_096 {
            knownLists[hash, default: []].append((Array(raw), list))
            knownListCount += 1
        }
        return list
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

        /// Which known key comes next, by its bytes.
        mutating func keyIndex() -> UInt16? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let key = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            switch key.count {
            case 1: return key[0] == UInt8(ascii: "v") ? Key.v.rawValue : nil
            case 2: return equal(key, "op") ? Key.op.rawValue : nil
            case 3:
                if equal(key, "seq") { return Key.seq.rawValue }
                return equal(key, "dim") ? Key.dim.rawValue : nil
            case 4:
                if equal(key, "time") { return Key.time.rawValue }
                return equal(key, "text") ? Key.text.rawValue : nil
            case 5:
                if equal(key, "coder") { return Key.coder.rawValue }
                if equal(key, "paper") { return Key.paper.rawValue }
                if equal(key, "codes") { return Key.codes.rawValue }
                return equal(key, "value") ? Key.value.rawValue : nil
            case 6: return equal(key, "reason") ? Key.reason.rawValue : nil
            case 7: return equal(key, "sources") ? Key.sources.rawValue : nil
            case 8: return equal(key, "codebook") ? Key.codebook.rawValue : nil
            case 9: return equal(key, "automatic") ? Key.automatic.rawValue : nil
            case 11: return equal(key, "adjudicator") ? Key.adjudicator.rawValue : nil
            default: return nil
            }
        }

        private func equal(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
            guard key.count == name.utf8CodeUnitCount else { return false }
            let start = name.utf8Start
            for i in 0..<key.count where key[i] != start[i] { return false }
            return true
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
            if let slice = plainStringSlice() {
                // Non-ASCII bytes must be valid UTF-8, as when the string is kept.
                return slice.allSatisfy { $0 < 0x80 } || String(validating: slice, as: UTF8.self) != nil
            }
            index = start
            return string() != nil
        }

        /// Passes over a list of strings without escapes or control characters; false (with
        /// `index` anywhere) for anything else.
        mutating func skipPlainStringList() -> Bool {
            guard take(UInt8(ascii: "[")) else { return false }
            skipSpace()
            if take(UInt8(ascii: "]")) { return true }
            while true {
                skipSpace()
                guard let slice = plainStringSlice(), slice.allSatisfy({ $0 < 0x80 }) else { return false }
                skipSpace()
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
