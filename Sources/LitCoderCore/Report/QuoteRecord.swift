/// A quote as `show --format json` and the `json`/`jsonl` exports write it.
public struct QuoteRecord: Codable, Hashable, Sendable {
    /// `title` or `abstract`.
    public var field: String
    /// Offsets in Unicode scalars into the field as stored, `end` excluded.
    public var start: Int
    public var end: Int
    /// The quoted words, as the field had them.
    public var quote: String
    /// SHA-256 of the whole field when the quote was taken.
    public var hash: String
    /// True when the words are no longer at the offsets (`QuoteCheck`): the quote is left out
    /// of highlights and text selections.
    public var stale: Bool
    /// True when the field is not the text the quote was taken from, though the words still
    /// stand where they were.
    public var fieldChanged: Bool

    public init(_ quote: EvidenceQuote, standing: QuoteCheck.Standing) {
        field = quote.field.rawValue
        start = quote.start
        end = quote.end
        self.quote = quote.text
        hash = quote.fieldHash
        stale = !standing.holds
        if case .holds(let changed) = standing { fieldChanged = changed } else { fieldChanged = false }
    }

    /// Per dimension and code, the quotes of the codes `coding` holds; nil when there are none.
    public static func records(for coding: PaperCoding, paper: Paper?, codebook: Codebook) -> [String: [String: [QuoteRecord]]]? {
        let evidence = coding.codedEvidence(in: codebook)
        guard !evidence.isEmpty else { return nil }
        let check = QuoteCheck(paper: paper)
        var records: [String: [String: [QuoteRecord]]] = [:]
        for (code, quotes) in evidence {
            records[code.dimension, default: [:]][code.code] = zip(quotes, check.standings(of: quotes)).map { QuoteRecord($0, standing: $1) }
        }
        return records
    }
}
