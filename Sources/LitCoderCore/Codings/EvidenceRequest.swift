/// A quote a script asks for (`litcoder evidence`), checked against the codebook and the paper.
///
/// Attaching finds the typed words in the title, else the abstract (`QuoteFinder`), and codes
/// the code first when the paper is not coded with it; removing takes off the attached quote
/// whose words are the typed ones. Nothing is written unless the whole request is valid.
public struct EvidenceRequest: Hashable, Sendable {
    public var paper: String
    public var dimension: String
    public var code: String
    public var quote: EvidenceQuote
    /// True to take the quote off, false to attach it.
    public var removes: Bool

    /// Checks the paper, dimension and code (exit 64 on the command line: the call is wrong).
    public static func target(
        paper: String, dimension id: String, code typedCode: String, codebook: Codebook, corpus: Corpus
    ) throws(CodingRequestError) -> (paper: Paper, dimension: Dimension, code: String) {
        guard let found = corpus.paper(paper) else {
            let ids = corpus.papers.map(\.id)
            throw .unknownPaper(paper, suggestions: DidYouMean.closest(to: paper, among: ids, limit: 5),
                                known: ids.count <= 20 ? ids : nil, count: ids.count)
        }
        guard let dimension = codebook.dimension(id) else {
            let ids = codebook.dimensions.map(\.id)
            throw .unknownDimension(id, valid: ids, suggestion: DidYouMean.phrase(for: id, among: ids))
        }
        guard dimension.takesCodes else { throw .quoteNeedsCodes(dimension: id) }
        // An id the codebook says a code `replaces` is taken as that code.
        guard let code = dimension.currentCode(for: typedCode) else {
            let ids = dimension.codes.map(\.id)
            throw .unknownCode(typedCode, dimension: id, valid: ids, suggestion: DidYouMean.phrase(for: typedCode, among: ids))
        }
        return (found, dimension, code)
    }

    /// The request for `text` on `paper`'s `code`; throws `quoteNotFound` (exit 1: the data
    /// does not hold it) when the words are not there, or, removing, not attached.
    public static func parse(
        paper: String, dimension: String, code: String, text: String, removes: Bool, current: PaperCoding,
        codebook: Codebook, corpus: Corpus
    ) throws(CodingRequestError) -> EvidenceRequest {
        let target = try Self.target(paper: paper, dimension: dimension, code: code, codebook: codebook, corpus: corpus)
        if removes {
            let attached = current.evidence.quotes(dimension: dimension, code: target.code)
            let typed = QuoteFinder.normalised(text)
            let found = attached.first { QuoteFinder.normalised($0.text) == typed }
                ?? QuoteFinder.find(text, in: target.paper).flatMap { quote in attached.first { $0.location == quote.location } }
            guard let found else {
                throw .quoteNotAttached(text, paper: paper, dimension: dimension, code: target.code,
                                        attached: attached.map { EvidenceQuote.displayText($0.text) })
            }
            return EvidenceRequest(paper: paper, dimension: dimension, code: target.code, quote: found, removes: true)
        }
        guard let quote = QuoteFinder.find(text, in: target.paper) else {
            throw .quoteNotFound(text, paper: paper)
        }
        return EvidenceRequest(paper: paper, dimension: dimension, code: target.code, quote: quote, removes: false)
    }

    /// The events that carry the request out on `current`: none when it is already so.
    /// Attaching to a code the paper is not coded with codes it first, as toggling it on would.
    public func events(from current: PaperCoding, codebook: Codebook, coder: String) -> [CodingEvent] {
        let attached = current.evidence.quotes(dimension: dimension, code: code)
        var events: [CodingEvent] = []
        if removes {
            guard attached.contains(where: { $0.location == quote.location }) else { return [] }
        } else {
            if let dimension = codebook.dimension(dimension), !current.codes(for: dimension.id).contains(code) {
                events.append(.set(paper: paper, dimension: dimension.id,
                                   codes: dimension.adding(code, to: current.codes(for: dimension.id)),
                                   coder: coder, codebook: ""))
            }
            if attached.contains(quote) { return events }
        }
        events.append(.evidence(paper: paper, dimension: dimension, code: code, quote: quote, attached: !removes,
                                coder: coder, codebook: ""))
        return events
    }
}

extension Dimension {
    /// `codes` with `code` added: for one-code dimensions it replaces them; for others it joins
    /// them in codebook order (codes the codebook no longer has stay, at the end), so the same
    /// set is always written the same way.
    public func adding(_ code: String, to codes: [String]) -> [String] {
        if kind == .single { return [code] }
        let chosen = Set(codes + [code])
        return self.codes.map(\.id).filter { chosen.contains($0) } + codes.filter { self.code($0) == nil }
    }
}

extension EvidenceQuote {
    /// Quoted words on one line: each run of white space (a line break too) as one space.
    public static func displayText(_ text: String) -> String {
        String(String.UnicodeScalarView(QuoteFinder.normalised(text)))
    }

    /// `“words” (abstract 15–26)`, the quote as reports print it.
    public var displayed: String { "“\(Self.displayText(text))” (\(field.rawValue) \(start)–\(end))" }
}
