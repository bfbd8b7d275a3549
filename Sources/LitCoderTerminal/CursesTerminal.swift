#if canImport(Glibc)
import Glibc
#endif
import LitCoderUI

/// The ncurses terminal behind `TerminalBackend`: it reads keys and draws cells, nothing more.
///
/// ncurses draws; keys are read as bytes by `KeyboardInput` and named by `KeyParser`, whatever
/// TERM says. Bracketed paste is switched on while the screen is ours and off whenever the
/// terminal is given back (quitting, a signal, Ctrl-Z, the external editor).
public final class CursesTerminal: TerminalBackend {
    private var window: Curses.Window
    private var running = true
    private let colors: Bool
    private var input = KeyboardInput()
    /// Events read but not yet returned (one read can complete several keys).
    private var queued: [TerminalEvent] = []
    /// The terminal's modes before the screen started, for an emergency exit.
    private let shellModes: termios?
    /// Clusters ncurses cannot hold in a cell, written over their placeholders.
    private var overlay = ClusterOverlay()

    /// Pasted text arrives between `ESC [ 200 ~` and `ESC [ 201 ~` instead of as typed keys.
    static let pasteOn = Array("\u{1B}[?2004h".utf8), pasteOff = Array("\u{1B}[?2004l".utf8)
    /// Mouse reporting off (X10, button, motion, UTF-8, SGR and urxvt forms), in case a program
    /// before us left it on: litcoder uses no mouse, and a report is never a key anyway.
    static let mouseOff = Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1005l\u{1B}[?1006l\u{1B}[?1015l".utf8)

    private init(window: Curses.Window, shellModes: termios?) {
        self.window = window
        self.shellModes = shellModes
        colors = Curses.hasColors
    }

    /// Starts the screen. Run `Preflight.problem()` first: `initscr` exits on a bad TERM.
    public static func start() throws -> CursesTerminal {
        Curses.forgetSizeVariables()
        SignalTrap.install()
        var modes = termios()
        let shellModes = tcgetattr(STDIN_FILENO, &modes) == 0 ? modes : nil
        let terminal = CursesTerminal(window: try Curses.start(), shellModes: shellModes)
        terminal.takeTerminal()
        return terminal
    }

    /// Gives the terminal back; safe to call twice.
    public func stop() {
        guard running else { return }
        running = false
        giveTerminalBack()
        EmergencyExit.forget()
    }

    deinit { stop() }

    /// After `initscr` or a `refresh` following `endwin`: paste on, and what an emergency exit
    /// needs to give the terminal back kept.
    private func takeTerminal() {
        Self.send(Self.mouseOff + Self.pasteOn)
        EmergencyExit.record(modes: shellModes, bytes: Self.pasteOff + Curses.leavingBytes())
    }

    private func giveTerminalBack() {
        Curses.end()
        Self.send(Self.pasteOff)
    }

    /// Writes bytes straight to the terminal (ncurses' own output is flushed by then: each
    /// `refresh` and `endwin` flushes).
    private static func send(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    public var size: (width: Int, height: Int) { Curses.size(of: window) }

    public func draw(_ changes: [CellChange]) {
        for change in changes where !change.cell.isContinuation {
            let text = change.cell.text.isEmpty ? " " : change.cell.text
            let attributes = attributes(for: change.cell.style)
            Curses.put(ClusterOverlay.placeholder(for: text) ?? text, x: change.x, y: change.y, attributes: attributes, in: window)
            overlay.drew(text, row: change.y, column: change.x, attributes: ClusterOverlay.attributes(
                bold: attributes.bold, dim: attributes.dim, underline: attributes.underline, reverse: attributes.reverse,
                colorPair: attributes.colorPair))
        }
    }

    private func attributes(for style: Style) -> Curses.Attributes {
        var a = Curses.Attributes()
        a.bold = style.contains(.bold)
        a.dim = style.contains(.dim)
        a.reverse = style.contains(.reverse)
        a.underline = style.contains(.underline)
        if colors {
            // A quote's tint outranks an alias highlight inside it: the coder's own decision.
            if style.contains(.warning) {
                a.colorPair = 2
            } else if let tint = style.tint {
                a.colorPair = TintColors.firstPair + Int16(tint)
            } else if style.contains(.accent) {
                a.colorPair = 1
            } else if style.contains(.success) {
                a.colorPair = 3
            }
        } else {
            if style.contains(.accent) { a.underline = true }
            if style.contains(.warning) { a.bold = true }
        }
        return a
    }

    public func flush() {
        Curses.refresh(window)
        Self.send(overlay.bytesAfterRefresh())
    }

    public func invalidate() { Curses.repaintNextRefresh(window) }

    public func bell() { Curses.beep() }

    public func readEvent(timeout: Duration) -> TerminalEvent? {
        let deadline = ContinuousClock().now + timeout
        while true {
            if let number = SignalTrap.take() { return .signal(number) }
            if SignalTrap.takeStop() {
                suspend()
                return .resize
            }
            if SignalTrap.takeResize() {
                Curses.resizeToTerminal()
                overlay.forgetAll()
                return .resize
            }
            if !queued.isEmpty { return queued.removeFirst() }
            switch input.read(until: deadline) {
            case .events(let events):
                queued += events.map { event in
                    switch event {
                    case .key(let key): .key(key)
                    case .paste(let text): .paste(text)
                    case .mouse(let report): .mouse(report)
                    }
                }
            case .timeout: return nil
            case .signal: continue
            case .hangup: return .hangup
            }
        }
    }

    public func runOutside<T>(_ body: () throws -> T) rethrows -> T {
        giveTerminalBack()
        defer {
            Curses.discardTypeahead()
            input.reset()
            queued.removeAll()
            Curses.repaintNextRefresh(window)
            Curses.refresh(window)
            takeTerminal()
            // The size may have changed meanwhile; the next read reports it.
            SignalTrap.noteResize()
        }
        return try body()
    }

    public func suspend() {
        giveTerminalBack()
        SignalTrap.stopProcess()
        // Continued by the shell's `fg`.
        Curses.repaintNextRefresh(window)
        Curses.refresh(window)
        takeTerminal()
        SignalTrap.noteResize()
    }
}
