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
        // At most one word per two bytes; on the stack for any ordinary name, so splitting a
        // name allocates nothing but its result.
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: p.count / 2 + 1) { words in
            format(p, words: words)
        }
    }

    private static func format(_ p: UnsafeBufferPointer<UInt8>, words: UnsafeMutableBufferPointer<Range<Int>>) -> String? {
        // Words (byte ranges) in order; commas and spaces count outside braces. `secondPart` and
        // `thirdPart` are the indices of the first word after the first and second comma.
        var count = 0
        var commas = 0
        var secondPart = -1, thirdPart = -1
        var depth = 0
        var wordStart = -1
        let n = p.count
        for i in 0...n {
            let b: UInt8 = i < n ? p[i] : 0x20
            if depth == 0 && (isSpace(b) || b == 0x2C) {
                if wordStart >= 0, count < words.count {
                    words.initializeElement(at: count, to: wordStart..<i)
                    count += 1
                    wordStart = -1
                }
                if b == 0x2C {
                    commas += 1
                    if commas == 1 { secondPart = count } else if commas == 2 { thirdPart = count }
                }
                continue
            }
            if b == 0x7B { depth += 1 } else if b == 0x7D { depth = max(0, depth - 1) }
            if wordStart < 0 { wordStart = i }
        }
        guard count > 0 else { return nil }
        let all = UnsafeBufferPointer(rebasing: words[0..<count])
        if commas == 0, count == 1, text(p, all[0..<1]) == "others" { return nil }

        var first = 0..<0, von = 0..<0, last = 0..<0, jr = 0..<0
        if commas == 0 {
            let head = 0..<(count - 1)
            if let vonStart = head.first(where: { isLowercase(p, all[$0]) }) {
                let vonEnd = head.last(where: { isLowercase(p, all[$0]) }) ?? vonStart
                first = 0..<vonStart
                von = vonStart..<(vonEnd + 1)
                last = (vonEnd + 1)..<count
            } else {
                first = head
                last = (count - 1)..<count
            }
        } else {
            let part = 0..<secondPart
            if part.count > 1, isLowercase(p, all[0]) {
                let vonEnd = part.dropLast().last(where: { isLowercase(p, all[$0]) }) ?? 0
                von = 0..<(vonEnd + 1)
                last = (vonEnd + 1)..<secondPart
            } else {
                last = part
            }
            if commas == 1 {
                first = secondPart..<count
            } else {
                jr = secondPart..<thirdPart
                first = thirdPart..<count
            }
        }
        var name = ""
        func add(_ piece: String?, after separator: String) {
            guard let piece else { return }
            if !name.isEmpty { name += separator }
            name += piece
        }
        add(text(p, all[von]), after: " ")
        add(text(p, all[last]), after: " ")
        add(text(p, all[jr]), after: ", ")
        add(text(p, all[first]), after: ", ")
        return name.isEmpty ? nil : name
    }

    /// The words joined by spaces and LaTeX-decoded; nil when there are none.
    private static func text(_ p: UnsafeBufferPointer<UInt8>, _ words: Slice<UnsafeBufferPointer<Range<Int>>>) -> String? {
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
