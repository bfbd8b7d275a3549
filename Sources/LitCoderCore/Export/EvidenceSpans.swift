/// Each coding over the spans of its quotes, the whole text where its code has none that stands.
///
/// The `.qdpx` export's spans: a code with quotes (`litcoder evidence`, the workbench) becomes
/// one `PlainTextSelection` per quote, at the quote's offsets in the paper's plain text (title,
/// blank line, abstract). A stale quote (`QuoteCheck`) is left out, never selecting other words;
/// a code with no quote that stands, and a text dimension's value, cover the whole text.
public struct EvidenceSpans: CodingSpans {
    private let states: [String: CodingState]

    public init(_ set: CodedSet) {
        var states: [String: CodingState] = [:]
        for state in set.states where state.papersWithEvidence > 0 { states[state.coder] = state }
        self.states = states
    }

    public func spans(coder: String, paper: Paper, text: PaperPlainText, dimension: String, code: String?) -> [TextSpan] {
        guard let code, let quotes = states[coder]?.evidence(for: paper.id)?.quotes(dimension: dimension, code: code),
              !quotes.isEmpty else { return [text.whole] }
        let check = QuoteCheck(paper: paper)
        let spans = quotes.filter(check.holds).compactMap { text.span($0.span, in: $0.field) }
        return spans.isEmpty ? [text.whole] : spans
    }
}
