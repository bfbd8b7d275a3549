import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Writes in progress that an emergency exit must wait for (see `ExitGuard`).
private let writesInProgress = Atomic<Int>(0)

/// Ends the process within a second of SIGTERM or SIGHUP, whatever the key loop is doing.
///
/// The key loop handles those signals itself: it records where the coder was, gives the
/// terminal back and exits. But a loop busy with something long (laying out a huge abstract,
/// waiting for an editor) would leave the process running, reparented and holding the coder's
/// lock, after its terminal closed. So a thread waits for the signal beside it; if the process
/// still runs `grace` later, the thread restores the terminal from what `record` saved (raw
/// bytes and termios: no ncurses call, which the busy thread may be inside) and calls `_exit`.
/// The kernel releases the log's lock with the process. A log write in progress is waited
/// for (`ExitGuard`), so nothing reported saved is cut short.
public enum EmergencyExit {
    /// How long the key loop has to end the process itself.
    static let grace = Duration.milliseconds(700)
    /// How much longer a write in progress may take before the process ends anyway.
    static let writeGrace = Duration.milliseconds(250)

    private struct Restore: Sendable {
        var bytes: [UInt8] = []
        var modes: termios?
    }

    private static let restore = Mutex(Restore())

    /// Keeps what gives the terminal back: the terminal's modes before the screen started
    /// and the bytes that leave full-screen mode.
    static func record(modes: termios?, bytes: [UInt8]) {
        restore.withLock { $0 = Restore(bytes: bytes, modes: modes) }
    }

    /// The terminal was given back normally: nothing to restore any more.
    static func forget() {
        restore.withLock { $0 = Restore() }
    }

    static func start(waitingOn descriptor: Int32) {
        let thread = Thread {
            var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            var number: UInt8 = 0
            while true {
                _ = poll(&pollDescriptor, 1, -1)
                if read(descriptor, &number, 1) == 1 { break }
            }
            sleep(for: grace)
            let clock = ContinuousClock()
            let deadline = clock.now + writeGrace
            while writesInProgress.load(ordering: .acquiring) > 0, clock.now < deadline {
                sleep(for: .milliseconds(5))
            }
            let saved = restore.withLock { $0 }
            if var modes = saved.modes { _ = tcsetattr(STDIN_FILENO, TCSANOW, &modes) }
            if !saved.bytes.isEmpty { _ = saved.bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) } }
            _exit(128 + Int32(number))
        }
        thread.name = "litcoder-emergency-exit"
        thread.start()
    }

    private static func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var time = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var left = timespec()
        while nanosleep(&time, &left) != 0, errno == EINTR { time = left }
    }
}

/// Marks a write that an emergency exit must let finish: a coding event on its way to disk.
public enum ExitGuard {
    public static func whileWriting<T>(_ body: () throws -> T) rethrows -> T {
        writesInProgress.add(1, ordering: .acquiringAndReleasing)
        defer { writesInProgress.subtract(1, ordering: .acquiringAndReleasing) }
        return try body()
    }
}
