/// Something a full-screen program can draw on and read keys from.
///
/// Deliberately tiny so that all decisions stay in the UI: the ncurses backend
/// (`LitCoderTerminal`) and `MemoryBackend` (tests, benchmarks) implement it.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows right now.
    var size: (width: Int, height: Int) { get }
    /// Draws changed cells (off screen until `flush()`).
    func draw(_ changes: [CellChange])
    /// Shows what was drawn.
    func flush()
    /// Forgets what is on screen so the next draw repaints everything (after a resize or
    /// when another program used the terminal).
    func invalidate()
    /// The next event, or nil when `timeout` passed without one.
    func readEvent(timeout: Duration) -> TerminalEvent?
    /// Gives the terminal to another program (an editor) while `body` runs, then takes it back.
    func runOutside<T>(_ body: () throws -> T) rethrows -> T
    /// Stops the program as Ctrl-Z does in a shell, and returns when it is resumed.
    func suspend()
}

extension TerminalBackend {
    public func invalidate() {}
    public func runOutside<T>(_ body: () throws -> T) rethrows -> T { try body() }
    public func suspend() {}
}

/// What a terminal reports.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// Text pasted while bracketed paste was on.
    case paste(String)
    /// A mouse report (litcoder asks for none; a program before it may have left them on).
    case mouse(MouseReport)
    /// The window changed size; read `size` for the new one.
    case resize
    /// The terminal went away (stdin at end of file or hung up).
    case hangup
    /// SIGINT, SIGTERM or SIGHUP arrived; the number is the signal's.
    case signal(Int32)
}

extension TerminalBackend {
    /// Rings the terminal's bell; silent where a backend has none.
    public func bell() {}
}
