/// Whether a quote still points at its words: the one rule the workbench, `show`, `review`,
/// `validate` and every export apply.
///
/// A quote holds when its field still has the quoted words, scalar for scalar, at the quote's
/// offsets. That is checked every time, even when the field's hash matches (a hand-edited log
/// could still disagree), so a quote is never shown over other words. The hash only tells
/// whether the field changed elsewhere since the quote was taken. A quote that no longer holds
/// is stale: reported, kept in the log, and left out of highlights and text selections.
public struct QuoteCheck: Sendable {
    /// How a quote stands against the paper as the corpus has it now.
    public enum Standing: Hashable, Sendable {
        /// The quoted words are at the quote's offsets; `fieldChanged` when the field is not
        /// the text the quote was taken from (a correction elsewhere in it).
        case holds(fieldChanged: Bool)
        /// The words are not at the offsets any more; `nowAt` is where they first occur in the
        /// field now, if anywhere (offsets a coder may attach again).
        case stale(nowAt: TextSpan?)
        /// The paper is not in the corpus.
        case paperMissing

        public var holds: Bool {
            if case .holds = self { return true }
            return false
        }
    }

    public let paper: Paper?

    public init(paper: Paper?) { self.paper = paper }

    /// Whether the quote's words are where it says (no hashing: the rule exports need).
    public func holds(_ quote: EvidenceQuote) -> Bool {
        guard let paper else { return false }
        return EvidenceQuote.scalars(of: paper.text(of: quote.field), from: quote.start, to: quote.end)
            .map { $0.unicodeScalars.elementsEqual(quote.text.unicodeScalars) } ?? false
    }

    /// How the quote stands, with whether its field changed and where stale words went.
    public func standing(of quote: EvidenceQuote) -> Standing {
        guard let paper else { return .paperMissing }
        let field = paper.text(of: quote.field)
        if holds(quote) { return .holds(fieldChanged: EvidenceQuote.hash(of: field) != quote.fieldHash) }
        return .stale(nowAt: ScalarSearch.first(quote.text.unicodeScalars, in: field.unicodeScalars))
    }

    /// The standing of each quote, hashing each field at most once.
    public func standings(of quotes: [EvidenceQuote]) -> [Standing] {
        guard let paper else { return quotes.map { _ in .paperMissing } }
        var hashes: [PaperField: String] = [:]
        return quotes.map { quote in
            guard holds(quote) else {
                return .stale(nowAt: ScalarSearch.first(quote.text.unicodeScalars, in: paper.text(of: quote.field).unicodeScalars))
            }
            let hash = hashes[quote.field] ?? EvidenceQuote.hash(of: paper.text(of: quote.field))
            hashes[quote.field] = hash
            return .holds(fieldChanged: hash != quote.fieldHash)
        }
    }

    /// How many quotes of coded codes in `state` no longer stand on corpus papers.
    public static func staleCount(in state: CodingState, corpus: Corpus, codebook: Codebook) -> Int {
        var count = 0
        state.forEachPaperWithEvidence { paper, coding in
            guard let found = corpus.paper(paper) else { return }
            let check = QuoteCheck(paper: found)
            for (_, quotes) in coding.codedEvidence(in: codebook) { count += quotes.count { !check.holds($0) } }
        }
        return count
    }

    /// Words for a stale quote: why it is left out, and what to do.
    public static func staleMessage(_ quote: EvidenceQuote, standing: Standing, paper: String) -> String {
        let place = "\(quote.field.rawValue) \(quote.start)–\(quote.end)"
        switch standing {
        case .holds: return ""
        case .paperMissing: return "the paper '\(paper)' is not in the corpus"
        case .stale(let nowAt?):
            return "the \(quote.field.rawValue) changed: the quoted words are no longer at \(place) (they are now at \(nowAt.start)–\(nowAt.end))"
        case .stale(nil):
            return "the \(quote.field.rawValue) changed: the quoted words are no longer at \(place), nor anywhere in it"
        }
    }
}
