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
    /// Quotes attached to codes as their evidence (`quotes(dimension:code:)` reads them).
    public var evidence = PaperEvidence()
    /// Sequence number of the last event that changed this paper.
    public var lastSeq = 0

    public init() {}

    /// Whether any dimension has codes or text.
    public var isCoded: Bool { !codes.isEmpty || !texts.isEmpty }

    /// The codes of a dimension, empty when not coded.
    public func codes(for dimension: String) -> [String] { codes[dimension] ?? [] }

    /// The required dimensions of `codebook` this coding leaves empty (no code, no text), in
    /// codebook order: what `RequiredGap` counts for a paper marked done.
    public func emptyRequiredDimensions(in codebook: Codebook) -> [Dimension] {
        codebook.dimensions.filter { $0.required && codes(for: $0.id).isEmpty && (texts[$0.id] ?? "").isEmpty }
    }

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
/// Derived data only; rebuilt from the log at any time (`CodingLog`). Stored by column, not as a
/// dictionary of `PaperCoding`s: papers are numbered once, in the order the log first touches
/// them, and each coded dimension keeps one small integer per paper naming its code list. Replaying a
/// million events then touches flat arrays instead of a hundred thousand small dictionaries, and
/// agreement reads a dimension's codes for every paper without visiting each paper
/// (docs/performance.md, "Coding store" and "Agreement"). `coding(for:)` assembles a
/// `PaperCoding` on demand.
public struct CodingState: Hashable, Sendable {
    /// The log's owner (`alice`, or `_consensus`).
    public var coder: String
    /// The paper the coder last viewed, for resuming.
    public var lastViewed: String?
    /// The paper of the log's last event, whatever it did: where the workbench resumes.
    public var lastPaper: String?
    public var eventCount = 0
    public var lastSeq = 0
    /// Codebook hashes seen in the log, with how many events carry each.
    public var codebookHashes: [String: Int] = [:]
    /// Old code ids read as the codes that replaced them, as events are applied.
    public var renaming: CodeRenaming = .none

    /// Paper ids by number; a paper gets one at the first event (other than `view`) about it.
    var numbering = PaperNumbering(expected: 64)
    /// Per paper number: everything except the codes.
    var records: [PaperRecord] = []
    /// The dimensions that have a column, in the order first coded.
    var columnDimensions: [String] = []
    /// Per column, per paper number: the index of its code list in `codeLists`, or `notCoded`.
    var columns: [[Int32]] = []
    /// Every distinct list of codes the log set, as the events gave it (order kept).
    var codeLists: [[String]] = []
    var codeListIndex: [[String]: Int32] = [:]
    /// Per paper number, the quotes of papers that have any: a sparse side table, so replaying
    /// a log without evidence touches nothing more (`CodingState+Evidence.swift`).
    var evidence: [Int: PaperEvidence] = [:]

    static let notCoded: Int32 = -1

    /// A paper's note, flags and texts: the part of a `PaperCoding` that is not codes.
    struct PaperRecord: Sendable {
        var note = ""
        var flagged = false
        var done = false
        var lastSeq = 0
        var texts: [String: String] = [:]
        var provenance: [String: PaperCoding.Provenance] = [:]
    }

    public init(coder: String) { self.coder = coder }

    /// An empty state whose events will be read with `renaming` (the codebook's `replaces:`).
    public init(coder: String, renaming: CodeRenaming) {
        self.coder = coder
        self.renaming = renaming
    }

    // MARK: Reading

    /// How many papers the log has decided anything about (any event but `view`).
    public var paperCount: Int { records.count }

    /// The papers the log has decided anything about, in the order it first did.
    public var paperIDs: [String] { numbering.ids }

    /// The paper's coding; an empty one when the log says nothing about it.
    public func coding(for paper: String) -> PaperCoding { codingIfPresent(for: paper) ?? PaperCoding() }

    /// The paper's coding, or nil when the log says nothing about it.
    public func codingIfPresent(for paper: String) -> PaperCoding? {
        numbering.lookup(paper).map(coding(number:))
    }

    /// Calls `body` with every paper the log decided anything about and its coding, in the order
    /// the log first touched them.
    public func forEachPaper(_ body: (String, PaperCoding) throws -> Void) rethrows {
        for number in records.indices { try body(numbering.ids[number], coding(number: number)) }
    }

    /// Every paper's coding by id. Builds a dictionary of all papers: prefer `coding(for:)`,
    /// `codingIfPresent(for:)` or `forEachPaper(_:)` on large states.
    public var papers: [String: PaperCoding] {
        get {
            var all = [String: PaperCoding](minimumCapacity: records.count)
            forEachPaper { all[$0] = $1 }
            return all
        }
        set {
            var rebuilt = CodingState(coder: coder, renaming: renaming)
            rebuilt.lastViewed = lastViewed
            rebuilt.lastPaper = lastPaper
            rebuilt.eventCount = eventCount
            rebuilt.lastSeq = lastSeq
            rebuilt.codebookHashes = codebookHashes
            for (paper, coding) in newValue.sorted(by: { $0.key < $1.key }) { rebuilt.setCoding(coding, for: paper) }
            self = rebuilt
        }
    }

    /// The number of a paper the log decided anything about.
    func paperNumber(of paper: String) -> Int? { numbering.lookup(paper) }

    func coding(number: Int) -> PaperCoding {
        let record = records[number]
        var coding = PaperCoding()
        coding.note = record.note
        coding.flagged = record.flagged
        coding.done = record.done
        coding.lastSeq = record.lastSeq
        coding.texts = record.texts
        coding.provenance = record.provenance
        if !evidence.isEmpty, let quotes = evidence[number] { coding.evidence = quotes }
        for column in columns.indices {
            let list = columns[column][number]
            if list != Self.notCoded { coding.codes[columnDimensions[column]] = codeLists[Int(list)] }
        }
        return coding
    }

    /// The column of `dimension`, nil when no paper was ever coded on it.
    func columnIndex(of dimension: String) -> Int? {
        columnDimensions.firstIndex(of: dimension)
    }

    /// The paper id of a paper number.
    func paperID(number: Int) -> String { numbering.ids[number] }

    /// Calls `body` with the number and text of every paper with a non-empty text on
    /// `dimension` (a text or number dimension), in paper-number order.
    func forEachText(of dimension: String, _ body: (Int, String) -> Void) {
        for number in records.indices {
            if let text = records[number].texts[dimension], !text.isEmpty { body(number, text) }
        }
    }

    /// The note of the paper of this number.
    func note(number: Int) -> String { records[number].note }

    /// Whether the paper of this number has a dimension coded (`PaperCoding.isCoded`), and its
    /// done and flagged marks, without assembling its `PaperCoding`.
    func marks(number: Int) -> (coded: Bool, done: Bool, flagged: Bool) {
        let record = records[number]
        return (!record.texts.isEmpty || columns.contains { $0[number] != Self.notCoded }, record.done, record.flagged)
    }

    /// Whether the paper of this number has a value on `dimension` (codes, or a non-empty
    /// text): what `PaperCoding.codes(for:)` and `texts` would show, without assembling them.
    func hasValue(number: Int, dimension: String) -> Bool {
        if let column = columnIndex(of: dimension), columns[column][number] != Self.notCoded { return true }
        return !(records[number].texts[dimension] ?? "").isEmpty
    }

    /// The text of the paper of this number on a text or number dimension, nil when none.
    func text(number: Int, dimension: String) -> String? { records[number].texts[dimension] }

    /// Whether the paper of this number is coded at all: a dimension has a value, or it is done.
    func paperIsCoded(number: Int) -> Bool {
        let record = records[number]
        return record.done || !record.texts.isEmpty || columns.contains { $0[number] != Self.notCoded }
    }

    // MARK: Changing

    /// Replaces everything the state holds about `paper` with `coding`; an empty code list is
    /// "not coded", as in the log.
    public mutating func setCoding(_ coding: PaperCoding, for paper: String) {
        let number = number(of: paper)
        records[number] = PaperRecord(note: coding.note, flagged: coding.flagged, done: coding.done,
                                      lastSeq: coding.lastSeq, texts: coding.texts.filter { !TextNormalisation.isBlank($0.value) },
                                      provenance: coding.provenance)
        evidence[number] = coding.evidence.isEmpty ? nil : coding.evidence
        for column in columns.indices where coding.codes[columnDimensions[column]] == nil {
            columns[column][number] = Self.notCoded
        }
        for (dimension, codes) in coding.codes { setCodes(codes, dimension: dimension, number: number) }
    }

    /// The number of `paper`, giving it a record (and a place in every column) when new.
    private mutating func number(of paper: String) -> Int {
        number(of: paper, hash: PaperNumbering.hash(paper))
    }

    /// `number(of:)` for a paper whose `PaperNumbering.hash(_:)` is known.
    private mutating func number(of paper: String, hash: UInt64) -> Int {
        let number = numbering.number(of: paper, hash: hash)
        if number == records.count {
            records.append(PaperRecord())
            for column in columns.indices { columns[column].append(Self.notCoded) }
        }
        return number
    }

    private mutating func setCodes(_ codes: [String], dimension: String, number: Int) {
        let column: Int
        if let existing = columnIndex(of: dimension) {
            column = existing
        } else {
            guard !codes.isEmpty else { return }
            column = addColumn(dimension)
        }
        columns[column][number] = codes.isEmpty ? Self.notCoded : listIndex(of: codes)
    }

    /// Makes the column of a dimension no paper has codes on yet; returns it.
    mutating func addColumn(_ dimension: String) -> Int {
        columnDimensions.append(dimension)
        columns.append([Int32](repeating: Self.notCoded, count: records.count))
        return columns.count - 1
    }

    mutating func listIndex(of codes: [String]) -> Int32 {
        if let known = codeListIndex[codes] { return known }
        let index = Int32(codeLists.count)
        codeLists.append(codes)
        codeListIndex[codes] = index
        return index
    }

    /// Applies one event; the latest event for a (paper, dimension) wins.
    public mutating func apply(_ event: CodingEvent) {
        codebookHashes[event.codebook, default: 0] += 1
        applyIgnoringCodebook(event)
    }

    mutating func applyIgnoringCodebook(_ event: CodingEvent) {
        guard let number = begin(seq: event.seq, paper: event.paper, op: event.op) else { return }
        switch event.op {
        case .set, .adjudicate:
            guard let dimension = event.dimension else { break }
            if let text = event.text {
                // A blank text (`""`, or only white space written by hand) is no value: every
                // reader of the state sees the dimension not coded.
                records[number].texts[dimension] = TextNormalisation.isBlank(text) ? nil : text
            } else if !renaming.isEmpty, let mapped = renaming.mapped(event.codes ?? [], dimension: dimension) {
                setCodes(mapped, dimension: dimension, number: number)
            } else {
                setCodes(event.codes ?? [], dimension: dimension, number: number)
            }
            if event.op == .adjudicate {
                // An automatic decision from no coders withdraws an earlier one: the dimension
                // is undecided again and goes back to review (`AutoConsensus`).
                let withdrawn = event.automatic == true && (event.sources ?? []).isEmpty
                records[number].provenance[dimension] = withdrawn ? nil : .init(
                    adjudicator: event.adjudicator ?? event.coder, sources: event.sources ?? [], reason: event.reason,
                    automatic: event.automatic ?? false)
            }
        case .note:
            records[number].note = event.text ?? ""
        case .flag:
            records[number].flagged = event.value ?? false
        case .done:
            records[number].done = event.value ?? false
        case .evidence:
            applyEvidence(event, number: number)
        case .view:
            break
        }
        records[number].lastSeq = event.seq
    }

    /// What every event does: counts it and notes its seq and paper. A `view` does no more
    /// (nil); any other event gets its paper's number, numbering the paper if new.
    mutating func begin(seq: Int, paper: String, paperHash: UInt64? = nil, op: CodingEvent.Operation) -> Int? {
        eventCount += 1
        lastSeq = max(lastSeq, seq)
        lastPaper = paper
        if op == .view {
            lastViewed = paper
            return nil
        }
        return number(of: paper, hash: paperHash ?? PaperNumbering.hash(paper))
    }

    // MARK: Equality

    /// Equal when they hold the same decisions, whatever order the papers were first touched in.
    public static func == (a: CodingState, b: CodingState) -> Bool {
        guard a.coder == b.coder, a.lastViewed == b.lastViewed, a.lastPaper == b.lastPaper, a.eventCount == b.eventCount,
              a.lastSeq == b.lastSeq, a.codebookHashes == b.codebookHashes, a.paperCount == b.paperCount
        else { return false }
        for number in a.records.indices where b.codingIfPresent(for: a.paperID(number: number)) != a.coding(number: number) {
            return false
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(coder)
        hasher.combine(eventCount)
        hasher.combine(lastSeq)
        hasher.combine(paperCount)
    }

    public init(coder: String, renaming: CodeRenaming = .none, replaying events: some Sequence<CodingEvent>) {
        self.init(coder: coder, renaming: renaming)
        var replay = Replay(into: self)
        for event in events { replay.apply(event) }
        self = replay.finish()
    }

    /// Whether the log coded (any dimension), marked done or flagged `paper`, without
    /// assembling its `PaperCoding`; nil when the log says nothing about it.
    public func marks(of paper: String) -> (coded: Bool, done: Bool, flagged: Bool)? {
        numbering.lookup(paper).map(marks(number:))
    }

    /// Papers with at least one dimension coded.
    public var codedPaperCount: Int {
        records.indices.count { number in
            !records[number].texts.isEmpty || columns.contains { $0[number] != Self.notCoded }
        }
    }
    public var donePaperCount: Int { records.count { $0.done } }
    public var flaggedPaperCount: Int { records.count { $0.flagged } }
}
