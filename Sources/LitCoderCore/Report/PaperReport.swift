/// One paper with one coder's codings and the codes its aliases suggest: what `show` prints.
public struct PaperReport: Codable, Hashable, Sendable {
    public var paper: Paper
    public var coder: String
    public var coding: Coding
    /// Per dimension, the codes whose aliases occur in the title or abstract (suggestions, not codings).
    public var suggestions: [String: [String]]

    /// A coder's decisions for the paper.
    public struct Coding: Codable, Hashable, Sendable {
        /// Codes per coded dimension, in codebook order of dimensions when encoded with sorted keys.
        public var codes: [String: [String]]
        public var texts: [String: String]
        public var note: String
        public var flagged: Bool
        public var done: Bool
        /// Quotes per dimension and code (of the codes coded), with whether each still stands;
        /// absent when there are none.
        public var evidence: [String: [String: [QuoteRecord]]]?
    }

    public init(paper: Paper, coder: String, coding: PaperCoding, codebook: Codebook) {
        self.paper = paper
        self.coder = coder
        self.coding = Coding(codes: coding.codes, texts: coding.texts, note: coding.note, flagged: coding.flagged, done: coding.done,
                             evidence: QuoteRecord.records(for: coding, paper: paper, codebook: codebook))
        self.suggestions = AliasMatcher(codebook: codebook).suggestions(for: paper)
    }
}
