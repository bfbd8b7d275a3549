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
