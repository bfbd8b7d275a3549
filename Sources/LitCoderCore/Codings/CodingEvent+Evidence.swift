/// An `evidence` event's payload, and the JSON form of every event.
extension CodingEvent {
    /// What an `evidence` event is about: a code of its dimension and a quote.
    public struct Evidence: Hashable, Sendable {
        public var code: String
        public var quote: EvidenceQuote

        public init(code: String, quote: EvidenceQuote) {
            self.code = code
            self.quote = quote
        }
    }

    /// Holds the payload out of line; compared and hashed by value.
    final class EvidenceBox: Hashable, Sendable {
        let value: Evidence
        init(_ value: Evidence) { self.value = value }
        static func == (a: EvidenceBox, b: EvidenceBox) -> Bool { a.value == b.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }

    /// Offsets above this are damage, not a text (2^31 scalars is 8 GB of abstract).
    static let largestOffset = Int(Int32.max)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        v = try c.decode(Int.self, forKey: .v)
        seq = try c.decode(Int.self, forKey: .seq)
        time = try c.decode(String.self, forKey: .time)
        coder = try c.decode(String.self, forKey: .coder)
        paper = try c.decode(String.self, forKey: .paper)
        op = try c.decode(Operation.self, forKey: .op)
        dimension = try c.decodeIfPresent(String.self, forKey: .dimension)
        codes = try c.decodeIfPresent([String].self, forKey: .codes)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        value = try c.decodeIfPresent(Bool.self, forKey: .value)
        codebook = try c.decode(String.self, forKey: .codebook)
        sources = try c.decodeIfPresent([String].self, forKey: .sources)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        automatic = try c.decodeIfPresent(Bool.self, forKey: .automatic)
        adjudicator = try c.decodeIfPresent(String.self, forKey: .adjudicator)
        guard op == .evidence else { return }
        // An evidence line must say everything: a quote half-known is no evidence.
        guard dimension != nil else { throw DecodingError.keyNotFound(CodingKeys.dimension, .init(codingPath: [], debugDescription: "")) }
        guard value != nil else { throw DecodingError.keyNotFound(CodingKeys.value, .init(codingPath: [], debugDescription: "")) }
        let code = try c.decode(String.self, forKey: .code)
        let fieldName = try c.decode(String.self, forKey: .field)
        guard let field = PaperField(rawValue: fieldName) else {
            throw DecodingError.dataCorruptedError(forKey: .field, in: c, debugDescription: "'\(fieldName)' is not title or abstract")
        }
        let start = try c.decode(Int.self, forKey: .start)
        let end = try c.decode(Int.self, forKey: .end)
        guard start >= 0, start < end, end <= Self.largestOffset else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: c, debugDescription: "start \(start) and end \(end) are not a span (0 ≤ start < end)")
        }
        let quote = try c.decode(String.self, forKey: .quote)
        guard quote.unicodeScalars.count == end - start else {
            throw DecodingError.dataCorruptedError(
                forKey: .quote, in: c,
                debugDescription: "the quote has \(quote.unicodeScalars.count) characters but start–end spans \(end - start)")
        }
        let hash = try c.decode(String.self, forKey: .hash)
        evidence = Evidence(code: code, quote: EvidenceQuote(field: field, start: start, end: end, text: quote, fieldHash: hash))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(v, forKey: .v)
        try c.encode(seq, forKey: .seq)
        try c.encode(time, forKey: .time)
        try c.encode(coder, forKey: .coder)
        try c.encode(paper, forKey: .paper)
        try c.encode(op, forKey: .op)
        try c.encodeIfPresent(dimension, forKey: .dimension)
        try c.encodeIfPresent(codes, forKey: .codes)
        try c.encodeIfPresent(text, forKey: .text)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encode(codebook, forKey: .codebook)
        try c.encodeIfPresent(sources, forKey: .sources)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encodeIfPresent(automatic, forKey: .automatic)
        try c.encodeIfPresent(adjudicator, forKey: .adjudicator)
        if let evidence {
            try c.encode(evidence.code, forKey: .code)
            try c.encode(evidence.quote.field.rawValue, forKey: .field)
            try c.encode(evidence.quote.start, forKey: .start)
            try c.encode(evidence.quote.end, forKey: .end)
            try c.encode(evidence.quote.text, forKey: .quote)
            try c.encode(evidence.quote.fieldHash, forKey: .hash)
        }
    }
}
