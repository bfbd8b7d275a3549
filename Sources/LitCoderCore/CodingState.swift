/// What one coder (or the consensus) has decided for one paper, as replayed from a log.
public struct PaperCoding: Hashable, Sendable {
    /// Codes per dimension id. A dimension with nothing selected is absent (not coded).
    public var codes: [String: [String]] = [:]
    /// Text per text dimension id.
    public var texts: [String: String] = [:]
    public var note: String = ""
    public var flagged = false
    public var done = false
    /// For the consensus: where each dimension's codes came from.
    public var provenance: [String: Provenance] = [:]
    /// Sequence number of the last event that changed this paper.
    public var lastSeq = 0

    public init() {}

    /// Whether any dimension has codes or text.
    public var isCoded: Bool { !codes.isEmpty || !texts.isEmpty }

    /// The codes of a dimension, empty when not coded.
    public func codes(for dimension: String) -> [String] { codes[dimension] ?? [] }

    /// Who decided an adjudicated dimension, from whose codings, and why.
    public struct Provenance: Hashable, Sendable {
        public var adjudicator: String
        public var sources: [String]
        public var reason: String?
        public var automatic: Bool
        public init(adjudicator: String, sources: [String], reason: String?, automatic: Bool) {
            self.adjudicator = adjudicator
            self.sources = sources
            self.reason = reason
            self.automatic = automatic
        }
    }
}

/// A coder's current decisions for every paper: the fold of their event log.
///
/// Derived data only; rebuilt from the log at any time (`CodingLog`).
public struct CodingState: Hashable, Sendable {
    /// The log's owner (`alice`, or `_consensus`).
    public var coder: String
    public var papers: [String: PaperCoding] = [:]
    /// The paper the coder last viewed, for resuming.
    public var lastViewed: String?
    public var eventCount = 0
    public var lastSeq = 0
    /// Codebook hashes seen in the log, with how many events carry each.
    public var codebookHashes: [String: Int] = [:]

    public init(coder: String) { self.coder = coder }

    public func coding(for paper: String) -> PaperCoding { papers[paper] ?? PaperCoding() }

    /// Applies one event; the latest event for a (paper, dimension) wins.
    public mutating func apply(_ event: CodingEvent) {
        codebookHashes[event.codebook, default: 0] += 1
        applyIgnoringCodebook(event)
    }

    private mutating func applyIgnoringCodebook(_ event: CodingEvent) {
        eventCount += 1
        lastSeq = max(lastSeq, event.seq)
        if event.op == .view {
            lastViewed = event.paper
            return
        }
        // Mutated in place through the dictionary's accessor: copying a PaperCoding out and back
        // would copy its dictionaries on every event, which dominates a long replay.
        Self.apply(event, to: &papers[event.paper, default: PaperCoding()])
    }

    private static func apply(_ event: CodingEvent, to paper: inout PaperCoding) {
        switch event.op {
        case .set, .adjudicate:
            guard let dimension = event.dimension else { break }
            if let text = event.text {
                paper.texts[dimension] = text.isEmpty ? nil : text
            } else {
                let codes = event.codes ?? []
                paper.codes[dimension] = codes.isEmpty ? nil : codes
            }
            if event.op == .adjudicate {
                paper.provenance[dimension] = .init(
                    adjudicator: event.adjudicator ?? event.coder, sources: event.sources ?? [], reason: event.reason,
                    automatic: event.automatic ?? false)
            }
        case .note:
            paper.note = event.text ?? ""
        case .flag:
            paper.flagged = event.value ?? false
        case .done:
            paper.done = event.value ?? false
        case .view:
            break
        }
        paper.lastSeq = event.seq
    }

    public init(coder: String, replaying events: some Sequence<CodingEvent>) {
        self.init(coder: coder)
        var replay = Replay(into: self)
        for event in events { replay.apply(event) }
        self = replay.finish()
    }

    /// Applies a long run of events faster than `apply(_:)` one by one, with the same result.
    ///
    /// Nearly every event of a log carries the same codebook hash; counting runs of it instead of
    /// hashing 64 hex digits into `codebookHashes` per event saves a fifth of a replay.
    public struct Replay {
        private var state: CodingState
        private var runHash: String?
        private var runCount = 0

        public init(into state: CodingState) { self.state = state }

        public mutating func apply(_ event: CodingEvent) {
            if event.codebook != runHash {
                flushRun()
                runHash = event.codebook
            }
            runCount += 1
            state.applyIgnoringCodebook(event)
        }

        private mutating func flushRun() {
            if let runHash, runCount > 0 { state.codebookHashes[runHash, default: 0] += runCount }
            runCount = 0
        }

        public mutating func finish() -> CodingState {
            flushRun()
            return state
        }
    }

    /// Papers with at least one dimension coded.
    public var codedPaperCount: Int { papers.values.count { $0.isCoded } }
    public var donePaperCount: Int { papers.values.count { $0.done } }
    public var flaggedPaperCount: Int { papers.values.count { $0.flagged } }
}
