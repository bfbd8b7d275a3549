#if canImport(Glibc)
import Glibc
#endif
import LitCoderUI

/// The ncurses terminal behind `TerminalBackend`: it reads keys and draws cells, nothing more.
public final class CursesTerminal: TerminalBackend {
    private var window: Curses.Window
    private var running = true
    private let colors: Bool
    /// Reads that returned "no key" long before their timeout: stdin is at end of file.
    private var instantEmptyReads = 0

    private init(window: Curses.Window) {
        self.window = window
        colors = Curses.hasColors
    }

    /// Starts the screen. Run `Preflight.problem()` first: `initscr` exits on a bad TERM.
    public static func start() throws -> CursesTerminal {
        Curses.forgetSizeVariables()
        SignalTrap.install()
        return CursesTerminal(window: try Curses.start())
    }

    /// Gives the terminal back; safe to call twice.
    public func stop() {
        guard running else { return }
        running = false
        Curses.end()
    }

    deinit { stop() }

    public var size: (width: Int, height: Int) { Curses.size(of: window) }

    public func draw(_ changes: [CellChange]) {
        for change in changes where !change.cell.isContinuation {
            Curses.put(change.cell.text.isEmpty ? " " : change.cell.text, x: change.x, y: change.y,
                       attributes: attributes(for: change.cell.style), in: window)
        }
    }

    private func attributes(for style: Style) -> Curses.Attributes {
        var a = Curses.Attributes()
        a.bold = style.contains(.bold)
        a.dim = style.contains(.dim)
        a.reverse = style.contains(.reverse)
        a.underline = style.contains(.underline)
        if colors {
            if style.contains(.warning) { a.colorPair = 2 } else if style.contains(.accent) { a.colorPair = 1 } else if style.contains(.success) { a.colorPair = 3 }
        } else {
            if style.contains(.accent) { a.underline = true }
            if style.contains(.warning) { a.bold = true }
        }
        return a
    }

    public func flush() { Curses.refresh(window) }

    public func invalidate() { Curses.repaintNextRefresh(window) }

    public func bell() { Curses.beep() }

    public func readEvent(timeout: Duration) -> TerminalEvent? {
        if let number = SignalTrap.take() { return .signal(number) }
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let clock = ContinuousClock()
        let started = clock.now
        let input = Curses.readKey(from: window, milliseconds: milliseconds)
        if let number = SignalTrap.take() { return .signal(number) }
        switch input {
        case .none:
            // At end of file or after a hangup, wget_wch fails at once, forever: without this
            // the loop would spin at full CPU.
            if clock.now - started < timeout / 4 {
                instantEmptyReads += 1
                if instantEmptyReads >= 20 { return .hangup }
            } else {
                instantEmptyReads = 0
            }
            return nil
        case .character(let value):
            instantEmptyReads = 0
            guard let scalar = Unicode.Scalar(value), let key = Key.fromCharacter(scalar) else { return nil }
            return .key(key)
        case .keyCode(let code):
            instantEmptyReads = 0
            return keyEvent(code)
        }
    }

    private func keyEvent(_ code: Int32) -> TerminalEvent? {
        switch code {
        case Curses.keyResize: return .resize
        case Curses.keyUp: return .key(.up)
        case Curses.keyDown: return .key(.down)
        case Curses.keyLeft: return .key(.left)
        case Curses.keyRight: return .key(.right)
        case Curses.keyPageUp: return .key(.pageUp)
        case Curses.keyPageDown: return .key(.pageDown)
        case Curses.keyHome: return .key(.home)
        case Curses.keyEnd: return .key(.end)
        case Curses.keyBackTab: return .key(.backTab)
        case Curses.keyBackspace: return .key(.backspace)
        case Curses.keyDelete: return .key(.delete)
        case Curses.keyEnter: return .key(.enter)
        case (Curses.keyFunction0 + 1)...(Curses.keyFunction0 + 24): return .key(.function(Int(code - Curses.keyFunction0)))
        default: return nil
        }
    }

    public func runOutside<T>(_ body: () throws -> T) rethrows -> T {
        Curses.end()
        defer {
            Curses.discardTypeahead()
            Curses.repaintNextRefresh(window)
            Curses.refresh(window)
        }
        return try body()
    }

    public func suspend() {
        // ncurses' SIGTSTP handler gives the terminal back, stops, and restores on `fg`.
        _ = raise(SIGTSTP)
    }
}
