#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The last of SIGINT, SIGTERM or SIGHUP that arrived, 0 for none.
private let caughtSignal = Atomic<Int32>(0)

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the key loop polls, so the workbench can
/// record where the coder was, give the terminal back and exit with 128 + the signal.
///
/// Installed before `initscr`, so ncurses keeps its hands off them (its own handlers would
/// `exit(1)` without our cleanup); SIGTSTP is left to ncurses, which suspends and redraws.
enum SignalTrap {
    static func install() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            _ = signal(number) { caughtSignal.store($0, ordering: .relaxed) }
        }
        // A parent may have started us with signals blocked (some process launchers do);
        // then Ctrl-C, kill, resizing and Ctrl-Z would silently do nothing.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&wanted, number) }
        _ = sigprocmask(SIG_UNBLOCK, &wanted, nil)
    }

    /// The signal caught since the last call, if any.
    static func take() -> Int32? {
        let number = caughtSignal.exchange(0, ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
