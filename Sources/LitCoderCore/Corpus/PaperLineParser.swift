/// Parses one corpus line (a JSON object) straight from its bytes into a `Paper`.
///
/// Written by hand rather than with `JSONDecoder` for two reasons: every command opens the
/// corpus, and this is about ten times faster (see `docs/performance.md`); and it knows where
/// it failed, so a message can say `"year" should be a whole number` or name the column of a
/// stray character instead of Foundation's bare "not valid JSON". It is strict JSON (RFC 8259):
/// a raw TAB inside a string is an error, as it is for every other JSON reader.
///
/// The bytes must already be valid UTF-8 (`CorpusLoader` checks that first), so string slices
/// without escapes become `String`s without another pass.
struct PaperLineParser {
    /// Why a line is not a paper record; `column` counts bytes from 1.
    struct Failure: Error, Equatable {
        var message: String
        var column: Int?
        var hint: String?
    }

    /// The paper and the keys it had that a paper does not, in the order written.
    struct Record {
        var paper: Paper
        var unknownKeys: [String]
    }

    static let knownKeys = ["id", "title", "authors", "year", "venue", "doi", "url", "abstract", "keywords", "source"]

    /// Nesting deeper than this inside an unknown key's value is refused rather than risking the stack.
    private static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The paper on `line`, which holds one JSON object and optional surrounding whitespace.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(Failure) -> Record {
        var parser = PaperLineParser(line)
        return try parser.parseRecord()
    }

    // MARK: The record

    private mutating func parseRecord() throws(Failure) -> Record {
        skipWhitespace()
        guard let first = peek() else { throw syntax("the line is empty") }
        guard first == UInt8(ascii: "{") else { throw notAnObject(first) }
        position += 1
        var id: String?, title: String?, authors: [String]?, year: Int?, venue: String?, doi: String?
        var url: String?, abstract: String?, keywords: [String]?, source: String?
        var unknown: [String] = []
        // Looked up in a set: a line of many unknown keys made `unknown.contains` quadratic.
        var unknownSeen: Set<String> = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw expected("a key in double quotes") }
                let key = try parseString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw expected("':' after \"\(key)\"") }
                position += 1
                skipWhitespace()
                guard peek() != nil else { throw endOfLine() }
                switch key {
                case "id": id = try requiredString(key)
                case "title": title = try requiredString(key)
                case "authors": authors = try optionalStringList(key)
                case "year":
                    let start = position
                    year = try optionalWholeNumber(key)
                    if let value = year, !Paper.yearRange.contains(value) {
                        throw typeError("\"year\" \(value) is out of range (a year is \(Paper.yearRange.lowerBound) to \(Paper.yearRange.upperBound))", at: start)
                    }
                case "venue": venue = try optionalString(key)
                case "doi": doi = try optionalString(key)
                case "url": url = try optionalString(key)
                case "abstract": abstract = try optionalString(key)
                case "keywords": keywords = try optionalStringList(key)
                case "source": source = try optionalString(key)
                default:
                    if unknownSeen.insert(key).inserted { unknown.append(key) }
                    try skipValue(depth: 0)
                }
                skipWhitespace()
                guard let next = peek() else { throw endOfLine() }
                position += 1
                if next == UInt8(ascii: "}") { break }
                guard next == UInt8(ascii: ",") else { position -= 1; throw expected("',' or '}'") }
            }
        }
        skipWhitespace()
        guard position == bytes.count else { throw syntax("unexpected text after the object", at: position) }
        guard let id else { throw Failure(message: "missing \"id\"", column: nil, hint: nil) }
        guard let title else { throw Failure(message: "missing \"title\"", column: nil, hint: nil) }
        let paper = Paper(
            id: id, title: title, authors: authors ?? [], year: year, venue: venue, doi: doi, url: url,
            abstract: abstract ?? "", keywords: keywords ?? [], source: source)
        return Record(paper: paper, unknownKeys: unknown)
    }

    private mutating func requiredString(_ key: String) throws(Failure) -> String {
        switch peek() {
        case UInt8(ascii: "\""): return try parseString()
        case UInt8(ascii: "n"): throw typeError("\"\(key)\" is null, expected a string")
        default: throw typeError("\"\(key)\" should be a string")
        }
    }

    private mutating func optionalString(_ key: String) throws(Failure) -> String? {
        if try parseNull() { return nil }
        guard peek() == UInt8(ascii: "\"") else { throw typeError("\"\(key)\" should be a string") }
        return try parseString()
    }

    private mutating func optionalStringList(_ key: String) throws(Failure) -> [String]? {
        if try parseNull() { return nil }
        guard peek() == UInt8(ascii: "[") else { throw typeError("\"\(key)\" should be a list of strings") }
        position += 1
        var items: [String] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { position += 1; return items }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw typeError("\"\(key)[\(items.count)]\" should be a string") }
            items.append(try parseString())
            skipWhitespace()
            guard let next = peek() else { throw endOfLine() }
            position += 1
            if next == UInt8(ascii: "]") { return items }
            guard next == UInt8(ascii: ",") else { position -= 1; throw expected("',' or ']'") }
        }
    }

    private mutating func optionalWholeNumber(_ key: String) throws(Failure) -> Int? {
        if try parseNull() { return nil }
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        var value = 0
        var digits = 0
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw typeError("\"\(key)\" is too large", at: start) }
            value = sum
            digits += 1
            position += 1
        }
        let isFraction = peek().map { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? false
        guard digits > 0 else { throw typeError("\"\(key)\" should be a whole number", at: start) }
        guard isFraction else { return bytes[start] == UInt8(ascii: "-") ? -value : value }
        // 2021.0 and 2.021e3 are whole numbers too; JSONDecoder reads them as Int as well.
        position = start
        try skipNumber()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let number = Double(text), number.rounded() == number, abs(number) < 1e15 else {
            throw typeError("\"\(key)\" should be a whole number", at: start)
        }
        return Int(number)
    }

    /// Consumes `null` when it is next; false (consuming nothing) otherwise.
    private mutating func parseNull() throws(Failure) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    // MARK: JSON values

    /// A string starting at the opening quote; leaves `position` after the closing one.
    private mutating func parseString() throws(Failure) -> String {
        position += 1
        let start = position
        // Fast path: most strings have no escapes, so take the slice as it is.
        while position < bytes.count {
            // Eight bytes at a time while none of them ends the run (most of an abstract).
            if position + 8 <= bytes.count, let base = bytes.baseAddress,
               !Self.mayEndRun(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)) {
                position += 8
                continue
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte) }
            position += 1
        }
        guard position < bytes.count else { throw endOfLine() }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try appendEscape(to: &scalars)
            case 0..<0x20:
                throw controlCharacter(byte)
            default:
                // The run of plain bytes up to the next quote, escape or control byte, at once:
                // a byte at a time cost half of the corpus load when abstracts hold escapes.
                let run = position
                repeat { position += 1 } while position < bytes.count && bytes[position] >= 0x20
                    && bytes[position] != UInt8(ascii: "\"") && bytes[position] != UInt8(ascii: "\\")
                scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
            }
        }
        throw endOfLine()
    }

    /// Whether any of the eight bytes of `word` is a quote, a backslash or a control byte
    /// (below 0x20): the "has a zero byte" and "has a byte less than n" tests of Bit Twiddling
    /// Hacks, exact as a yes or no, since a borrow can mark a byte only above one truly marked.
    private static func mayEndRun(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let belowSpace = (word &- ones &* 0x20) & ~word & highs != 0
        return belowSpace || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// Decodes the escape at `position` (a backslash) into UTF-8 bytes.
    private mutating func appendEscape(to output: inout [UInt8]) throws(Failure) {
        let escapeStart = position
        position += 1
        guard let letter = peek() else { throw endOfLine() }
        position += 1
        let simple: UInt8? = switch letter {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "/"): UInt8(ascii: "/")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple { output.append(simple); return }
        guard letter == UInt8(ascii: "u") else {
            throw syntax("invalid escape '\\\(Character(Unicode.Scalar(letter)))'", at: escapeStart)
        }
        var value = try hexQuad(escapeStart)
        if (0xD800...0xDBFF).contains(value) {
            // A character outside the BMP arrives as a surrogate pair: \uD83D\uDE00.
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            else { throw syntax("unpaired surrogate in a \\u escape", at: escapeStart) }
            position += 2
            let low = try hexQuad(escapeStart)
            guard (0xDC00...0xDFFF).contains(low) else { throw syntax("unpaired surrogate in a \\u escape", at: escapeStart) }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(value) {
            throw syntax("unpaired surrogate in a \\u escape", at: escapeStart)
        }
        guard let scalar = Unicode.Scalar(value) else { throw syntax("invalid \\u escape", at: escapeStart) }
        UTF8.encode(scalar) { output.append($0) }
    }

    private mutating func hexQuad(_ escapeStart: Int) throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw endOfLine() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntax("invalid \\u escape (four hex digits expected)", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Skips any JSON value (the value of a key a paper does not have), checking its syntax.
    private mutating func skipValue(depth: Int) throws(Failure) {
        guard depth < Self.maximumDepth else { throw syntax("values nested more than \(Self.maximumDepth) deep") }
        guard let byte = peek() else { throw endOfLine() }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try parseString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            position += 1
            skipWhitespace()
            if peek() == close { position += 1; return }
            while true {
                skipWhitespace()
                if close == UInt8(ascii: "}") {
                    guard peek() == UInt8(ascii: "\"") else { throw expected("a key in double quotes") }
                    _ = try parseString()
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ":") else { throw expected("':'") }
                    position += 1
                    skipWhitespace()
                }
                try skipValue(depth: depth + 1)
                skipWhitespace()
                guard let next = peek() else { throw endOfLine() }
                position += 1
                if next == close { return }
                guard next == UInt8(ascii: ",") else {
                    position -= 1
                    throw expected("',' or '\(Character(Unicode.Scalar(close)))'")
                }
            }
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw expected("a value")
        }
    }

    private mutating func skipNumber() throws(Failure) {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        func digits(_ parser: inout PaperLineParser) -> Int {
            var count = 0
            while let byte = parser.peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { parser.position += 1; count += 1 }
            return count
        }
        guard digits(&self) > 0 else { throw syntax("invalid number", at: start) }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw syntax("invalid number", at: start) }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw syntax("invalid number", at: start) }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(Failure) {
        let start = position
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw syntax("invalid value", at: start) }
        let expectedBytes = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[position + offset] != expectedBytes[offset] {
            throw syntax("invalid value", at: start)
        }
        position += count
    }

    // MARK: Reading and failing

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    private func syntax(_ what: String, at offset: Int? = nil) -> Failure {
        let column = (offset ?? position) + 1
        // The column goes to the diagnostic's location (FILE:LINE:COLUMN), not into the words.
        return Failure(message: "not valid JSON: \(what)", column: column, hint: nil)
    }

    private func expected(_ what: String) -> Failure {
        guard let byte = peek() else { return endOfLine() }
        let found = byte < 0x80 && byte >= 0x20 ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(Self.hex(byte, digits: 2))"
        return syntax("expected \(what), found \(found)")
    }

    private func endOfLine() -> Failure {
        Failure(message: "not valid JSON: the line ends before the object is closed", column: nil,
                hint: "each record must be complete on one line; was the line cut short, or does a string hold a raw line break?")
    }

    private func controlCharacter(_ byte: UInt8) -> Failure {
        var failure = syntax("unescaped control character U+\(Self.hex(byte, digits: 4))")
        failure.hint = "inside a JSON string, write a tab as \\t and a line break as \\n"
        return failure
    }

    private func typeError(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(message: message, column: (offset ?? position) + 1, hint: nil)
    }

    private func notAnObject(_ first: UInt8) -> Failure {
        let kind: String
        switch first {
        case UInt8(ascii: "["): kind = "a JSON list"
        case UInt8(ascii: "\""): kind = "a JSON string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): kind = "a JSON true/false"
        case UInt8(ascii: "n"): kind = "JSON null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = "a JSON number"
        default: return expected("'{' (each line is one JSON object)")
        }
        return Failure(message: "the line is \(kind), not a JSON object", column: position + 1, hint: nil)
    }

    private static func hex(_ byte: UInt8, digits: Int) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
