import Foundation

/// Reads BibTeX (and biblatex) files into records, skipping and reporting broken entries.
///
/// Handles `@string` macros (with the month abbreviations predefined), `#` concatenation,
/// nested braces, quoted and bare values, `@comment` and `@preamble`, entries of any type,
/// `(…)` as well as `{…}` delimiters. Works on UTF-8 bytes: a 95 MB export must parse in
/// about a second.
///
/// `@string` expansion is bounded, because a few hundred bytes of macros that each repeat
/// the one before (`@string{m1 = m0 # m0}` …) expand to gigabytes: no value may exceed
/// `largestValue` after expansion (a macro that would is left undefined, an entry that would
/// use it is skipped, each with an error), and the macros used in one file may not add more
/// than `expansionFactor` times its size (at least `largestValue`).
public struct BibTeXParser {
    /// The most bytes one value (a field, or a macro's text) may have after `@string` expansion.
    public static let largestValue = 1 << 20
    /// How many times its own size the macros of a file may expand to in all.
    public static let expansionFactor = 10
    let p: UnsafeBufferPointer<UInt8>
    let file: String
    var i = 0
    var lines = LineCounter()
    /// The start and line of the last entry normalised: where counting the next batch's lines begins.
    var entryLines = (offset: 0, line: 1)
    var macros: [String: [UInt8]] = BibTeXParser.monthMacros
    /// Macros whose text would be larger than `largestValue`: the size it would have.
    var oversizedMacros: [String: UInt64] = [:]
    /// Bytes macro expansion has added so far, and how many it may add in all.
    var expanded = 0
    let expansionBudget: Int
    /// Entries read but not yet normalised: a batch at a time, so they never all sit in memory.
    var entries: [Entry] = []
    /// The records so far (or the count of those delivered).
    var output = ParsedFile()
    /// Receives each normalised batch instead of `records`, when given.
    var deliver: ParsedFile.BatchHandler?
    var diagnostics: [Diagnostic] = []

    init(p: UnsafeBufferPointer<UInt8>, file: String, deliver: ParsedFile.BatchHandler?) {
        self.p = p
        self.file = file
        self.deliver = deliver
        let (budget, overflow) = p.count.multipliedReportingOverflow(by: Self.expansionFactor)
        expansionBudget = max(overflow ? Int.max : budget, Self.largestValue)
    }

    /// The records of a BibTeX file; `progress` is told the byte offset now and then.
    ///
    /// With `deliver`, the records are handed over in batches of a few thousand, in file order,
    /// as soon as they are normalised, and not kept in the result (see `ParsedFile.deliveredCount`).
    public static func parse(_ bytes: [UInt8], file: String, progress: ((Int) -> Void)? = nil,
                             deliver: ParsedFile.BatchHandler? = nil) -> ParsedFile {
        bytes.withUnsafeBufferPointer { p in
            var parser = BibTeXParser(p: p, file: file, deliver: deliver)
            parser.run(progress: progress)
            parser.normalisePending()
            parser.output.diagnostics = parser.diagnostics
            return parser.output
        }
    }

    /// A syntax error: what went wrong, where, and where reading can go on.
    struct SyntaxError: Error {
        var offset: Int
        var message: String
        var resume: Int?
    }

    /// A field's value: a span of the file, or bytes put together from macros and `#`.
    enum Value {
        case span(Range<Int>)
        case bytes([UInt8])
        /// Longer than `largestValue` after expansion, so never put together: the length it would
        /// have (saturating), and the first oversized macro it uses, if any.
        case oversized(UInt64, macro: String?)
    }

    static let monthMacros: [String: [UInt8]] = {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
        var table: [String: [UInt8]] = [:]
        for m in months { table[m.prefix(3).lowercased()] = Array(m.utf8) }
        return table
    }()

    // MARK: Scanning

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    static func isNameByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D, 0x3A, 0x2E, 0x2B, 0x2F, 0x27, 0x21, 0x3F, 0x2A, 0x26, 0x3C, 0x3E, 0x5B, 0x5D, 0x7C, 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    /// A name (entry type, field, macro) in lower case; most are already, and need no second string.
    static func lowercasedName(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let name = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? name.lowercased() : name
    }

    mutating func skipSpace() {
        while i < p.count, Self.isSpace(p[i]) { i += 1 }
    }

    mutating func run(progress: ((Int) -> Void)?) {
        let n = p.count
        var nextReport = 1 << 20
        while i < n {
            guard let at = nextAt(from: i) else { break }
            if let progress, at >= nextReport {
                progress(at)
                nextReport = at + (1 << 20)
            }
            i = at + 1
            skipSpace()
            let typeStart = i
            while i < n, Self.isNameByte(p[i]) { i += 1 }
            guard i > typeStart else { continue }
            let type = Self.lowercasedName(UnsafeBufferPointer(rebasing: p[typeStart..<i]))
            skipSpace()
            guard i < n, p[i] == 0x7B || p[i] == 0x28 else { continue }  // a stray `@` in text between entries
            let close: UInt8 = p[i] == 0x7B ? 0x7D : 0x29
            i += 1
            do {
                switch type {
                case "comment":
                    i = try groupEnd(openedAt: i - 1, close: close)
                case "preamble":
                    _ = try value(close: close, field: "preamble")
                    skipSpace()
                    if i < n, p[i] == close { i += 1 }
                case "string":
                    try stringDefinitions(close: close)
                default:
                    try entry(type: type, startedAt: at, close: close)
                }
            } catch let error as SyntaxError {
                // The entry's line first: both then count forward from the last line asked for.
                let entryLine = lines.line(at: at, in: p)
                let line = lines.line(at: error.offset, in: p)
                let place = line == entryLine ? "" : " (at line \(line))"
                diagnostics.append(Diagnostic(file: file, line: entryLine, message: "@\(type) skipped: \(error.message)\(place)",
                                              hint: "fix the entry and import the file again"))
                i = max(error.resume ?? nextLineStartingWithAt(after: at), at + 1)
            } catch {}
        }
    }

    /// The offset of the next `@`, where a BibTeX item may start.
    func nextAt(from start: Int) -> Int? {
        guard let base = p.baseAddress, start < p.count, let hit = memchr(base + start, 0x40, p.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Where reading resumes after a broken entry: the next line that starts with `@`.
    func nextLineStartingWithAt(after start: Int) -> Int {
        var k = start + 1
        while k < p.count {
            if p[k] == 0x40, p[k - 1] == 0x0A { return k }
            k += 1
        }
        return p.count
    }

    /// Whether an entry (`@name{` or `@name(`) starts at `k`: how a value that never closes is caught.
    func entryStarts(at k: Int) -> Bool {
        guard k < p.count, p[k] == 0x40 else { return false }
        var j = k + 1
        while j < p.count, (p[j] | 0x20) >= 0x61, (p[j] | 0x20) <= 0x7A { j += 1 }
        guard j > k + 1 else { return false }
        while j < p.count, p[j] == 0x20 || p[j] == 0x09 { j += 1 }
        return j < p.count && (p[j] == 0x7B || p[j] == 0x28)
    }

    /// The offset just past the group opened at `open`, honouring nested braces.
    func groupEnd(openedAt open: Int, close: UInt8) throws -> Int {
        var depth = 0
        var k = open
        let n = p.count
        while k < n {
            // Eight bytes at a time past text with no brace, newline or closing parenthesis:
            // abstracts are long runs of it.
            if k > open, k + 8 <= n {
                let word = ByteWords.load(p, at: k)
                if !ByteWords.contains(word, 0x7B), !ByteWords.contains(word, 0x7D), !ByteWords.contains(word, 0x0A),
                   close != 0x29 || !ByteWords.contains(word, 0x29) {
                    k += 8
                    continue
                }
            }
            let b = p[k]
            if b == 0x7B || (b == 0x28 && close == 0x29 && depth == 0 && k == open) {
                depth += 1
            } else if b == 0x7D || (b == 0x29 && close == 0x29 && depth == 1) {
                depth -= 1
                if depth == 0 { return k + 1 }
            } else if b == 0x0A, k + 1 < p.count, p[k + 1] == 0x40, entryStarts(at: k + 1) {
                throw SyntaxError(offset: open, message: "unbalanced braces: the group opened here never closes before the next entry", resume: k + 1)
            }
            k += 1
        }
        throw SyntaxError(offset: open, message: "unbalanced braces: the group opened here never closes", resume: p.count)
    }

    // MARK: Values

    mutating func value(close: UInt8, field: String) throws -> Value {
        var pieces: [Value] = []
        while true {
            skipSpace()
            guard i < p.count else { throw SyntaxError(offset: i, message: "the file ends inside field '\(field)'", resume: p.count) }
            let b = p[i]
            if b == 0x7B {
                let end = try groupEnd(openedAt: i, close: 0x7D)
                pieces.append(.span((i + 1)..<(end - 1)))
                i = end
            } else if b == 0x22 {
                let start = i + 1
                var depth = 0
                var k = start
                while true {
                    if k + 8 <= p.count {
                        let word = ByteWords.load(p, at: k)
                        if !ByteWords.contains(word, 0x7B), !ByteWords.contains(word, 0x7D),
                           !ByteWords.contains(word, 0x22), !ByteWords.contains(word, 0x0A) {
                            k += 8
                            continue
                        }
                    }
                    guard k < p.count else {
                        throw SyntaxError(offset: i, message: "the quoted value of '\(field)' never closes", resume: p.count)
                    }
                    let c = p[k]
                    if c == 0x7B { depth += 1 } else if c == 0x7D { depth -= 1 } else if c == 0x22, depth <= 0 { break }
                    else if c == 0x0A, k + 1 < p.count, entryStarts(at: k + 1) {
                        throw SyntaxError(offset: i, message: "the quoted value of '\(field)' never closes before the next entry", resume: k + 1)
                    }
                    k += 1
                }
                pieces.append(.span(start..<k))
                i = k + 1
            } else if Self.isNameByte(b) {
                let start = i
                while i < p.count, Self.isNameByte(p[i]) { i += 1 }
                let word = UnsafeBufferPointer(rebasing: p[start..<i])
                if word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    pieces.append(.span(start..<i))
                } else {
                    let name = Self.lowercasedName(word)
                    if let expansion = macros[name] {
                        let (total, overflow) = expanded.addingReportingOverflow(expansion.count)
                        guard !overflow, total <= expansionBudget else {
                            throw SyntaxError(
                                offset: start,
                                message: "@string macros expand this file to more than \(Self.expansionFactor) times its size (\(ByteCount.text(UInt64(clamping: expansionBudget)))); litcoder stops expanding there",
                                resume: nil)
                        }
                        expanded = total
                        pieces.append(.bytes(expansion))
                    } else if let size = oversizedMacros[name] {
                        pieces.append(.oversized(size, macro: name))
                    } else if !Self.readFields.contains(field) {
                        // An undefined macro in a field litcoder does not read (a @preamble, `month`) harms nothing.
                        pieces.append(.span(start..<i))
                    } else {
                        diagnostics.append(Diagnostic(
                            file: file, line: lines.line(at: start, in: p), severity: .warning,
                            message: "undefined @string macro '\(name)' in field '\(field)'; its name is kept as the text",
                            hint: "define it with @string{\(name) = {…}} or put the value in braces"))
                        pieces.append(.span(start..<i))
                    }
                }
            } else {
                throw SyntaxError(offset: i, message: "expected a value for '\(field)' (in braces, quotes, a number or a macro name)", resume: nil)
            }
            skipSpace()
            if i < p.count, p[i] == 0x23 {  // `#` concatenation
                i += 1
                continue
            }
            break
        }
        if pieces.count == 1, let only = pieces.first { return only }
        // The length first: a value too long to keep is never put together.
        var length: UInt64 = 0
        var oversizedMacro: String?
        for piece in pieces {
            let size: UInt64
            switch piece {
            case .span(let range): size = UInt64(range.count)
            case .bytes(let bytes): size = UInt64(bytes.count)
            case .oversized(let n, let macro):
                size = n
                oversizedMacro = oversizedMacro ?? macro
            }
            let (sum, overflow) = length.addingReportingOverflow(size)
            length = overflow ? .max : sum
        }
        if length > UInt64(Self.largestValue) || oversizedMacro != nil { return .oversized(length, macro: oversizedMacro) }
        var joined: [UInt8] = []
        joined.reserveCapacity(Int(length))
        for piece in pieces { withBytes(piece) { joined.append(contentsOf: $0) } }
        return .bytes(joined)
    }

    func withBytes<R>(_ value: Value, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Self.withBytes(value, in: p, body)
    }

    static func withBytes<R>(_ value: Value, in p: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch value {
        case .span(let range): body(UnsafeBufferPointer(rebasing: p[range]))
        case .bytes(let bytes): bytes.withUnsafeBufferPointer(body)
        // Never stored in an entry (`entry` refuses it) nor a macro; nothing to hand on.
        case .oversized: body(UnsafeBufferPointer(start: nil, count: 0))
        }
    }

    /// Reads `name = value` pairs up to `close`; calls `store` for each.
    mutating func fields(close: UInt8, store: (inout BibTeXParser, String, Value) -> Void) throws {
        while true {
            skipSpace()
            guard i < p.count else {
                throw SyntaxError(offset: i, message: "the file ends before the entry's closing \(close == 0x7D ? "'}'" : "')'")", resume: p.count)
            }
            if p[i] == close { i += 1; return }
            if p[i] == 0x2C { i += 1; continue }
            if p[i] == 0x40, entryStarts(at: i) {
                throw SyntaxError(offset: i, message: "unbalanced braces: the entry does not close before the next one starts", resume: i)
            }
            let nameStart = i
            while i < p.count, Self.isNameByte(p[i]) { i += 1 }
            guard i > nameStart else {
                throw SyntaxError(offset: i, message: "expected a field name, found '\(String(decoding: [p[i]], as: UTF8.self))'", resume: nil)
            }
            let name = Self.lowercasedName(UnsafeBufferPointer(rebasing: p[nameStart..<i]))
            skipSpace()
            guard i < p.count, p[i] == 0x3D else {
                throw SyntaxError(offset: nameStart, message: "expected '=' after field name '\(name)' (is a comma missing before it?)", resume: nil)
            }
            i += 1
            let v = try value(close: close, field: name)
            store(&self, name, v)
            skipSpace()
            guard i < p.count else { continue }
            if p[i] == 0x40, entryStarts(at: i) {
                throw SyntaxError(offset: i, message: "unbalanced braces: the entry does not close before the next one starts", resume: i)
            }
            if p[i] != 0x2C, p[i] != close {
                throw SyntaxError(offset: i, message: "expected ',' or the end of the entry after field '\(name)'", resume: nil)
            }
        }
    }

    mutating func stringDefinitions(close: UInt8) throws {
        let start = i
        try fields(close: close) { parser, name, value in
            if case .oversized(let size, _) = value {
                parser.macros[name] = nil
                parser.oversizedMacros[name] = size
                parser.diagnostics.append(Diagnostic(
                    file: parser.file, line: parser.lines.line(at: start, in: parser.p),
                    message: "@string '\(name)' expands to \(ByteCount.text(size, over: UInt64(Self.largestValue))); litcoder stops at \(ByteCount.text(UInt64(Self.largestValue))) per value, so it is left undefined",
                    hint: "entries that use '\(name)' are skipped; a macro that repeats another (m1 = m0 # m0) grows twice as long at each step"))
                return
            }
            parser.oversizedMacros[name] = nil
            parser.macros[name] = parser.withBytes(value) { Array($0) }
        }
    }
}
