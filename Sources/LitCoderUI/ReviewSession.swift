import LitCoderCore

/// The review screen's run loop: reads terminal events, feeds them to the `Review`, writes its
/// decisions through the store and redraws only what changed.
///
/// The same loop as `WorkbenchSession`, over the same backend protocol, effects and events; the
/// store is injected, so it runs the same against ncurses and against `MemoryBackend`.
public final class ReviewSession {
    public private(set) var review: Review
    private let backend: any TerminalBackend
    private let store: (CodingEvent) throws -> CodingEvent
    private var shown: Canvas?
    private var quitting = false

    /// - Parameter store: writes an event durably and returns it as written (`CodingLog.append`).
    public init(review: Review, backend: any TerminalBackend, store: @escaping (CodingEvent) throws -> CodingEvent) {
        self.review = review
        self.backend = backend
        self.store = store
        let size = backend.size
        _ = self.review.update(.resize(width: size.width, height: size.height))
    }

    /// Runs until the adjudicator quits, the terminal goes away or a signal arrives.
    public func run(pollInterval: Duration = .milliseconds(100)) -> WorkbenchSession.Ending {
        redraw()
        while true {
            guard let event = backend.readEvent(timeout: pollInterval) else { continue }
            switch event {
            case .key(let key):
                send(.key(key))
            case .resize:
                let size = backend.size
                shown = nil
                backend.invalidate()
                send(.resize(width: size.width, height: size.height))
            case .hangup:
                return .hangup
            case .signal(let number):
                return .signal(number)
            }
            if quitting { return .quit }
            redraw()
        }
    }

    /// Feeds one event to the review and carries out the effects.
    public func send(_ event: WorkbenchEvent) {
        var effects = review.update(event)
        while !effects.isEmpty {
            switch effects.removeFirst() {
            case .append(let draft):
                do {
                    effects += review.update(.saved(try store(draft)))
                } catch {
                    effects += review.update(.saveFailed("\(error)"))
                }
            case .quit: quitting = true
            case .bell: backend.bell()
            case .suspend:
                backend.suspend()
                shown = nil
                backend.invalidate()
            case .openEditor: break
            }
        }
    }

    /// Draws the review, sending the terminal only the cells that changed.
    public func redraw() {
        let size = backend.size
        let canvas = ReviewView().render(review, width: size.width, height: size.height)
        backend.draw(canvas.changes(from: shown))
        backend.flush()
        shown = canvas
    }
}
