import LitCoderCore

/// The review screen's run loop: reads terminal events, feeds them to the `Review`, writes its
/// decisions through the store and redraws only what changed.
///
/// The same loop as `WorkbenchSession` (`SessionDriver`), over the same backend protocol,
/// effects and events; the store is injected, so it runs the same against ncurses and against
/// `MemoryBackend`.
public final class ReviewSession {
    public private(set) var review: Review
    private let driver: SessionDriver

    /// - Parameter store: writes an event durably and returns it as written (`CodingLog.append`).
    public init(review: Review, backend: any TerminalBackend, store: @escaping (CodingEvent) throws -> CodingEvent) {
        self.review = review
        driver = SessionDriver(backend: backend, store: store, editText: { _ in nil })
        let size = driver.size
        _ = self.review.update(.resize(width: size.width, height: size.height))
    }

    /// Runs until the adjudicator quits, the terminal goes away or a signal arrives.
    public func run(pollInterval: Duration = .milliseconds(100)) -> WorkbenchSession.Ending {
        driver.run(pollInterval: pollInterval, idle: { false }, send: send, redraw: redraw)
    }

    /// Feeds one event to the review and carries out the effects.
    public func send(_ event: WorkbenchEvent) {
        driver.carryOut(review.update(event)) { review.update($0) }
    }

    /// Draws the review, sending the terminal only the cells that changed.
    public func redraw() {
        let size = driver.size
        driver.show(ReviewView().render(review, width: size.width, height: size.height))
    }
}
