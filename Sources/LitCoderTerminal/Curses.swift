import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Every ncurses (and terminfo) call litcoder makes goes through this file.
///
/// Setup calls turn `ERR` into `CursesError` naming the function; drawing calls ignore it,
/// because ncurses reports `ERR` for the legitimate write into the bottom-right cell.
enum Curses {
    typealias Window = UnsafeMutablePointer<WINDOW>

    static func check(_ result: Int32, _ function: String) throws {
        if result == ERR { throw CursesError(function: function) }
    }

    // MARK: Before the screen starts

    /// Selects the user's locale, falling back to C.UTF-8; returns the character set in use.
    /// The corresponding C calls are `setlocale(LC_ALL, "")` and `nl_langinfo(CODESET)`.
    static func selectUTF8Locale() -> String {
        _ = setlocale(LC_ALL, "")
        if codeset() != "UTF-8" { _ = setlocale(LC_CTYPE, "C.UTF-8") }
        return codeset()
    }

    private static func codeset() -> String {
        guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: name)
    }

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// Why `term` cannot run a full-screen program, or nil when it can.
    /// Uses `setupterm` with an error pointer, which returns instead of exiting as `initscr` does.
    static func problem(withTerminal term: String) -> String? {
        var status: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &status) == OK else {
            return status == -1 ? "no terminfo database was found for TERM=\(term)" : "TERM=\(term) is unknown to terminfo"
        }
        defer { _ = del_curterm(cn_cur_term()) }
        let cup = tigetstr("cup")
        if cup == nil || Int(bitPattern: cup) == -1 {
            return "TERM=\(term) cannot move the cursor (no 'cup' capability)"
        }
        return nil
    }

    /// Stops exported LINES/COLUMNS from overriding the real window size.
    static func forgetSizeVariables() {
        unsetenv("LINES")
        unsetenv("COLUMNS")
    }

    // MARK: The screen

    /// Starts the screen: cbreak (so Ctrl-C and Ctrl-Z keep their meaning), no echo, keypad
    /// off (keys are read as bytes by `KeyboardInput`, not decoded from terminfo), hidden
    /// cursor, and colours where the terminal has them.
    static func start() throws -> Window {
        guard let window = initscr() else { throw CursesError(function: "initscr") }
        try check(cbreak(), "cbreak")
        try check(noecho(), "noecho")
        try check(nonl(), "nonl")
        // Off, so ncurses never sends keypad-transmit mode (smkx) nor reads keys itself.
        try check(keypad(window, false), "keypad")
        _ = curs_set(0)
        if has_colors() {
            _ = start_color()
            _ = use_default_colors()
            _ = init_pair(1, Int16(COLOR_YELLOW), -1)
            _ = init_pair(2, Int16(COLOR_RED), -1)
            _ = init_pair(3, Int16(COLOR_GREEN), -1)
            // Pairs 4 … 9: the dimensions' tints (Style.tint).
            for (offset, color) in TintColors.ansi.enumerated() { _ = init_pair(TintColors.firstPair + Int16(offset), color, -1) }
        }
        return window
    }

    static var hasColors: Bool { has_colors() }

    /// Gives the terminal back (`endwin`).
    static func end() { _ = endwin() }

    /// Drops whatever input is waiting: what arrived while another program had the terminal
    /// (its keys, the terminal's answers to its queries) is not meant for the workbench.
    static func discardTypeahead() { _ = flushinp() }

    /// Resizes ncurses' screens to the terminal's size now (`resizeterm` with `TIOCGWINSZ`);
    /// the SIGWINCH that tells of it is caught by `SignalTrap`, not by ncurses.
    static func resizeToTerminal() {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return }
        _ = resizeterm(Int32(size.ws_row), Int32(size.ws_col))
    }

    /// The bytes that take the terminal out of full-screen mode as `endwin` would (leave the
    /// alternate screen, show the cursor, plain attributes), for an exit that cannot call
    /// ncurses. Read from terminfo once the screen started.
    static func leavingBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            // Without tputs: drop terminfo's padding marks ("$<2>"), which are no bytes to send.
            let text = Array(String(cString: value).utf8)
            var index = 0
            while index < text.count {
                if text[index] == UInt8(ascii: "$"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "<"),
                   let end = text[index...].firstIndex(of: UInt8(ascii: ">")) {
                    index = end + 1
                    continue
                }
                bytes.append(text[index])
                index += 1
            }
        }
        return bytes
    }

    static func size(of window: Window) -> (width: Int, height: Int) {
        var rows: Int32 = 0, columns: Int32 = 0
        cn_getmaxyx(window, &rows, &columns)
        return (Int(max(0, columns)), Int(max(0, rows)))
    }

    /// Attribute bits for `put`.
    struct Attributes {
        var bold = false, dim = false, reverse = false, underline = false
        /// 0 for the default colours, else a pair set up by `start`.
        var colorPair: Int16 = 0
    }

    /// Writes already-sanitised text at a position (`mvwaddnwstr` with `wattr_set`).
    static func put(_ text: String, x: Int, y: Int, attributes: Attributes, in window: Window) {
        var bits = CN_A_NORMAL
        if attributes.bold { bits |= CN_A_BOLD }
        if attributes.dim { bits |= CN_A_DIM }
        if attributes.reverse { bits |= CN_A_REVERSE }
        if attributes.underline { bits |= CN_A_UNDERLINE }
        _ = wattr_set(window, bits, attributes.colorPair, nil)
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = mvwaddnwstr(window, Int32(y), Int32(x), wide, -1)
    }

    /// Shows what was drawn (`wnoutrefresh` + `doupdate`).
    static func refresh(_ window: Window) {
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    /// Makes the next refresh repaint the whole screen (`clearok`).
    static func repaintNextRefresh(_ window: Window) { _ = clearok(window, true) }

    static func beep() { _ = CNcursesw.beep() }
}

/// An ncurses function returned `ERR`.
struct CursesError: Error, CustomStringConvertible {
    var function: String
    var description: String { "the terminal could not be set up (\(function) failed)" }
}
