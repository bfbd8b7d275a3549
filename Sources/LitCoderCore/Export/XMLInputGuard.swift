import Foundation

/// Checks an XML file's bytes, in one linear pass and before any XML parser sees them, for
/// what a REFI-QDA file never holds and a hostile one might.
///
/// Foundation's `XMLParser` on Linux is libxml2. It leaves external entities unresolved and
/// stops the classic exponential entity expansion, but it accepts elements nested 100,000
/// deep (which a recursive reader would then overflow its stack on), and its time grows with
/// the square of the attributes of one element (40,000 attributes took four times as long as
/// 20,000: 0.8 s). So before parsing:
///
/// - any `<!DOCTYPE …>` or other `<!…>` declaration is refused: REFI-QDA files have none,
///   and without one no entity but the five predefined ones can exist, so nothing expands and
///   nothing names another file;
/// - elements may nest at most `maximumDepth` deep, and carry at most `maximumAttributes`
///   attributes each.
///
/// With those bounds libxml2's work is linear in the file. Comments and CDATA sections are
/// skipped; anything unterminated is left for the parser to report as not well-formed. A
/// processing instruction (`<?` anywhere but the XML declaration) is refused outright, before
/// the structure is looked at: libxml2 reports one even after a broken tag, and FoundationXML
/// crashes on one without data.
///
/// And the bytes must be UTF-8 without a NUL, as REFI-QDA files are: FoundationXML traps
/// (a crash, not an error) on an element name that is not UTF-8, such as `<\u{FF}` (found by
/// fuzzing the `.qdc` reader).
enum XMLInputGuard {
    /// Deeper than any codebook a QDA tool writes (theirs rarely pass 10 levels).
    static let maximumDepth = 64
    /// A REFI-QDA element has at most 8 attributes, plus namespace declarations.
    static let maximumAttributes = 64

    /// Throws a diagnostic naming `file:line` for the first thing refused.
    static func check(_ data: Data, file: String) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let invalid = SourceText.firstInvalidUTF8(in: bytes)
            let nul = SourceText.firstOffset(of: 0, in: bytes)
            if let offset = [invalid, nul].compactMap({ $0 }).min() {
                let line = 1 + LineCounter.newlines(in: bytes, from: 0, to: offset)
                let what = offset == nul ? "a NUL byte" : "a byte that is not UTF-8 (0x\(String(bytes[offset], radix: 16, uppercase: true)))"
                throw Diagnostic(file: file, line: line,
                                 message: "\(what) at byte \(offset + 1): REFI-QDA files are UTF-8 text",
                                 hint: "export the codebook again from the QDA tool as a REFI-QDA codebook (.qdc)")
            }
            // Anywhere but the XML declaration at the start, `<?` is refused, whatever the
            // structure around it: libxml2 recovers from a broken tag (an unclosed start tag, an
            // unescaped `<` in an attribute) and goes on to report a `<?x?>` after it, on which
            // FoundationXML reads a null pointer (`<CodeBook a="b" <?x?>`, found by fuzzing).
            // Legal XML has `<?` only in processing instructions, comments and CDATA sections;
            // REFI-QDA files have no processing instructions, and a comment or CDATA holding
            // `<?` is refused too rather than trusted to be one.
            let declaration = Scanner.declarationOffset(in: bytes)
            var offset = 0
            while offset < bytes.count,
                  let hit = SourceText.firstOffset(of: UInt8(ascii: "<"), in: UnsafeBufferPointer(rebasing: bytes[offset...])) {
                let found = offset + hit
                if found + 1 < bytes.count, bytes[found + 1] == UInt8(ascii: "?"), found != declaration {
                    throw Diagnostic(
                        file: file, line: 1 + LineCounter.newlines(in: bytes, from: 0, to: found),
                        message: "a processing instruction (<?…?>): REFI-QDA files have none but the XML declaration at the start",
                        hint: "export the codebook again from the QDA tool, or delete it")
                }
                offset = found + 1
            }
            var scanner = Scanner(bytes: bytes, file: file)
            try scanner.run()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var index = 0
        var line = 1
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
        }

        static let lessThan = UInt8(ascii: "<"), greaterThan = UInt8(ascii: ">"), newline = UInt8(ascii: "\n")
        static let slash = UInt8(ascii: "/"), equals = UInt8(ascii: "="), bang = UInt8(ascii: "!")
        static let question = UInt8(ascii: "?"), doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")

        mutating func run() throws {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.newline { line += 1 }
                guard byte == Self.lessThan else {
                    index += 1
                    continue
                }
                if starts(with: "<!--") {
                    guard skip(past: "-->", from: index + 4) else { return }
                } else if starts(with: "<![CDATA[") {
                    guard skip(past: "]]>", from: index + 9) else { return }
                } else if starts(with: "<?") {
                    // The XML declaration: `check` has refused every other `<?`.
                    guard skip(past: "?>", from: index + 2) else { return }
                } else if starts(with: "<!") {
                    let what = starts(with: "<!DOCTYPE") ? "a <!DOCTYPE> declaration" : "a <!…> declaration"
                    throw Diagnostic(
                        file: file, line: line,
                        message: "\(what): REFI-QDA files have none, and litcoder does not read one (its entities could expand without bound or name other files)",
                        hint: "export the codebook again from the QDA tool, or delete the declaration")
                } else if starts(with: "</") {
                    depth -= 1
                    guard skip(past: ">", from: index + 2) else { return }
                } else {
                    guard try startTag() else { return }
                }
            }
        }

        /// Reads the start tag at `index`, counting its attributes and whether it opens an
        /// element; false when it is not closed (the parser reports that).
        private mutating func startTag() throws -> Bool {
            let tagLine = line
            var attributes = 0
            var quote: UInt8?
            var position = index + 1
            while position < bytes.count {
                let byte = bytes[position]
                if byte == Self.newline { line += 1 }
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == Self.doubleQuote || byte == Self.singleQuote {
                    quote = byte
                } else if byte == Self.equals {
                    attributes += 1
                    if attributes > XMLInputGuard.maximumAttributes {
                        throw Diagnostic(file: file, line: tagLine,
                                         message: "an element with more than \(XMLInputGuard.maximumAttributes) attributes; REFI-QDA elements have a handful",
                                         hint: "this is not a codebook a QDA tool wrote; export it again")
                    }
                } else if byte == Self.greaterThan {
                    if bytes[position - 1] != Self.slash {
                        depth += 1
                        if depth > XMLInputGuard.maximumDepth {
                            throw Diagnostic(file: file, line: tagLine,
                                             message: "elements nested more than \(XMLInputGuard.maximumDepth) deep",
                                             hint: "a codebook this deep cannot become dimensions and codes; flatten it in the QDA tool and export it again")
                        }
                    }
                    index = position + 1
                    return true
                }
                position += 1
            }
            return false
        }

        /// Where the XML declaration's `<?` is: `<?xml` and white space, first in the file
        /// (after a byte-order mark); nil when the file has none.
        static func declarationOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            let first = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            let prefix = Array("<?xml".utf8)
            guard first + prefix.count < bytes.count,
                  prefix.indices.allSatisfy({ bytes[first + $0] == prefix[$0] }) else { return nil }
            let next = bytes[first + prefix.count]
            return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D ? first : nil
        }

        private func starts(with prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            let start = prefix.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
            return true
        }

        /// Moves `index` past the next `terminator` at or after `start`, counting lines; false
        /// when there is none.
        private mutating func skip(past terminator: StaticString, from start: Int) -> Bool {
            let count = terminator.utf8CodeUnitCount
            let pattern = terminator.utf8Start
            var position = start
            while position + count <= bytes.count {
                if bytes[position] == pattern[0] {
                    var matches = true
                    for offset in 1..<max(count, 1) where bytes[position + offset] != pattern[offset] {
                        matches = false
                        break
                    }
                    if matches {
                        index = position + count
                        return true
                    }
                }
                if bytes[position] == Self.newline { line += 1 }
                position += 1
            }
            return false
        }
    }
}
