/// Where each word of a text starts, for running an alias's regular expression only near
/// the words it needs instead of over the whole abstract.
///
/// Words are runs of letters and digits, lower-cased, with apostrophes dropped (so "Let’s"
/// and "Lets" are one word). The same definition gives an alias's required words
/// (`AliasMatcher.requiredWords(of:)`), so the prefilter can never drop a real match.
struct WordIndex {
    /// The text's UTF-16 code units, the offsets `NSRegularExpression` speaks.
    let utf16: [UInt16]
    /// Each word's start offsets in `utf16`.
    private(set) var starts: [String: [Int]] = [:]

    init(_ text: String) {
        utf16 = Array(text.utf16)
        var found: [String: [Int]] = [:]
        Self.forEachWord(in: utf16) { word, start in found[word, default: []].append(start) }
        starts = found
    }

    /// Calls `body` with each word of `units` (lower-cased) and its start offset. A change of
    /// script between two letters ends a word, as it does for aliases (`WritingScript`).
    ///
    /// ASCII is classified by table and lower-cased by hand: abstracts are mostly ASCII and
    /// this runs over every abstract of a corpus, where `Unicode.Scalar.Properties` and
    /// `String.lowercased()` per character would dominate the cost of suggesting codes.
    static func forEachWord(in units: [UInt16], _ body: (String, Int) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var wordIsASCII = true
        var nonASCII = String.UnicodeScalarView()
        var start = 0
        var index = 0
        /// The script of the word's last letter with one, and whether the last character was a digit.
        var wordScript: WritingScript?
        var lastWasDigit = false
        var lastWasSpaceless = false
        func flush() {
            wordScript = nil
            lastWasDigit = false
            lastWasSpaceless = false
            guard !word.isEmpty || !nonASCII.isEmpty else { return }
            if wordIsASCII {
                body(String(decoding: word, as: UTF8.self), start)
            } else {
                body(String(nonASCII).lowercased(), start)
            }
            word.removeAll(keepingCapacity: true)
            nonASCII = String.UnicodeScalarView()
            wordIsASCII = true
        }
        func append(_ scalar: Unicode.Scalar, at offset: Int, script: WritingScript?, isDigit: Bool) {
            let isSpaceless = script.map(WritingScript.spaceless.contains) ?? false
            if let script, let previous = wordScript, previous != script {
                flush()
            } else if (isSpaceless && lastWasDigit) || (isDigit && lastWasSpaceless) {
                flush()
            }
            if let script { wordScript = script }
            lastWasDigit = isDigit
            lastWasSpaceless = isSpaceless
            if word.isEmpty, nonASCII.isEmpty { start = offset }
            if wordIsASCII, scalar.isASCII {
                let byte = UInt8(scalar.value)
                word.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else {
                if wordIsASCII {
                    // Switch to the general path, keeping what was gathered so far.
                    nonASCII = String.UnicodeScalarView(String(decoding: word, as: UTF8.self).unicodeScalars)
                    wordIsASCII = false
                }
                nonASCII.append(scalar)
            }
        }
        while index < units.count {
            let unit = units[index]
            if unit < 0x80 {
                let isWordCharacter = (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A)
                if isWordCharacter {
                    append(Unicode.Scalar(UInt8(unit)), at: index, script: unit >= 0x41 ? .latin : nil, isDigit: unit <= 0x39)
                } else if unit != 0x27 && unit != 0x60 {  // ' and ` join
                    flush()
                }
                index += 1
                continue
            }
            var scalar: Unicode.Scalar?
            var width = 1
            if UTF16.isLeadSurrogate(unit), index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) {
                scalar = Unicode.Scalar(UTF16.decode(UTF16.EncodedScalar([unit, units[index + 1]])))
                width = 2
            } else {
                scalar = Unicode.Scalar(unit)
            }
            if let scalar, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                let script = WritingScript.of(scalar)
                append(scalar, at: index, script: script, isDigit: script == nil && scalar.properties.numericType != nil)
            } else if scalar != "\u{2019}" && scalar != "\u{2018}" {
                flush()
            }
            index += width
        }
        flush()
    }

    /// The start offsets of the rarest of `required` (each word given with its variant
    /// forms), or nil when one of them does not occur at all.
    func anchorOffsets(for required: [[String]]) -> [Int]? {
        var best: [Int]?
        for forms in required {
            var offsets: [Int] = []
            for form in forms { if let found = starts[form] { offsets += found } }
            if offsets.isEmpty { return nil }
            if best == nil || offsets.count < best?.count ?? 0 { best = offsets }
        }
        return best ?? []
    }

    /// Ranges of at most `span` code units either side of each offset, merged, and widened
    /// to the nearest non-word character on each side, so a match in a window is exactly a
    /// match in the whole text (no word is cut in two, a lookbehind sees its character).
    func windows(around offsets: [Int], span: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for offset in offsets.sorted() {
            var lower = max(0, offset - span)
            var upper = min(utf16.count, offset + span)
            while lower > 0, Self.isWordish(utf16[lower - 1]) { lower -= 1 }
            if lower > 0 { lower -= 1 }
            while upper < utf16.count, Self.isWordish(utf16[upper]) { upper += 1 }
            if upper < utf16.count { upper += 1 }
            if let last = result.last, lower <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, upper)
            } else {
                result.append(lower..<upper)
            }
        }
        return result
    }

    /// Letters, digits and anything outside ASCII (so surrogate pairs are never split).
    private static func isWordish(_ unit: UInt16) -> Bool {
        unit >= 0x80 || (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A)
    }
}
