import LitCoderCore

/// Words of the paper on screen being chosen as a quote: one field, from `start` to `end`.
///
/// Keeps the string indices of its ends beside their offsets (Unicode scalars into the field,
/// `end` excluded), so moving it costs the distance moved: a megabyte-long abstract is never
/// walked from its start on each key.
public struct QuoteSelection: Hashable, Sendable {
    public private(set) var field: PaperField
    /// The first selected scalar's offset in the field.
    public private(set) var start: Int
    /// The offset just after the last selected scalar.
    public private(set) var end: Int
    private(set) var lower: String.Index
    private(set) var upper: String.Index

    /// The selection of `range` of `text` (the field's text), its offsets counted from the start.
    init(field: PaperField, range: Range<String.Index>, in text: String) {
        self.field = field
        lower = range.lowerBound
        upper = range.upperBound
        start = text.unicodeScalars.distance(from: text.startIndex, to: lower)
        end = start + text.unicodeScalars.distance(from: lower, to: upper)
    }

    /// The selection of scalars `start..<end` of `text`, widened to whole characters; nil when
    /// that is not inside the text.
    init?(field: PaperField, start: Int, end: Int, in text: String) {
        let scalars = text.unicodeScalars
        guard start >= 0, start < end,
              let lowerScalar = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
              let upperScalar = scalars.index(lowerScalar, offsetBy: end - start, limitedBy: scalars.endIndex)
        else { return nil }
        // Round out to grapheme boundaries, so the keys never cut a character in two.
        var lower = text.startIndex
        while lower < text.endIndex, text.index(after: lower) <= lowerScalar { lower = text.index(after: lower) }
        var upper = lower
        while upper < text.endIndex, upper < upperScalar { upper = text.index(after: upper) }
        self.init(field: field, range: lower..<upper, in: text)
    }

    /// The same selection moved to `range` of the same field, its offsets found from the old ones.
    func moved(to range: Range<String.Index>, in text: String) -> QuoteSelection {
        var moved = self
        moved.start += text.unicodeScalars.distance(from: lower, to: range.lowerBound)
        moved.end += text.unicodeScalars.distance(from: upper, to: range.upperBound)
        moved.lower = range.lowerBound
        moved.upper = range.upperBound
        return moved
    }

    var range: Range<String.Index> { lower..<upper }
    var span: Range<Int> { start..<end }
}
