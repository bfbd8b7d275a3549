/// Codings made under an older codebook whose dimension or code no longer exists.
///
/// They are reported (by `status` and `validate`), never dropped: the events stay in the log,
/// and renaming the code back, or recoding the paper, resolves them.
public struct StaleCodings: Hashable, Sendable, Codable {
    /// One coded value the current codebook does not know, with how often it occurs.
    public struct Item: Hashable, Sendable, Codable {
        public var dimension: String
        /// Nil when the whole dimension is gone.
        public var code: String?
        /// Papers whose current coding still holds it.
        public var papers: [String]
    }

    /// What the current codings (latest event per paper and dimension) hold that the codebook lacks.
    public var items: [Item]
    /// Events in the whole log, history included, naming a missing dimension or code.
    public var eventCount: Int

    public var isEmpty: Bool { items.isEmpty && eventCount == 0 }
    /// Papers whose current coding holds at least one missing dimension or code.
    public var paperCount: Int { Set(items.flatMap(\.papers)).count }

    /// Finds the events and current codings that name a dimension or code `codebook` does not have.
    public static func find(events: [CodingEvent], state: CodingState, codebook: Codebook) -> StaleCodings {
        var dimensions: [String: Set<String>] = [:]
        var textDimensions: Set<String> = []
        for dimension in codebook.dimensions {
            dimensions[dimension.id] = Set(dimension.codes.map(\.id))
            if dimension.kind == .text { textDimensions.insert(dimension.id) }
        }
        var eventCount = 0
        for event in events where event.op == .set || event.op == .adjudicate {
            guard let dimension = event.dimension else { continue }
            guard let codes = dimensions[dimension] else {
                eventCount += 1
                continue
            }
            if let eventCodes = event.codes, eventCodes.contains(where: { !codes.contains($0) }) { eventCount += 1 }
        }
        var papersByItem: [Item.Key: Set<String>] = [:]
        for (paper, coding) in state.papers {
            for (dimension, values) in coding.codes {
                guard let codes = dimensions[dimension] else {
                    papersByItem[Item.Key(dimension: dimension, code: nil), default: []].insert(paper)
                    continue
                }
                for code in values where !codes.contains(code) {
                    papersByItem[Item.Key(dimension: dimension, code: code), default: []].insert(paper)
                }
            }
            for dimension in coding.texts.keys where !textDimensions.contains(dimension) && dimensions[dimension] == nil {
                papersByItem[Item.Key(dimension: dimension, code: nil), default: []].insert(paper)
            }
        }
        let items = papersByItem.map { key, papers in Item(dimension: key.dimension, code: key.code, papers: papers.sorted()) }
            .sorted { ($0.dimension, $0.code ?? "") < ($1.dimension, $1.code ?? "") }
        return StaleCodings(items: items, eventCount: eventCount)
    }
}

extension StaleCodings.Item {
    fileprivate struct Key: Hashable {
        var dimension: String
        var code: String?
    }

    /// `dataset: 'emodb' (3 papers)` or `dimension 'setting' (2 papers)`.
    public var summary: String {
        let count = papers.count == 1 ? "1 paper" : "\(papers.count) papers"
        if let code { return "\(dimension): '\(code)' (\(count))" }
        return "dimension '\(dimension)' (\(count))"
    }
}
