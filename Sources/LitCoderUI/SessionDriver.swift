import LitCoderCore

/// What the workbench's and the review's run loops share: reading terminal events, carrying
/// out effects through the store, the editor and the terminal, and drawing only what changed.
///
/// The screen itself (a `Workbench` or a `Review`) stays with its session; the driver reaches
/// it through the `update` and `render` closures each call is given.
final class SessionDriver {
    private let backend: any TerminalBackend
    private let store: (CodingEvent) throws -> CodingEvent
    private let editText: (String) -> String?
    private var shown: Canvas?
    private var quitting = false

    init(backend: any TerminalBackend, store: @escaping (CodingEvent) throws -> CodingEvent,
         editText: @escaping (String) -> String?) {
        self.backend = backend
        self.store = store
        self.editText = editText
    }

    var size: (width: Int, height: Int) { backend.size }

    /// Runs until the screen quits, the terminal goes away or a signal arrives; a hangup or a
    /// signal is sent to the screen as `.terminate` first, so it can record where the user was.
    /// - Parameter idle: called when no event came for `pollInterval`; true when it changed
    ///   what the screen shows.
    func run(pollInterval: Duration, idle: () -> Bool, send: (WorkbenchEvent) -> Void,
             redraw: () -> Void) -> WorkbenchSession.Ending {
        redraw()
        while true {
            guard let event = backend.readEvent(timeout: pollInterval) else {
                // Most idle work changes nothing on screen, so it redraws only when it did.
                if idle() { redraw() }
                continue
            }
            switch event {
            case .key(let key):
                send(.key(key))
            case .paste(let text):
                send(.paste(text))
            case .mouse(let report):
                send(.mouse(report))
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

    /// Carries out `effects`, feeding each result back through `update`, until none are left.
    func carryOut(_ effects: [Effect], update: (WorkbenchEvent) -> [Effect]) {
        var effects = effects
        while !effects.isEmpty {
            switch effects.removeFirst() {
            case .append(let draft):
                do {
                    let saved = try store(draft)
                    effects += update(.saved(saved))
                } catch {
                    // Later writes of the same batch depend on this one: drop them too.
                    effects.removeAll { if case .append = $0 { true } else { false } }
                    effects += update(.saveFailed("\(error)"))
                }
            case .openEditor(let text, let target):
                let edited = backend.runOutside { editText(text) }
                repaintEverything()
                effects += update(.edited(edited, target))
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

    /// Sends the terminal only the cells of `canvas` that differ from what it shows.
    func show(_ canvas: Canvas) {
        backend.draw(canvas.changes(from: shown))
        backend.flush()
        shown = canvas
    }

    /// Forgets what the terminal shows, so the next drawing repaints every cell.
    func repaintEverything() {
        shown = nil
        backend.invalidate()
    }
}
