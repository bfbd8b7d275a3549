/// A paper as one plain text, the way a `.qdpx` project holds it: the title, a blank line,
/// the abstract (the title alone when there is no abstract).
///
/// Positions are counted in Unicode scalars (code points), as REFI-QDA's text selections and
/// the Python readers of `.qdpx` count characters: `é` is one, `情` one, `😀` one (not two, as
/// UTF-16 would have it), a line break one. The text is the title and abstract as stored in
/// the corpus, scalar for scalar, so an offset into either field maps to one position here.
public struct PaperPlainText: Hashable, Sendable {
    /// Which part of a paper a position inside that part counts from.
    public typealias Field = PaperField

    public var text: String
    /// The number of Unicode scalars in `text`: where a selection of the whole text ends.
    public var length: Int
    /// The position where the abstract starts, nil when the paper has none.
    public var abstractStart: Int?

    static let separator = "\n\n"

    public init(_ paper: Paper) {
        let titleLength = paper.title.unicodeScalars.count
        if paper.abstract.isEmpty {
            text = paper.title
            length = titleLength
            abstractStart = nil
        } else {
            text = paper.title + Self.separator + paper.abstract
            abstractStart = titleLength + Self.separator.unicodeScalars.count
            length = titleLength + Self.separator.unicodeScalars.count + paper.abstract.unicodeScalars.count
        }
    }

    /// The whole text.
    public var whole: TextSpan { TextSpan(start: 0, end: length) }

    /// The span of `text` that a span of `field` (in Unicode scalars from the field's start)
    /// covers; nil when the field has no such span.
    public func span(_ span: TextSpan, in field: Field) -> TextSpan? {
        let start: Int
        let fieldEnd: Int
        switch field {
        case .title:
            start = 0
            fieldEnd = abstractStart.map { $0 - Self.separator.unicodeScalars.count } ?? length
        case .abstract:
            guard let abstractStart else { return nil }
            start = abstractStart
            fieldEnd = length
        }
        let mapped = TextSpan(start: start + span.start, end: start + span.end)
        guard span.start >= 0, span.start <= span.end, mapped.end <= fieldEnd else { return nil }
        return mapped
    }
}

/// A part of a text in Unicode scalars: from `start` (included) to `end` (excluded), as
/// REFI-QDA's `startPosition` and `endPosition`.
public struct TextSpan: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (a: TextSpan, b: TextSpan) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }
}
