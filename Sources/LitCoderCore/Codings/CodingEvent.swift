/// One line of a coder's append-only log: a single decision, never edited afterwards.
///
/// Replaying a log in order gives the coder's current state (`CodingState`); the latest event
/// for a (paper, dimension) wins and the history stays for undo and the audit trail.
/// The JSON form is documented in `docs/file-formats.md`.
public struct CodingEvent: Codable, Hashable, Sendable {
    /// The version of this record's schema; a reader refuses versions it does not know.
    public static let schemaVersion = 1
    /// The largest `v` a reader takes for a schema version at all (a newer one it cannot read);
    /// anything larger is a damaged line, not a future litcoder.
    public static let largestSchemaVersion = 1_000
    /// The largest `seq`: 2^53, the last whole number every JSON reader keeps exact. A log would
    /// need a million events a second for 285 years to reach it, so a larger one is damage.
    public static let largestSeq = 1 << 53

    public enum Operation: String, Codable, Hashable, Sendable, CaseIterable {
        /// Replace the codes (or, for a text dimension, the text) of one dimension.
        case set
        /// Replace the paper's note.
        case note
        /// Set or clear the "unsure" flag.
        case flag
        /// Mark the paper done or not done.
        case done
        /// The coder looked at this paper last; the workbench resumes there.
        case view
        /// A consensus decision for one dimension, with its provenance.
        case adjudicate
    }

    public var v: Int
    /// 1, 2, 3 … within one log; a gap or repeat is reported on load.
    public var seq: Int
    /// ISO 8601 with milliseconds, UTC.
    public var time: String
    public var coder: String
    public var paper: String
    public var op: Operation
    public var dimension: String?
    public var codes: [String]?
    /// The note (`note`), or a text dimension's value (`set`).
    public var text: String?
    /// For `flag` and `done`.
    public var value: Bool?
    /// Content hash of the codebook the decision was made under.
    public var codebook: String
    /// For `adjudicate`: the coders whose codings the chosen codes came from.
    public var sources: [String]?
    /// For `adjudicate`: the adjudicator's reason, if given.
    public var reason: String?
    /// For `adjudicate`: true when taken automatically because all coders agreed.
    public var automatic: Bool?
    /// For `adjudicate`: who decided. The consensus log's `coder` is always `_consensus`,
    /// so the person is recorded here.
    public var adjudicator: String?

    public init(
        v: Int = CodingEvent.schemaVersion, seq: Int = 0, time: String = "", coder: String,
        paper: String, op: Operation, dimension: String? = nil, codes: [String]? = nil,
        text: String? = nil, value: Bool? = nil, codebook: String = "", sources: [String]? = nil,
        reason: String? = nil, automatic: Bool? = nil, adjudicator: String? = nil
    ) {
        self.v = v
        self.seq = seq
        self.time = time
        self.coder = coder
        self.paper = paper
        self.op = op
        self.dimension = dimension
        self.codes = codes
        self.text = text
        self.value = value
        self.codebook = codebook
        self.sources = sources
        self.reason = reason
        self.automatic = automatic
        self.adjudicator = adjudicator
    }

    enum CodingKeys: String, CodingKey {
        case v, seq, time, coder, paper, op, dimension = "dim", codes, text, value, codebook
        case sources, reason, automatic, adjudicator
    }
}

extension CodingEvent {
    /// A `set` of one dimension's codes.
    public static func set(
        paper: String, dimension: String, codes: [String], coder: String, codebook: String
    ) -> CodingEvent {
        CodingEvent(coder: coder, paper: paper, op: .set, dimension: dimension, codes: codes,
                    codebook: codebook)
    }

    /// A `set` of a text dimension's value.
    public static func setText(
        paper: String, dimension: String, text: String, coder: String, codebook: String
    ) -> CodingEvent {
        CodingEvent(coder: coder, paper: paper, op: .set, dimension: dimension, text: text,
                    codebook: codebook)
    }

    /// A consensus decision for one dimension: `codes`, taken from `sources`' codings.
    public static func adjudicate(
        paper: String, dimension: String, codes: [String], sources: [String], adjudicator: String,
        reason: String? = nil, automatic: Bool = false, codebook: String
    ) -> CodingEvent {
        CodingEvent(coder: CoderName.consensus, paper: paper, op: .adjudicate, dimension: dimension,
                    codes: codes, codebook: codebook, sources: sources, reason: reason,
                    automatic: automatic, adjudicator: adjudicator)
    }

    /// A consensus decision for a text or number dimension: `text` (empty: no value),
    /// taken from `sources`' codings.
    public static func adjudicate(
        paper: String, dimension: String, text: String, sources: [String], adjudicator: String,
        reason: String? = nil, automatic: Bool = false, codebook: String
    ) -> CodingEvent {
        CodingEvent(coder: CoderName.consensus, paper: paper, op: .adjudicate, dimension: dimension,
                    text: text, codebook: codebook, sources: sources, reason: reason,
                    automatic: automatic, adjudicator: adjudicator)
    }
}
