/// Where in a paper's plain text each coding applies: the one place a `.qdpx` export asks.
///
/// Each coding becomes a `PlainTextSelection` per span; codings of one coder with the same
/// span share one selection. `WholeTextSpans` says the whole text for every coding; quotes a
/// coder marked as evidence will be supplied by another conformance, with the whole text
/// where a code has no evidence.
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
