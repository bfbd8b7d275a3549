import LitCoderCore
/// A terminal in memory: it keeps what was drawn and replays scripted events.
///
/// The counterpart of the ncurses backend for tests and benchmarks (ratatui's `TestBackend`).
public final class MemoryBackend: TerminalBackend {
    public private(set) var screen: Canvas
    /// Events `readEvent` returns, in order; when empty it reports a hangup.
    public var script: [TerminalEvent]
    /// Cells received by the last `draw`, to check that only changes are sent.
    public private(set) var lastChanges: [CellChange] = []
    public private(set) var flushCount = 0
    public private(set) var suspendCount = 0

    public init(width: Int, height: Int, script: [TerminalEvent] = []) {
        screen = Canvas(width: width, height: height)
        self.script = script
    }

    public var size: (width: Int, height: Int) { (screen.width, screen.height) }

    /// Changes the size as a window resize would (the screen content is lost).
    public func resize(width: Int, height: Int) {
        screen = Canvas(width: width, height: height)
    }

    public func draw(_ changes: [CellChange]) {
        lastChanges = changes
        for change in changes {
            let cell = change.cell
            let width = cell.text.first.map { DisplayWidth.of(cluster: $0) } ?? 1
            screen.put(Glyph(cell.text, width: max(1, width), style: cell.style), x: change.x, y: change.y)
        }
    }

    public func flush() { flushCount += 1 }

    public func readEvent(timeout: Duration) -> TerminalEvent? {
        script.isEmpty ? .hangup : script.removeFirst()
    }

    public func suspend() { suspendCount += 1 }
}
