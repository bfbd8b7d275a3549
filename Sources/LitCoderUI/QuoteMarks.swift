import LitCoderCore

/// The quotes of the paper on screen as the screen shows them: where each one that stands is
/// (drawn underlined in its dimension's tint), and per code how many stand and how many are
/// stale (its words are no longer where it points: shown nowhere, counted as a warning).
///
/// Worked out once per change of the paper's codes or quotes (`Workbench.refreshQuoteMarks`),
/// not on every frame: checking a quote reads its field up to the quote, which for a
/// megabyte-long abstract is not free.
public struct QuoteMarks: Hashable, Sendable {
    /// One quote on screen: a span of a field and the tint of its dimension.
    public struct Mark: Hashable, Sendable {
        public var field: PaperField
        public var span: Range<Int>
        public var tint: Int
    }

    /// The paper, codes and quotes these marks were worked out for.
    var paper: String?
    var codes: [String: [String]] = [:]
    var evidence = PaperEvidence()

    /// Quotes that stand, of coded codes, per field, sorted by start.
    public private(set) var marks: [PaperField: [Mark]] = [:]
    /// Per coded code, how many of its quotes stand.
    public private(set) var standing: [EvidenceCode: Int] = [:]
    /// Per coded code, how many of its quotes are stale.
    public private(set) var stale: [EvidenceCode: Int] = [:]

    public init() {}

    /// The marks of `coding` on `paper`; dimension `i` of `codebook` takes tint `i`.
    init(paper: Paper, coding: PaperCoding, codebook: Codebook) {
        self.paper = paper.id
        codes = coding.codes
        evidence = coding.evidence
        guard !coding.evidence.isEmpty else { return }
        let check = QuoteCheck(paper: paper)
        let tints = Dictionary(codebook.dimensions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (code, quotes) in coding.codedEvidence(in: codebook) {
            for quote in quotes {
                guard check.holds(quote) else {
                    stale[code, default: 0] += 1
                    continue
                }
                standing[code, default: 0] += 1
                marks[quote.field, default: []].append(Mark(field: quote.field, span: quote.start..<quote.end,
                                                            tint: tints[code.dimension] ?? 0))
            }
        }
        for field in marks.keys { marks[field]?.sort { $0.span.lowerBound < $1.span.lowerBound } }
    }

    /// Whether these are the marks of `coding` on paper `id`.
    func describe(paper id: String?, coding: PaperCoding) -> Bool {
        paper == id && codes == coding.codes && evidence == coding.evidence
    }

    /// How many quotes of the paper's coded codes are stale.
    public var staleCount: Int { stale.values.reduce(0, +) }

    /// `glyphs` (a line of `field`, each glyph's `source` its scalar offset in the field) with
    /// the quotes underlined in their tint and the selected `selection` in reverse video.
    public func apply(to glyphs: [Glyph], field: PaperField, selection: Range<Int>? = nil) -> [Glyph] {
        guard let first = glyphs.first, let last = glyphs.last else { return glyphs }
        let lower = min(first.source, last.source), upper = max(first.source, last.source)
        // Only the marks that reach into this line are checked glyph by glyph.
        let near = (marks[field] ?? []).filter { $0.span.lowerBound <= upper && $0.span.upperBound > lower }
        let selected = selection.flatMap { $0.lowerBound <= upper && $0.upperBound > lower ? $0 : nil }
        guard !near.isEmpty || selected != nil else { return glyphs }
        return glyphs.map { glyph in
            guard !glyph.isLineBreak else { return glyph }
            var marked = glyph
            if let mark = near.last(where: { $0.span.contains(glyph.source) }) {
                marked.style = marked.style.union(.underline).tinted(mark.tint)
            }
            if let selected, selected.contains(glyph.source) { marked.style = marked.style.union(.reverse) }
            return marked
        }
    }
}
