import Foundation

/// Finds words a person typed in a paper's title or abstract: what `litcoder evidence` quotes.
///
/// The words must be there exactly (same letters, same case, same punctuation), except that
/// every run of white space (spaces, tabs, line breaks, no-break spaces) counts as one space on
/// both sides, and white space around the typed words is ignored: an abstract hard-wrapped by
/// its database still yields the sentence typed on one line. Typed words in decomposed form
/// (`e` + U+0301) also find a field stored precomposed (`é`). The search is linear in the
/// field's length.
public enum QuoteFinder {
    /// The first occurrence of `typed` in the title, else in the abstract, as a quote of the
    /// words as the field has them (its own white space kept); nil when it is in neither.
    public static func find(_ typed: String, in paper: Paper) -> EvidenceQuote? {
        var candidates = [typed]
        let composed = typed.precomposedStringWithCanonicalMapping
        if !composed.unicodeScalars.elementsEqual(typed.unicodeScalars) { candidates.append(composed) }
        for candidate in candidates {
            let needle = normalised(candidate)
            guard !needle.isEmpty else { return nil }
            for field in PaperField.allCases {
                if let span = first(needle, in: paper.text(of: field)) {
                    return EvidenceQuote(paper: paper, field: field, start: span.start, end: span.end)
                }
            }
        }
        return nil
    }

    /// `text` with each run of white space made one space and none at either end.
    static func normalised(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return result
    }

    /// Where `needle` (already normalised) first occurs in `field` read the same way, in the
    /// field's own scalar offsets.
    ///
    /// The field is normalised as it is read and matched with Knuth–Morris–Pratt; a ring of the
    /// last `needle.count` original offsets maps a match back, so no copy of the field is made.
    static func first(_ needle: [Unicode.Scalar], in field: String) -> TextSpan? {
        let failure = ScalarSearch.failureTable(needle)
        var origins = [Int](repeating: 0, count: needle.count)
        var emitted = 0
        var matched = 0
        var offset = 0
        var spaceStart: Int?
        var found: TextSpan?
        func feed(_ scalar: Unicode.Scalar, from origin: Int, end: Int) -> Bool {
            origins[emitted % needle.count] = origin
            emitted += 1
            while matched > 0, needle[matched] != scalar { matched = failure[matched - 1] }
            if needle[matched] == scalar { matched += 1 }
            guard matched == needle.count else { return false }
            found = TextSpan(start: origins[(emitted - needle.count) % needle.count], end: end)
            return true
        }
        for scalar in field.unicodeScalars {
            defer { offset += 1 }
            if scalar.properties.isWhitespace {
                if spaceStart == nil { spaceStart = offset }
                continue
            }
            if let start = spaceStart {
                spaceStart = nil
                // A run of white space reads as one space; none before the first word.
                if emitted > 0, feed(" ", from: start, end: offset) { return found }
            }
            if feed(scalar, from: offset, end: offset + 1) { return found }
        }
        return nil
    }
}
