extension EventLineDecoder {
    /// The keys the fast path knows; required ones first, so `rawValue >= dim` means optional.
    enum Key: UInt16 {
        case v, seq, time, coder, paper, op, codebook, dim, codes, text, value, sources, reason, automatic
        case adjudicator
    }

    /// A position in a line, with the strict readers of each JSON value kind the fast path accepts.
    struct Cursor {
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
            let start = index
            if let (slice, ascii) = plainString() {
                return ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
            }
            index = start
            guard take(UInt8(ascii: "\"")), let unescaped = escapedStringBytes() else { return nil }
            return String(validating: unescaped, as: UTF8.self)
        }

        /// A string value without escapes or control characters: the bytes between its quotes,
        /// and whether they are all ASCII; nil (with `index` anywhere) for any other value.
        mutating func plainString() -> (slice: UnsafeBufferPointer<UInt8>, ascii: Bool)? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            var ascii = true
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    return (slice, ascii)
                }
                if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
                if b >= 0x80 { ascii = false }
                index += 1
            }
            return nil
        }

        /// The bytes between the quotes of a string value without escapes or control characters.
        mutating func plainStringSlice() -> UnsafeBufferPointer<UInt8>? { plainString()?.slice }

        /// Passes over a string value as `string()` would read it, without making a String.
        mutating func skipString() -> Bool {
            let start = index
            if let (slice, ascii) = plainString() {
                // Non-ASCII bytes must be valid UTF-8, as when the string is kept.
                return ascii || String(validating: slice, as: UTF8.self) != nil
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
