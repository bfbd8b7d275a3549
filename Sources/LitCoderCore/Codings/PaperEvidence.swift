/// The quotes one coder attached to the codes of one paper.
///
/// Kept beside the codes rather than in them: a code that is un-coded keeps its quotes in the
/// log (coding it again brings them back), but every reader asks `PaperCoding.quotes(dimension:code:)`,
/// which gives quotes only for codes the paper is coded with.
public struct PaperEvidence: Hashable, Sendable {
    /// Each code's quotes, sorted by location (title first, then by position).
    public private(set) var byCode: [EvidenceCode: [EvidenceQuote]] = [:]

    public init() {}

    public var isEmpty: Bool { byCode.isEmpty }

    /// The quotes attached to a code, whether or not the paper is coded with it now.
    public func quotes(dimension: String, code: String) -> [EvidenceQuote] {
        byCode[EvidenceCode(dimension: dimension, code: code)] ?? []
    }

    /// Attaches a quote; one already at the same location is replaced (the latest wins).
    public mutating func attach(_ quote: EvidenceQuote, to code: EvidenceCode) {
        var list = byCode[code] ?? []
        list.removeAll { $0.location == quote.location }
        let place = list.firstIndex { quote.location < $0.location } ?? list.count
        list.insert(quote, at: place)
        byCode[code] = list
    }

    /// Removes the quote at `location` from a code; nothing happens when there is none.
    public mutating func remove(_ location: EvidenceQuote.Location, from code: EvidenceCode) {
        guard var list = byCode[code] else { return }
        list.removeAll { $0.location == location }
        byCode[code] = list.isEmpty ? nil : list
    }
}

extension PaperCoding {
    /// The quotes attached to a code the paper is coded with; none for a code it is not coded with.
    public func quotes(dimension: String, code: String) -> [EvidenceQuote] {
        guard !evidence.isEmpty, codes(for: dimension).contains(code) else { return [] }
        return evidence.quotes(dimension: dimension, code: code)
    }

    /// Whether a coded code of `dimension` has at least one quote.
    public func hasEvidence(dimension: String, code: String) -> Bool {
        !quotes(dimension: dimension, code: code).isEmpty
    }

    /// Every quote of the codes the paper is coded with, dimension by dimension in `codebook`
    /// order and code by code in the order coded.
    public func codedEvidence(in codebook: Codebook) -> [(code: EvidenceCode, quotes: [EvidenceQuote])] {
        guard !evidence.isEmpty else { return [] }
        var result: [(code: EvidenceCode, quotes: [EvidenceQuote])] = []
        for dimension in codebook.dimensions where dimension.takesCodes {
            for code in codes(for: dimension.id) {
                let quotes = evidence.quotes(dimension: dimension.id, code: code)
                if !quotes.isEmpty { result.append((EvidenceCode(dimension: dimension.id, code: code), quotes)) }
            }
        }
        return result
    }
}

/// A code with the quotes that stand for it, as reports list them.
public struct QuotedCode: Hashable, Sendable {
    public var code: EvidenceCode
    public var quotes: [EvidenceQuote]

    public init(code: EvidenceCode, quotes: [EvidenceQuote]) {
        self.code = code
        self.quotes = quotes
    }

    /// The quotes that stand (`QuoteCheck.holds`) of `codes` of `dimension` the paper is
    /// coded with, code by code; codes without any are left out.
    public static func standing(in coding: PaperCoding, dimension: String, codes: [String], paper: Paper) -> [QuotedCode] {
        guard !coding.evidence.isEmpty else { return [] }
        let check = QuoteCheck(paper: paper)
        return codes.compactMap { code in
            let quotes = coding.quotes(dimension: dimension, code: code).filter(check.holds)
            return quotes.isEmpty ? nil : QuotedCode(code: EvidenceCode(dimension: dimension, code: code), quotes: quotes)
        }
    }

    /// The quotes of an alignment's `from` codes, then of its `to` codes, that stand.
    public static func standing(in coding: PaperCoding, for result: AlignmentResult, paper: Paper) -> [QuotedCode] {
        standing(in: coding, dimension: result.alignment.from, codes: result.fromCodes, paper: paper)
            + standing(in: coding, dimension: result.alignment.to, codes: result.toCodes, paper: paper)
    }
}
