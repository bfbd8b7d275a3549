/// One line of a coder's append-only log: a single decision, never edited afterwards.
///
/// Replaying a log in order gives the coder's current state (`CodingState`); the latest event
/// for a (paper, dimension) wins and the history stays for undo and the audit trail.
/// The JSON form is documented in `docs/file-formats.md`.
public struct CodingEvent: Codable, Hashable, Sendable {
    /// The newest schema version this litcoder reads; it reports a line of a higher one as
    /// written by a newer litcoder and leaves it out.
    ///
    /// Each line carries the version its operation needs (`Operation.schemaVersion`), not the
    /// newest: a `set` is still written as version 1, so a litcoder that reads only version 1
    /// keeps reading every line but the new operations.
    public static let schemaVersion = 2
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
        /// Attach (`value: true`) or remove (`value: false`) a quote as evidence for a code.
        case evidence

        /// The schema version a line of this operation is written with: the oldest that can
        /// read it.
        public var schemaVersion: Int { self == .evidence ? 2 : 1 }
    }

    /// The schema version the line is written with: its operation's (`Operation.schemaVersion`).
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
    /// For `flag` and `done`; for `evidence`, true to attach the quote and false to remove it.
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
    /// For `evidence`: the code and the quote. Kept in a box, so the events of a log without
    /// evidence are no larger for it.
    private var evidenceBox: EvidenceBox?

    /// For `evidence`: the code (of `dimension`) and the quote attached to it or removed.
    public var evidence: Evidence? {
        get { evidenceBox?.value }
        set { evidenceBox = newValue.map(EvidenceBox.init) }
    }

    /// - Parameter v: the schema version; nil for the one `op` is written with.
    public init(
        v: Int? = nil, seq: Int = 0, time: String = "", coder: String,
        paper: String, op: Operation, dimension: String? = nil, codes: [String]? = nil,
        text: String? = nil, value: Bool? = nil, codebook: String = "", sources: [String]? = nil,
        reason: String? = nil, automatic: Bool? = nil, adjudicator: String? = nil, evidence: Evidence? = nil
    ) {
        self.v = v ?? op.schemaVersion
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
        self.evidenceBox = evidence.map(EvidenceBox.init)
    }

    enum CodingKeys: String, CodingKey {
        case v, seq, time, coder, paper, op, dimension = "dim", codes, text, value, codebook
        case sources, reason, automatic, adjudicator
        case code, field, start, end, quote, hash
    }
}

extension CodingEvent {
    /// Attaches (`attached`) or removes a quote as the evidence for `code` of `dimension`.
    public static func evidence(
        paper: String, dimension: String, code: String, quote: EvidenceQuote, attached: Bool, coder: String,
        codebook: String
    ) -> CodingEvent {
        CodingEvent(coder: coder, paper: paper, op: .evidence, dimension: dimension, value: attached,
                    codebook: codebook, evidence: Evidence(code: code, quote: quote))
    }

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
