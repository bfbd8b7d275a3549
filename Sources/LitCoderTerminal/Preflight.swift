#if canImport(Glibc)
import Glibc
#endif

/// Checks, before anything is drawn, that this process can run a full-screen program.
///
/// `initscr` would exit inside the library on an unknown TERM and happily write escape codes
/// into a pipe; these checks give one clear sentence instead, with nothing written to stdout.
public enum Preflight {
    /// Why the workbench cannot start here, or nil when it can. Selects a UTF-8 locale.
    public static func problem() -> String? {
        if !Curses.isTerminal(STDIN_FILENO) {
            return "standard input is not a terminal; the workbench needs one (run it in a terminal, not from a pipe or script)"
        }
        if !Curses.isTerminal(STDOUT_FILENO) {
            return "standard output is not a terminal; the workbench needs one (do not pipe or redirect 'litcoder code')"
        }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            return "TERM is not set; set it to your terminal's type (e.g. TERM=xterm-256color)"
        }
        if let problem = Curses.problem(withTerminal: term) {
            return "\(problem); set TERM to your terminal's type (e.g. TERM=xterm-256color)"
        }
        let codeset = Curses.selectUTF8Locale()
        if codeset != "UTF-8" {
            return "no UTF-8 locale is available (character set \(codeset)); set LANG to a UTF-8 locale such as C.UTF-8"
        }
        return nil
    }
}
