import LitCoderCore

/// The review screen's whole state: which disagreement is shown, what the adjudicator is
/// choosing, and what the consensus log has confirmed.
///
/// A value with one entry point, `update(_:)`, which decides and returns effects (an
/// `adjudicate` event to append, quit, bell) and performs no I/O; `ReviewView` renders it and
/// `ReviewSession` carries out its effects, as `Workbench` and `WorkbenchSession` do.
public struct Review: Sendable {
    public enum Mode: Hashable, Sendable {
        case normal
        /// Choosing codes by hand: the cursor's code and the codes ticked so far.
        case editing(cursor: Int, chosen: [String])
        /// A decision is taken; the adjudicator may give a reason before it is saved.
        case reason(Decision, text: [Character])
    }

    /// What the adjudicator decided for the disagreement on screen, before it is saved.
    public struct Decision: Hashable, Sendable {
        public var codes: [String]
        public var sources: [String]
        /// How it was taken, for the status line: `alice's codes`, `union`, `intersection`, `edited`.
        public var how: String
    }

    public let codebook: Codebook
    public let adjudicator: String
    /// Every disagreement among the chosen coders, in corpus and codebook order.
    public let items: [CodingComparison]
    public let papers: [String: Paper]
    /// The consensus as the store has confirmed it.
    public internal(set) var consensus: CodingState
    /// Index in `items` of the disagreement on screen.
    public internal(set) var position = 0
    public internal(set) var mode: Mode = .normal
    /// The `?` overlay listing the keys is open (over whatever mode was on).
    public internal(set) var showingHelp = false
    public internal(set) var message: Workbench.Message?
    public internal(set) var saveStatus: Workbench.SaveStatus = .idle
    public internal(set) var screenSize: (width: Int, height: Int) = (80, 24)
    /// A decision sent to the store and not yet confirmed.
    var pending: CodingEvent?

    public init(codebook: Codebook, adjudicator: String, items: [CodingComparison], papers: [Paper],
                consensus: CodingState) {
        self.codebook = codebook
        self.adjudicator = adjudicator
        self.items = items
        var byId: [String: Paper] = [:]
        for paper in papers { byId[paper.id] = paper }
        self.papers = byId
        self.consensus = consensus
        position = items.firstIndex { !Self.isResolved($0, in: consensus) } ?? 0
    }

    // MARK: What the screen shows

    public var current: CodingComparison? { items.indices.contains(position) ? items[position] : nil }
    public var currentPaper: Paper? { current.flatMap { papers[$0.paper] } }
    public var currentDimension: Dimension? { current.flatMap { codebook.dimension($0.dimension) } }

    /// The consensus decision already taken for the disagreement on screen.
    public var currentDecision: (codes: [String], provenance: PaperCoding.Provenance)? {
        guard let item = current else { return nil }
        let coding = consensus.coding(for: item.paper)
        guard let provenance = coding.provenance[item.dimension] else { return nil }
        return (coding.codes(for: item.dimension), provenance)
    }

    public var resolvedCount: Int { items.count { Self.isResolved($0, in: consensus) } }

    static func isResolved(_ item: CodingComparison, in consensus: CodingState) -> Bool {
        consensus.coding(for: item.paper).provenance[item.dimension] != nil
    }

    /// Codes every coder who coded the dimension chose (shown plainly; the others stand out).
    public var commonCodes: Set<String> { Set(current?.intersection ?? []) }

    /// The coders who coded the dimension on screen, in the order chosen; keys 1, 2, … take theirs.
    public var codedCoders: [CodingComparison.CoderCoding] { current?.coded ?? [] }
}
