/// Where in a paper's plain text each coding applies: the one place a `.qdpx` export asks.
///
/// Each coding becomes a `PlainTextSelection` per span; codings of one coder with the same
/// span share one selection. `EvidenceSpans` (the export's) gives a code's quotes, with the
/// whole text where it has none; `WholeTextSpans` says the whole text for every coding.
public protocol CodingSpans {
    /// The spans of `text` that `coder`'s coding of `paper` on `dimension` covers: one per
    /// quote, at least one. `code` is nil for a text dimension's value.
    func spans(coder: String, paper: Paper, text: PaperPlainText, dimension: String, code: String?) -> [TextSpan]
}

/// Every coding covers its paper's whole text (title and abstract).
public struct WholeTextSpans: CodingSpans {
    public init() {}

    public func spans(coder: String, paper: Paper, text: PaperPlainText, dimension: String, code: String?) -> [TextSpan] {
        [text.whole]
    }
}
