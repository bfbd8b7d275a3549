import Foundation

/// Words of a paper a coder marked as the evidence for a code: where they stand in the title or
/// abstract, the words themselves, and a fingerprint of the text they were taken from.
///
/// Offsets count Unicode scalars (code points) into the field as the corpus stores it, `end`
/// excluded, as REFI-QDA's text selections do: `é` is one, `情` one, `😀` one. The quote keeps
/// its words and the SHA-256 of the whole field, so when an abstract is corrected later a
/// reader can tell (`QuoteCheck`) instead of pointing at whatever words now sit at the offsets.
public struct EvidenceQuote: Hashable, Sendable {
    /// Where a quote is: its identity within one code's evidence.
    public struct Location: Hashable, Sendable, Comparable {
        public var field: PaperField
        public var start: Int
        public var end: Int

        public init(field: PaperField, start: Int, end: Int) {
            self.field = field
            self.start = start
            self.end = end
        }

        /// Title first, then by position.
        public static func < (a: Location, b: Location) -> Bool {
            (a.field == .title ? 0 : 1, a.start, a.end) < (b.field == .title ? 0 : 1, b.start, b.end)
        }
    }

    public var field: PaperField
    /// The first quoted scalar's offset in the field.
    public var start: Int
    /// The offset just after the last quoted scalar.
    public var end: Int
    /// The quoted words exactly as the field had them, scalar for scalar.
    public var text: String
    /// SHA-256 (64 hex digits) of the whole field's UTF-8 bytes when the quote was taken.
    public var fieldHash: String

    public init(field: PaperField, start: Int, end: Int, text: String, fieldHash: String) {
        self.field = field
        self.start = start
        self.end = end
        self.text = text
        self.fieldHash = fieldHash
    }

    /// The quote of scalars `start..<end` of `paper`'s `field`; nil when that is empty or not
    /// inside the field.
    public init?(paper: Paper, field: PaperField, start: Int, end: Int) {
        let whole = paper.text(of: field)
        guard let words = Self.scalars(of: whole, from: start, to: end) else { return nil }
        self.init(field: field, start: start, end: end, text: words, fieldHash: Self.hash(of: whole))
    }

    public var location: Location { Location(field: field, start: start, end: end) }

    /// The span in the field, for `PaperPlainText.span(_:in:)`.
    public var span: TextSpan { TextSpan(start: start, end: end) }

    /// The fingerprint a quote keeps of its field: SHA-256 of its UTF-8 bytes, in hex.
    public static func hash(of field: String) -> String {
        SHA256.hex(of: Data(field.utf8))
    }

    /// Scalars `start..<end` of `text`; nil unless `0 <= start < end <= ` its length.
    static func scalars(of text: String, from start: Int, to end: Int) -> String? {
        let scalars = text.unicodeScalars
        guard start >= 0, start < end,
              let lower = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
              let upper = scalars.index(lower, offsetBy: end - start, limitedBy: scalars.endIndex)
        else { return nil }
        return String(scalars[lower..<upper])
    }
}

/// One code of one dimension, the owner of a list of quotes.
public struct EvidenceCode: Hashable, Sendable, Comparable {
    public var dimension: String
    public var code: String

    public init(dimension: String, code: String) {
        self.dimension = dimension
        self.code = code
    }

    public static func < (a: EvidenceCode, b: EvidenceCode) -> Bool {
        (a.dimension, a.code) < (b.dimension, b.code)
    }
}
