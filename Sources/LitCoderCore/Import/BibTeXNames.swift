/// Splits a BibTeX author field into names written `von Last, Jr, First`, BibTeX's way.
///
/// Names are separated by the word `and` outside braces; each name is read in the three
/// forms BibTeX knows (`First von Last`, `von Last, First`, `von Last, Jr, First`); a braced
/// group (`{World Health Organization}`) is one word whose case does not count, so it stays
/// whole. Each part is LaTeX-decoded after the split, as BibTeX itself does.
public enum BibTeXNames {
    /// The names in `field`, each as `von Last, Jr, First` with empty parts left out.
    public static func split(_ field: UnsafeBufferPointer<UInt8>) -> [String] {
        var names: [String] = []
        for range in nameRanges(field) {
            if let name = format(UnsafeBufferPointer(rebasing: field[range])) { names.append(name) }
        }
        return names
    }

    /// `split(_:)` for a string.
    public static func split(_ field: String) -> [String] {
        var field = field
        return field.withUTF8 { split($0) }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x7E }

    /// The byte ranges of the names, cut at each ` and ` outside braces.
    static func nameRanges(_ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var depth = 0
        var start = 0
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b == 0x7B { depth += 1 } else if b == 0x7D { depth = max(0, depth - 1) } else if depth == 0, isSpace(b),
                i + 4 < n, p[i + 1] | 0x20 == 0x61, p[i + 2] | 0x20 == 0x6E, p[i + 3] | 0x20 == 0x64, isSpace(p[i + 4]) {
                ranges.append(start..<i)
                i += 4
                start = i
                continue
            }
            i += 1
        }
        ranges.append(start..<n)
        return ranges
    }

    /// One name as `von Last, Jr, First`; nil when it is empty or BibTeX's `others`.
    static func format(_ p: UnsafeBufferPointer<UInt8>) -> String? {
        // Words (byte ranges) per comma-separated part, commas and spaces counted outside braces.
        var parts: [[Range<Int>]] = [[]]
        var depth = 0
        var wordStart: Int? = nil
        let n = p.count
        for i in 0...n {
            let b: UInt8 = i < n ? p[i] : 0x20
            if depth == 0 && (isSpace(b) || b == 0x2C) {
                if let s = wordStart {
                    parts[parts.count - 1].append(s..<i)
                    wordStart = nil
                }
                if b == 0x2C { parts.append([]) }
                continue
            }
            if b == 0x7B { depth += 1 } else if b == 0x7D { depth = max(0, depth - 1) }
            if wordStart == nil { wordStart = i }
        }
        let words = parts.reduce(0) { $0 + $1.count }
        guard words > 0 else { return nil }
        if parts.count == 1, parts[0].count == 1, text(p, parts[0]) == "others" { return nil }

        var first: [Range<Int>] = [], von: [Range<Int>] = [], last: [Range<Int>] = [], jr: [Range<Int>] = []
        if parts.count == 1 {
            let w = parts[0]
            if let vonStart = w.dropLast().firstIndex(where: { isLowercase(p, $0) }) {
                let vonEnd = w.dropLast().lastIndex(where: { isLowercase(p, $0) }) ?? vonStart
                first = Array(w[..<vonStart])
                von = Array(w[vonStart...vonEnd])
                last = Array(w[(vonEnd + 1)...])
            } else {
                first = Array(w.dropLast())
                last = w.last.map { [$0] } ?? []
            }
        } else {
            let w = parts[0]
            if let head = w.first, w.count > 1, isLowercase(p, head) {
                let vonEnd = w.dropLast().lastIndex(where: { isLowercase(p, $0) }) ?? 0
                von = Array(w[...vonEnd])
                last = Array(w[(vonEnd + 1)...])
            } else {
                last = w
            }
            if parts.count == 2 {
                first = parts[1]
            } else {
                jr = parts[1]
                first = parts[2...].flatMap { $0 }
            }
        }
        var name = [text(p, von), text(p, last)].compactMap { $0 }.joined(separator: " ")
        if let jr = text(p, jr) { name += (name.isEmpty ? "" : ", ") + jr }
        if let first = text(p, first) { name += (name.isEmpty ? "" : ", ") + first }
        return name.isEmpty ? nil : name
    }

    /// The words joined by spaces and LaTeX-decoded; nil when there are none.
    private static func text(_ p: UnsafeBufferPointer<UInt8>, _ words: [Range<Int>]) -> String? {
        guard let firstWord = words.first, let lastWord = words.last else { return nil }
        // A part's words are contiguous in the source: decoding the span collapses the gaps to spaces.
        return LaTeXDecoder.decode(UnsafeBufferPointer(rebasing: p[firstWord.lowerBound..<lastWord.upperBound]))
    }

    /// Whether a word starts with a lower-case letter, BibTeX's test for a `von` part.
    ///
    /// A word starting with a plain brace group is caseless (`{van Galen}` is a last name);
    /// one starting with `{\` is a special character whose letter decides.
    static func isLowercase(_ p: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        let b = p[word.lowerBound]
        if b >= 0x61 && b <= 0x7A { return true }
        if b < 0x80 && b != 0x5C && b != 0x7B { return false }
        if b == 0x7B, word.count > 1, p[word.lowerBound + 1] != 0x5C { return false }
        guard let decoded = LaTeXDecoder.decode(UnsafeBufferPointer(rebasing: p[word])),
              let first = decoded.first else { return false }
        return first.isLowercase
    }
}
