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
        /// Writing a text or number dimension's value by hand.
        case writing(text: [Character])
        /// A decision is taken; the adjudicator may give a reason before it is saved.
        case reason(Decision, text: [Character])
    }

    /// What the adjudicator decided for the disagreement on screen, before it is saved.
    public struct Decision: Hashable, Sendable {
        public var codes: [String]
        /// A text or number dimension's value; nil on a coded dimension. Empty: no value.
        public var text: String?
        public var sources: [String]
        /// How it was taken, for the status line: `alice's codes`, `union`, `intersection`, `edited`.
        public var how: String

        public init(codes: [String] = [], text: String? = nil, sources: [String], how: String) {
            self.codes = codes
            self.text = text
            self.sources = sources
            self.how = how
        }

        /// The value in words: `acted, lab`, `"Hebrew"`, or `(not coded)`.
        public var summary: String { Review.valueText(codes: codes, text: text) }
    }

    /// `acted, lab`, `"Hebrew"`, or `(not coded)` when there is no value.
    static func valueText(codes: [String], text: String?) -> String {
        if let text, !text.isEmpty { return "\"" + text + "\"" }
        return codes.isEmpty ? "(not coded)" : codes.joined(separator: ", ")
    }

    public let codebook: Codebook
    public let adjudicator: String
    /// The chosen coders, in the order chosen: key `n` is the n-th of them on every paper,
    /// whether or not they are assigned to it.
    public let coders: [String]
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

    /// - Parameter items: the disagreements; with assignments each holds only the codings of
    ///   the coders assigned to its paper (`CodingPlan.limit`), and a chosen coder absent from
    ///   it is shown as not assigned.
    public init(codebook: Codebook, adjudicator: String, coders: [String], items: [CodingComparison], papers: [Paper],
                consensus: CodingState) {
        self.codebook = codebook
        self.adjudicator = adjudicator
        self.coders = coders
        self.items = items
        var byId: [String: Paper] = [:]
        for paper in papers { byId[paper.id] = paper }
        self.papers = byId
        self.consensus = consensus
        position = items.firstIndex { !Self.isResolved($0, in: consensus, codebook: codebook) } ?? 0
    }

    // MARK: What the screen shows

    public var current: CodingComparison? { items.indices.contains(position) ? items[position] : nil }
    public var currentPaper: Paper? { current.flatMap { papers[$0.paper] } }
    public var currentDimension: Dimension? { current.flatMap { codebook.dimension($0.dimension) } }

    /// The consensus decision already taken for the disagreement on screen: its codes or text.
    public var currentDecision: (codes: [String], text: String?, provenance: PaperCoding.Provenance)? {
        guard let item = current else { return nil }
        let coding = consensus.coding(for: item.paper)
        guard let provenance = coding.provenance[item.dimension] else { return nil }
        return (coding.codes(for: item.dimension), coding.texts[item.dimension], provenance)
    }

    /// Whether the dimension on screen holds text or a number instead of codes.
    public var currentTakesValue: Bool { currentDimension.map { !$0.takesCodes } ?? false }

    public var resolvedCount: Int { items.count { Self.isResolved($0, in: consensus, codebook: codebook) } }

    /// Decided by hand: an automatic decision on a disagreement is one the coders no longer
    /// agree on, which leaves it open (`ConsensusProgress`), so review shows it as undecided.
    /// An agreement is among the items only when it was decided by hand with another value
    /// than the coders' (`ConsensusProgress.staleByHand`): it is resolved once the consensus
    /// holds the value the coders agree on.
    static func isResolved(_ item: CodingComparison, in consensus: CodingState, codebook: Codebook) -> Bool {
        let coding = consensus.codingIfPresent(for: item.paper)
        guard let provenance = coding?.provenance[item.dimension] else { return false }
        if item.isAgreement {
            guard let dimension = codebook.dimension(item.dimension) else { return true }
            return item.isHeld(by: coding, dimension: dimension)
        }
        return !provenance.automatic
    }

    /// Codes every coder of the paper chose (shown plainly; the others stand out): none, when
    /// one of them left the dimension empty.
    public var commonCodes: Set<String> {
        guard let current, current.kind == .differ else { return [] }
        return Set(current.intersection)
    }

    /// The coders who coded the dimension on screen, in the order chosen.
    public var codedCoders: [CodingComparison.CoderCoding] { current?.coded ?? [] }

    /// The n-th chosen coder's coding of the disagreement on screen (key n + 1): nil when that
    /// coder is not assigned to the paper.
    public func coding(ofCoderAt index: Int) -> CodingComparison.CoderCoding? {
        guard coders.indices.contains(index) else { return nil }
        return current?.codings.first { $0.coder == coders[index] }
    }
}
