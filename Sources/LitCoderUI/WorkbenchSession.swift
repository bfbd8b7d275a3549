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
    private let backend: any TerminalBackend
    private let store: (CodingEvent) throws -> CodingEvent
    private let editText: (String) -> String?
    private var shown: Canvas?
    private var quitting = false
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
        self.backend = backend
        self.view = view
        self.store = store
        self.editText = editText
        preparer = preparesAhead ? PaperPreparer(matcher: workbench.matcher) : nil
        let size = backend.size
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
        redraw()
        while true {
            guard let event = backend.readEvent(timeout: pollInterval) else {
                // Nothing on screen changes, so no redraw.
                if let preparer { workbench.adopt(preparer.take()) }
                _ = workbench.update(.idle)
                continue
            }
            switch event {
            case .key(let key):
                send(.key(key))
            case .resize:
                let size = backend.size
                repaintEverything()
                send(.resize(width: size.width, height: size.height))
            case .hangup:
                send(.terminate)
                return .hangup
            case .signal(let number):
                send(.terminate)
                return .signal(number)
            }
            if quitting { return .quit }
            redraw()
        }
    }

    /// Feeds one event to the workbench and carries out the effects, and those of their results.
    public func send(_ event: WorkbenchEvent) {
        if let preparer { workbench.adopt(preparer.take()) }
        defer { requestPapersAhead() }
        var effects = workbench.update(event)
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            switch effect {
            case .append(let draft):
                do {
                    let saved = try store(draft)
                    effects += workbench.update(.saved(saved))
                } catch {
                    // Later writes of the same batch depend on this one: drop them too.
                    effects.removeAll { if case .append = $0 { true } else { false } }
                    effects += workbench.update(.saveFailed("\(error)"))
                }
            case .openEditor(let text, let target):
                let edited = backend.runOutside { editText(text) }
                repaintEverything()
                effects += workbench.update(.edited(edited, target))
            case .suspend:
                backend.suspend()
                repaintEverything()
            case .quit:
                quitting = true
            case .bell:
                backend.bell()
            }
        }
    }

    /// Draws the workbench, sending the terminal only the cells that changed.
    public func redraw() {
        let size = backend.size
        let canvas = view.render(workbench, width: size.width, height: size.height)
        backend.draw(canvas.changes(from: shown))
        backend.flush()
        shown = canvas
    }

    private func repaintEverything() {
        shown = nil
        backend.invalidate()
    }
}
