import LitCoderCore

/// Sentences and words of a title or abstract, found around a place in it: what the keys of
/// a quote selection move by.
///
/// Found locally, by looking a few characters either side of each place, so moving a
/// selection in a megabyte-long abstract costs the distance moved, not the abstract's length.
/// Characters are grapheme clusters (an emoji with its joiners, a letter with its accents),
/// so a selection never cuts one in two.
///
/// A sentence ends after `.`, `!`, `?` or `…` (and any closing quotes or brackets) followed by
/// white space and then anything but a lower-case letter or a digit (so "e.g. the" and
/// "Fig. 3" do not end one); after `。`, `！`, `？` whatever follows; and at a blank line. A word
/// is a run of characters without white space; each wide character (CJK, an emoji) is a word of
/// its own, as CJK text has no spaces to part its words.
enum TextUnits {
    typealias Index = String.Index

    static let terminators: Set<Character> = [".", "!", "?", "…", "。", "！", "？", "．"]
    /// Terminators after which a sentence ends whatever follows (CJK text has no spaces).
    static let fullWidthTerminators: Set<Character> = ["。", "！", "？", "．"]
    static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»", "」", "』", "）"]
    /// How far a look past white space or closers goes before it decides.
    static let lookLimit = 64

    // MARK: Sentences

    /// Whether a sentence ends just before `p` (the text's start and end count as ends).
    static func isBoundary(_ text: String, at p: Index) -> Bool {
        guard p > text.startIndex, p < text.endIndex else { return true }
        let next = text[p]
        if next.isNewline, blankLineFollows(text, from: p) { return true }
        guard !closers.contains(next) || next.isWhitespace else { return false }
        var before = text.index(before: p)
        var skipped = 0
        while closers.contains(text[before]), skipped < 3, before > text.startIndex {
            before = text.index(before: before)
            skipped += 1
        }
        let last = text[before]
        guard terminators.contains(last) else { return false }
        if fullWidthTerminators.contains(last) { return true }
        guard next.isWhitespace else { return false }
        var q = p
        var steps = 0
        while q < text.endIndex, text[q].isWhitespace {
            q = text.index(after: q)
            steps += 1
            if steps > lookLimit { return true }
        }
        guard q < text.endIndex else { return true }
        let first = text[q]
        return !first.isLowercase && !first.isNumber
    }

    /// Whether another line break follows the one at `p` with only spaces or tabs between.
    private static func blankLineFollows(_ text: String, from p: Index) -> Bool {
        var q = text.index(after: p)
        var steps = 0
        while q < text.endIndex, text[q] == " " || text[q] == "\t", steps < lookLimit {
            q = text.index(after: q)
            steps += 1
        }
        return q < text.endIndex && text[q].isNewline
    }

    /// The sentence at `i`, without the white space around it; the one after when `i` is in
    /// the white space between two, the last when it is after the last. Nil for a text of
    /// white space only.
    static func sentence(_ text: String, at i: Index) -> Range<Index>? {
        let j = skipSpace(text, from: i)
        guard j < text.endIndex else { return sentence(before: skipSpaceBackward(text, from: i), in: text) }
        var lower = j
        while !isBoundary(text, at: lower) { lower = text.index(before: lower) }
        var upper = text.index(after: j)
        while !isBoundary(text, at: upper) { upper = text.index(after: upper) }
        return trimmed(text, lower..<upper)
    }

    /// The sentence after one that ends at `end`; nil after the last.
    static func sentence(after end: Index, in text: String) -> Range<Index>? {
        let j = skipSpace(text, from: end)
        return j < text.endIndex ? sentence(text, at: j) : nil
    }

    /// The sentence before one that starts at `start`; nil before the first.
    static func sentence(before start: Index, in text: String) -> Range<Index>? {
        let k = skipSpaceBackward(text, from: start)
        return k > text.startIndex ? sentence(text, at: text.index(before: k)) : nil
    }

    // MARK: Words

    /// Whether a character is a word of its own (two columns wide: CJK, an emoji).
    static func isWide(_ c: Character) -> Bool { DisplayWidth.of(cluster: c) == 2 }

    /// The word at `i`, or the next one when `i` is in white space; nil after the last.
    static func word(_ text: String, atOrAfter i: Index) -> Range<Index>? {
        let j = skipSpace(text, from: i)
        guard j < text.endIndex else { return nil }
        if isWide(text[j]) { return j..<text.index(after: j) }
        var upper = text.index(after: j)
        while upper < text.endIndex, !text[upper].isWhitespace, !isWide(text[upper]) { upper = text.index(after: upper) }
        return j..<upper
    }

    /// The word that ends at `i` or before it; nil before the first.
    static func word(_ text: String, endingAtOrBefore i: Index) -> Range<Index>? {
        let k = skipSpaceBackward(text, from: i)
        guard k > text.startIndex else { return nil }
        let last = text.index(before: k)
        if isWide(text[last]) { return last..<k }
        var lower = last
        while lower > text.startIndex {
            let previous = text.index(before: lower)
            if text[previous].isWhitespace || isWide(text[previous]) { break }
            lower = previous
        }
        return lower..<k
    }

    // MARK: White space

    static func skipSpace(_ text: String, from i: Index) -> Index {
        var j = i
        while j < text.endIndex, text[j].isWhitespace { j = text.index(after: j) }
        return j
    }

    static func skipSpaceBackward(_ text: String, from i: Index) -> Index {
        var k = i
        while k > text.startIndex, text[text.index(before: k)].isWhitespace { k = text.index(before: k) }
        return k
    }

    static func trimmed(_ text: String, _ range: Range<Index>) -> Range<Index>? {
        let lower = skipSpace(text, from: range.lowerBound)
        guard lower < range.upperBound else { return nil }
        var upper = range.upperBound
        while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
        return lower..<upper
    }
}
