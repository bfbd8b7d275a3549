#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The last of SIGINT, SIGTERM or SIGHUP that arrived, 0 for none.
private let caughtSignal = Atomic<Int32>(0)
/// SIGWINCH arrived: the window changed size.
private let caughtResize = Atomic<Bool>(false)
/// SIGTSTP arrived (Ctrl-Z, or `kill -TSTP`).
private let caughtStop = Atomic<Bool>(false)
/// The write end of the pipe that wakes the key loop's `poll` when a signal arrives, and of
/// the one the emergency exit waits on; -1 until `install` made them.
private let wakeDescriptor = Atomic<Int32>(-1)
private let watchdogDescriptor = Atomic<Int32>(-1)

/// Turns SIGINT, SIGTERM, SIGHUP, SIGWINCH and SIGTSTP into flags the key loop polls, so the
/// workbench can record where the coder was, give the terminal back and exit with 128 + the
/// signal, redraw at a new size, or stop with the terminal restored.
///
/// Installed before `initscr`, so ncurses keeps its hands off them (its own handlers would
/// `exit(1)` without our cleanup, and would resize and suspend behind the key reader's back).
/// Each handler also writes a byte to a pipe the key loop polls beside the terminal, so a
/// signal ends a wait at once; SIGTERM and SIGHUP also arm `EmergencyExit`, which ends the
/// process within a second if the loop is busy (a huge abstract) and does not get to it.
enum SignalTrap {
    /// The read end of the wake-up pipe, for `poll`.
    private(set) static nonisolated(unsafe) var wakeUpDescriptor: Int32 = -1

    static func install() {
        // Touch every global a handler uses, so none is first initialised inside a handler.
        _ = caughtSignal.load(ordering: .relaxed)
        _ = caughtResize.load(ordering: .relaxed)
        _ = caughtStop.load(ordering: .relaxed)
        if wakeDescriptor.load(ordering: .relaxed) < 0 {
            if let (read, write) = makePipe() {
                wakeUpDescriptor = read
                wakeDescriptor.store(write, ordering: .relaxed)
            }
            if let (read, write) = makePipe() {
                watchdogDescriptor.store(write, ordering: .relaxed)
                EmergencyExit.start(waitingOn: read)
            }
        }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            _ = signal(number) { number in
                caughtSignal.store(number, ordering: .relaxed)
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(wakeDescriptor.load(ordering: .relaxed), &byte, 1)
                // Ctrl-C also reaches an editor running in the foreground, which may ignore it;
                // only a request to end the process from outside is enforced.
                if number != SIGINT { _ = write(watchdogDescriptor.load(ordering: .relaxed), &byte, 1) }
            }
        }
        _ = signal(SIGWINCH) { _ in
            caughtResize.store(true, ordering: .relaxed)
            var byte: UInt8 = 0
            _ = write(wakeDescriptor.load(ordering: .relaxed), &byte, 1)
        }
        catchStop()
        // A parent may have started us with signals blocked (some process launchers do);
        // then Ctrl-C, kill, resizing and Ctrl-Z would silently do nothing.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&wanted, number) }
        _ = sigprocmask(SIG_UNBLOCK, &wanted, nil)
    }

    private static func catchStop() {
        _ = signal(SIGTSTP) { _ in
            caughtStop.store(true, ordering: .relaxed)
            var byte: UInt8 = 0
            _ = write(wakeDescriptor.load(ordering: .relaxed), &byte, 1)
        }
    }

    /// A pipe whose ends are non-blocking and closed on exec.
    private static func makePipe() -> (Int32, Int32)? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        return (ends[0], ends[1])
    }

    /// The signal caught since the last call, if any.
    static func take() -> Int32? {
        let number = caughtSignal.exchange(0, ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Whether the window changed size since the last call.
    static func takeResize() -> Bool { caughtResize.exchange(false, ordering: .relaxed) }

    /// Reports a resize at the next `takeResize` (after another program had the terminal).
    static func noteResize() { caughtResize.store(true, ordering: .relaxed) }

    /// Whether Ctrl-Z (SIGTSTP) arrived since the last call.
    static func takeStop() -> Bool { caughtStop.exchange(false, ordering: .relaxed) }

    /// Empties the wake-up pipe (its bytes only say "look at the flags").
    static func drainWakeUps() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeUpDescriptor, &buffer, buffer.count) > 0 {}
    }

    /// Stops the process as Ctrl-Z does in a shell: SIGTSTP with its default action, then
    /// our handler again once the shell's `fg` continued it.
    static func stopProcess() {
        _ = signal(SIGTSTP, SIG_DFL)
        _ = raise(SIGTSTP)
        // Continued (SIGCONT): the stop happened inside `raise`.
        catchStop()
    }
}
