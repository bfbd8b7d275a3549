extension CodingState {
    /// Attaches or removes the quote of an `evidence` event, reading its code through the
    /// codebook's renaming as `set` events are read.
    mutating func applyEvidence(_ event: CodingEvent, number: Int) {
        guard let dimension = event.dimension, let payload = event.evidence else { return }
        let code = EvidenceCode(dimension: dimension, code: renaming.current(payload.code, dimension: dimension))
        var quotes = evidence[number] ?? PaperEvidence()
        if event.value == false {
            quotes.remove(payload.quote.location, from: code)
        } else {
            quotes.attach(payload.quote, to: code)
        }
        evidence[number] = quotes.isEmpty ? nil : quotes
    }

    /// How many papers have at least one quote (of any code, coded or not).
    public var papersWithEvidence: Int { evidence.count }

    /// The quotes of a paper (of any code, coded or not); nil when it has none.
    public func evidence(for paper: String) -> PaperEvidence? {
        guard !evidence.isEmpty, let number = paperNumber(of: paper) else { return nil }
        return evidence[number]
    }

    /// Calls `body` with every paper that has quotes and its coding, in paper-number order:
    /// a walk over the side table only, not over every paper.
    public func forEachPaperWithEvidence(_ body: (String, PaperCoding) throws -> Void) rethrows {
        for number in evidence.keys.sorted() { try body(paperID(number: number), coding(number: number)) }
    }
}
