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
        let size = driver.size
        _ = self.workbench.update(.resize(width: size.width, height: size.height))
        requestPapersAhead()
    }

    /// Asks the background preparer for the papers the coder may open next.
    private func requestPapersAhead() {
        guard let preparer else { return }
        preparer.request(workbench.papersAhead(), width: workbench.abstractWidth)
    }

    /// Runs until the coder quits, the terminal goes away or a signal arrives.
    public func run(pollInterval: Duration = .milliseconds(100)) -> Ending {
        driver.run(pollInterval: pollInterval, idle: {
            if let preparer { workbench.adopt(preparer.take()) }
            _ = workbench.update(.idle)
        }, send: send, redraw: redraw)
    }

    /// Feeds one event to the workbench and carries out the effects, and those of their results.
    public func send(_ event: WorkbenchEvent) {
        if let preparer { workbench.adopt(preparer.take()) }
        defer { requestPapersAhead() }
        driver.carryOut(workbench.update(event)) { workbench.update($0) }
    }

    /// Draws the workbench, sending the terminal only the cells that changed.
    public func redraw() {
        let size = driver.size
        driver.show(view.render(workbench, width: size.width, height: size.height))
    }
}
