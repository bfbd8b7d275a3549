import LitCoderCore

/// The run loop: reads terminal events, feeds them to the workbench, carries out its effects
/// (through the store, the editor and the terminal) and redraws only what changed.
///
/// The I/O is injected, so the loop runs the same against ncurses and against `MemoryBackend`.
public final class WorkbenchSession {
    /// How the session ended.
    public enum Ending: Hashable, Sendable {
        case quit
        /// The terminal went away.
        case hangup
        /// SIGINT, SIGTERM or SIGHUP: everything was saved; exit with 128 + the signal.
        case signal(Int32)
    }

    public private(set) var workbench: Workbench
    public var view: WorkbenchView
    private let driver: SessionDriver
    /// Prepares the papers ahead in the background; nil: only while idle, on this thread.
    private let preparer: PaperPreparer?

    /// - Parameters:
    ///   - store: writes an event durably and returns it as written (`CodingLog.append`).
    ///   - editText: edits text in an external editor, nil when abandoned.
    public init(
        workbench: Workbench, backend: any TerminalBackend, view: WorkbenchView = WorkbenchView(),
        store: @escaping (CodingEvent) throws -> CodingEvent,
        editText: @escaping (String) -> String? = { _ in nil },
        preparesAhead: Bool = false
    ) {
        self.workbench = workbench
        self.view = view
        driver = SessionDriver(backend: backend, store: store, editText: editText)
        preparer = preparesAhead ? PaperPreparer(matcher: workbench.matcher) : nil
        // With a background preparer, a long abstract's suggestions are found there, never
        // in the key loop's idle time.
        self.workbench.completesSuggestionsWhenIdle = !preparesAhead
        let size = driver.size
        _ = self.workbench.update(.resize(width: size.width, height: size.height))
        requestPapersAhead()
    }

    /// Asks the background preparer for the papers the coder may open next, and for the
    /// whole text's suggestions of a paper shown from part of its text.
    private func requestPapersAhead() {
        guard let preparer else { return }
        if let waiting = workbench.paperAwaitingSuggestions { preparer.requestSuggestions(for: waiting) }
        preparer.request(workbench.papersAhead(), width: workbench.abstractWidth)
    }

    /// Takes what the background prepared; true when that changed what the screen shows.
    private func adoptPrepared() -> Bool {
        guard let preparer else { return false }
        workbench.adopt(preparer.take())
        let suggestions = preparer.takeSuggestions()
        guard !suggestions.isEmpty else { return false }
        let before = workbench.suggestionsComplete
        workbench.adoptSuggestions(suggestions)
        return before != workbench.suggestionsComplete
    }

    /// Runs until the coder quits, the terminal goes away or a signal arrives.
    public func run(pollInterval: Duration = .milliseconds(100)) -> Ending {
        driver.run(pollInterval: pollInterval, idle: {
            let changed = adoptPrepared()
            let wasComplete = workbench.suggestionsComplete
            _ = workbench.update(.idle)
            return changed || wasComplete != workbench.suggestionsComplete
        }, send: send, redraw: redraw)
    }

    /// Feeds one event to the workbench and carries out the effects, and those of their results.
    public func send(_ event: WorkbenchEvent) {
        _ = adoptPrepared()
        defer { requestPapersAhead() }
        driver.carryOut(workbench.update(event)) { workbench.update($0) }
    }

    /// Draws the workbench, sending the terminal only the cells that changed.
    public func redraw() {
        let size = driver.size
        driver.show(view.render(workbench, width: size.width, height: size.height))
    }
}
