import LitCoderCore

/// The coding workbench's whole state: which paper, which dimension, what is saved.
///
/// A value with one entry point, `update(_:)`, which decides and returns effects but performs
/// no I/O; views render it, the run loop (`WorkbenchSession`) carries out its effects.
/// It holds only its own coder's log, so other coders' codes and notes can never appear
/// (blind coding).
public struct Workbench: Sendable {
    /// Which papers → and ← walk through: the coder's own (`mine`), `all`, `todo`, `flagged`.
    public typealias Queue = CoderQueue.Kind

    public enum Mode: Hashable, Sendable {
        case normal
        case help
        case prompt(Prompt)
        /// Words of the paper chosen as a quote (`v`); keys move and extend the selection.
        case selecting(QuoteSelection)
    }

    /// Whether the last change reached the disk.
    public enum SaveStatus: Hashable, Sendable {
        /// Nothing changed yet in this session.
        case idle
        case saving
        case saved
        case failed(String)
    }

    /// A line for the status bar about what just happened.
    public struct Message: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case info, warning }
        public var text: String
        public var kind: Kind
    }

    /// A write waiting for the store, with what to do when it returns.
    struct PendingSave: Hashable, Sendable {
        enum Purpose: Hashable, Sendable {
            case change(CodingChange)
            case undo(CodingChange)
            case redo(CodingChange)
            case view
        }
        var event: CodingEvent
        var purpose: Purpose
    }

    public let codebook: Codebook
    public let papers: [Paper]
    public let coder: String
    public let queueKind: Queue
    /// Indices into `papers` of the papers in the queue, in the coder's order.
    public private(set) var queue: [Int]
    /// Position in `queue` of the paper on screen.
    public internal(set) var position: Int
    /// The coder's state as the store has confirmed it.
    public private(set) var confirmed: CodingState
    var pending: [PendingSave] = []
    /// Changes of this session, newest last; undo takes these first.
    var undoStack: [CodingChange] = []
    /// Changes logged before this session, derived from the log on the first undo that needs them.
    var earlierHistory: [CodingChange]?
    /// The log, for `earlierHistory`; read on first need.
    let loggedHistory: EventHistory
    /// How many of its events were there when the workbench opened: a history read later also
    /// holds this session's events, whose changes are on `undoStack` (or were undone) already.
    let loggedEventCount: Int
    var redoStack: [CodingChange] = []

    public internal(set) var mode: Mode = .normal
    public internal(set) var dimensionIndex = 0
    /// The code under the cursor in the focused dimension.
    public internal(set) var codeCursor = 0
    /// First row of the codebook list on screen (`codeListViewport` keeps the cursor shown).
    public internal(set) var codeListTop = 0
    /// The paper Enter was pressed on with a required dimension still empty: Enter again
    /// marks it done anyway.
    var confirmingDone: String?
    /// First abstract line shown.
    public internal(set) var scroll = 0
    /// The selection to return to when the help opened over it closes.
    var selectionBeforeHelp: QuoteSelection?
    /// Where the last selection on this paper was: the next `v` starts there.
    var lastSelection: QuoteSelection?
    /// The paper's quotes as the screen marks them, kept current by `refreshQuoteMarks()`.
    public internal(set) var quoteMarks = QuoteMarks()
    public internal(set) var showSummary = false
    public internal(set) var message: Message?
    public internal(set) var saveStatus: SaveStatus = .idle
    public internal(set) var lastSearch: String?
    /// Columns and rows of the screen, for paging and layout.
    public internal(set) var screenSize: (width: Int, height: Int) = (80, 24)

    /// Alias matches in the current paper's abstract, for highlighting.
    public private(set) var abstractMatches: [AliasMatch] = []
    /// Codes the aliases suggest for the current paper, per dimension.
    public internal(set) var suggestions: [String: Set<String>] = [:]
    /// False while the suggestions come from part of a very long abstract (`PreparedPaper`).
    public internal(set) var suggestionsComplete = true
    /// The current abstract wrapped for the current screen, laid out as far as it is read, so
    /// paging and drawing a long abstract do not re-wrap it on every key.
    public internal(set) var abstractLayout = AbstractLayout(text: "", width: 1, highlights: .known([]))
    let matcher: AliasMatcher
    /// Neighbouring papers matched and wrapped while the coder reads, by index in `papers`.
    var prepared: [Int: PreparedPaper] = [:]
    /// How the paper on screen was prepared, for laying it out again at another width.
    var shownPrepared: PreparedPaper?
    /// Whether idle time completes a long abstract's suggestions (false when a background
    /// `PaperPreparer` does it).
    var completesSuggestionsWhenIdle = true
    /// The paper of the log's last event: where the workbench resumes.
    var lastLoggedPaper: String?
    /// Kept up to date by `confirm`, so the status bar never counts 100,000 papers per key.
    private var confirmedDone: Int
    private var confirmedFlagged: Int
    /// The coder's own papers (assigned and calibration) when they are not every paper, and
    /// how many of them are done: the progress the status bar shows, as `status` counts it.
    private var ownPapers: Set<String>?
    private var confirmedDoneOwn = 0

    /// - Parameters:
    ///   - events: the coder's log so far; the undo history and the resume point come from it.
    ///   - state: the replay of `events` when the caller already has it (`CodingLog.state`).
    ///   - startPaper: a paper id to open on (else the paper the coder was last at).
    ///   - order: the coder's papers in order (`CoderQueue`); by default every paper is the
    ///     coder's, in corpus order.
    public init(
        codebook: Codebook, papers: [Paper], coder: String, events: [CodingEvent], state: CodingState? = nil,
        queue: Queue = .all, startPaper: String? = nil, order: CoderQueue? = nil
    ) {
        self.init(codebook: codebook, papers: papers, coder: coder,
                  state: state ?? CodingState(coder: coder, replaying: events), history: EventHistory(events),
                  queue: queue, startPaper: startPaper, order: order)
    }

    /// - Parameters:
    ///   - state: the coder's replayed log (`CodingLog.state`); the resume point comes from it.
    ///   - history: the log's events, read only when undo goes back past this session.
    ///   - startPaper: a paper id to open on (else the paper the coder was last at).
    ///   - order: the coder's papers in order (`CoderQueue`); by default every paper is the
    ///     coder's, in corpus order.
    public init(
        codebook: Codebook, papers: [Paper], coder: String, state: CodingState, history: EventHistory,
        queue: Queue = .all, startPaper: String? = nil, order: CoderQueue? = nil
    ) {
        self.codebook = codebook
        self.papers = papers
        self.coder = coder
        self.queueKind = queue
        confirmed = state
        loggedHistory = history
        loggedEventCount = state.eventCount
        matcher = AliasMatcher(codebook: codebook)
        confirmedDone = state.donePaperCount
        confirmedFlagged = state.flaggedPaperCount
        let order = order ?? CoderQueue(paperCount: papers.count)
        self.queue = order.papers(queue, papers: papers, state: state)
        let own = order.papers(.mine, papers: papers, state: state)
        if own.count < papers.count {
            let ids = Set(own.map { papers[$0].id })
            ownPapers = ids
            confirmedDoneOwn = ids.count { state.marks(of: $0)?.done == true }
        }
        position = 0
        // Resume where the coder last was: the latest viewed or changed paper.
        lastLoggedPaper = state.lastPaper
        let resume = startPaper ?? lastLoggedPaper
        if let resume, let index = self.queue.firstIndex(where: { papers[$0].id == resume }) {
            position = index
        }
        paperDidChange()
    }

    /// Whether `init` could open on `id` (it is in the queue).
    public func queueContains(_ id: String) -> Bool { queue.contains { papers[$0].id == id } }

    /// The paper on screen, nil when the queue is empty.
    public var currentPaper: Paper? {
        guard position >= 0, position < queue.count else { return nil }
        let index = queue[position]
        return index < papers.count ? papers[index] : nil
    }

    /// A paper's coding as the coder sees it: confirmed, plus writes still on their way.
    public func coding(for paper: String) -> PaperCoding {
        var coding = confirmed.coding(for: paper)
        for save in pending where save.event.paper == paper {
            var scratch = CodingState(coder: coder)
            scratch.setCoding(coding, for: paper)
            scratch.apply(save.event)
            coding = scratch.coding(for: paper)
        }
        return coding
    }

    /// The current paper's coding (empty when there is no paper).
    public var currentCoding: PaperCoding {
        currentPaper.map { coding(for: $0.id) } ?? PaperCoding()
    }

    public var focusedDimension: Dimension? {
        codebook.dimensions.indices.contains(dimensionIndex) ? codebook.dimensions[dimensionIndex] : nil
    }

    /// Papers marked done (including writes on their way).
    public var doneCount: Int { countAfterPending(confirmedCount: confirmedDone) { $0.done } }
    public var flaggedCount: Int { countAfterPending(confirmedCount: confirmedFlagged) { $0.flagged } }

    /// Progress through the coder's own papers: done (including writes on their way) of how
    /// many. Every paper when nothing is assigned; else the assigned and calibration papers.
    public var progress: (done: Int, of: Int) {
        guard let ownPapers else { return (doneCount, papers.count) }
        return (countAfterPending(confirmedCount: confirmedDoneOwn, among: ownPapers) { $0.done }, ownPapers.count)
    }

    private func countAfterPending(confirmedCount: Int, among papers: Set<String>? = nil,
                                   _ holds: (PaperCoding) -> Bool) -> Int {
        var count = confirmedCount
        for paper in Set(pending.map(\.event.paper)) where papers?.contains(paper) ?? true {
            if holds(confirmed.coding(for: paper)) { count -= 1 }
            if holds(coding(for: paper)) { count += 1 }
        }
        return count
    }

    /// Whether a change is on its way to the disk.
    public var isSaving: Bool { !pending.isEmpty }

    /// Recomputes what depends on the paper on screen.
    mutating func paperDidChange() {
        scroll = 0
        lastSelection = nil
        if case .selecting = mode { mode = .normal }
        // Each paper is coded top to bottom, so a new paper starts at the first dimension.
        dimensionIndex = 0
        codeCursor = 0
        codeListTop = 0
        confirmingDone = nil
        guard let paper = currentPaper else {
            abstractMatches = []
            suggestions = [:]
            suggestionsComplete = true
            abstractLayout = AbstractLayout(text: "", width: 1, highlights: .known([]))
            return
        }
        let width = abstractWidth
        let ready = queue.indices.contains(position) ? prepared[queue[position]] : nil
        let shown = ready.flatMap { $0.width == width ? $0 : nil } ?? prepare(paper, width: width)
        abstractMatches = shown.matches
        suggestions = shown.suggestions
        suggestionsComplete = shown.suggestionsComplete
        abstractLayout = shown.layout
        shownPrepared = shown
        layOutAbstract()
        refreshQuoteMarks()
    }

    /// Re-wraps the abstract when the width it is drawn at changed, and lays it out as far as
    /// the screen and the next page reach.
    mutating func layOutAbstract() {
        guard let paper = currentPaper else { return }
        let area = abstractArea
        if area.width != abstractLayout.width, let shown = shownPrepared {
            abstractLayout = shown.laidOut(paper, width: max(1, area.width), matcher: matcher)
        }
        abstractLayout.layOut(through: scroll + 2 * max(1, area.height))
    }

    /// Records a new draft event for the store, applied on screen at once as "saving".
    mutating func submit(_ event: CodingEvent, purpose: PendingSave.Purpose) -> Effect {
        pending.append(PendingSave(event: event, purpose: purpose))
        saveStatus = .saving
        return .append(event)
    }

    /// A draft event about `paper`, stamped with this coder and codebook.
    func draft(_ field: CodingChange.Field, of paper: String, to value: CodingChange.Value) -> CodingEvent {
        CodingChange.event(setting: field, of: paper, to: value, coder: coder, codebook: codebook.contentHash)
    }

    /// The store confirmed the oldest pending write.
    mutating func confirm(_ event: CodingEvent) {
        guard !pending.isEmpty else { return }
        let save = pending.removeFirst()
        let before = confirmed.coding(for: event.paper)
        confirmed.apply(event)
        lastLoggedPaper = event.paper
        let after = confirmed.coding(for: event.paper)
        confirmedDone += (after.done ? 1 : 0) - (before.done ? 1 : 0)
        if ownPapers?.contains(event.paper) == true { confirmedDoneOwn += (after.done ? 1 : 0) - (before.done ? 1 : 0) }
        confirmedFlagged += (after.flagged ? 1 : 0) - (before.flagged ? 1 : 0)
        switch save.purpose {
        case .change(let change):
            undoStack.append(change)
            redoStack.removeAll()
        case .undo(let change): redoStack.append(change)
        case .redo(let change): undoStack.append(change)
        case .view: break
        }
        if pending.isEmpty { saveStatus = .saved }
    }

    /// The store refused a write: nothing pending is kept, the screen shows what is on disk.
    mutating func failSaves(_ reason: String) {
        for save in pending {
            switch save.purpose {
            case .undo(let change): undoStack.append(change)
            case .redo(let change): redoStack.append(change)
            case .change, .view: break
            }
        }
        pending.removeAll()
        saveStatus = .failed(reason)
        message = Message(text: "NOT SAVED: \(reason)", kind: .warning)
    }
}
