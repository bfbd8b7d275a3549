#if canImport(Glibc)
import Glibc
#endif
import LitCoderUI

/// Reads the terminal's bytes from standard input and hands them to `KeyParser`; never asks
/// ncurses to decode keys (`keypad` is off), because its terminfo tables only know the
/// sequences of the terminal TERM names.
///
/// It decides only timing: how long to wait for the rest of a sequence (`escapeDelay` after a
/// lone ESC, which then is Esc; `sequenceDelay` inside a sequence, whose rest is normally on
/// its way already), and it wakes at once when a signal writes to `SignalTrap`'s pipe.
struct KeyboardInput {
    /// ESC then a key within this is Alt plus the key; a lone ESC after it is Esc.
    static let escapeDelay = Duration.milliseconds(25)
    /// The rest of a started sequence normally arrives in the same read; a slow link gets this.
    static let sequenceDelay = Duration.milliseconds(250)

    enum Outcome {
        case events([InputEvent])
        /// Nothing arrived before the deadline.
        case timeout
        /// A signal arrived (or the window changed size): look at `SignalTrap`.
        case signal
        /// Standard input is at its end or hung up.
        case hangup
    }

    private var parser = KeyParser()
    private let clock = ContinuousClock()
    /// When the last byte arrived, for the escape and sequence delays.
    private var lastByte: ContinuousClock.Instant?

    /// Waits until `deadline` for input; returns what it completed.
    mutating func read(until deadline: ContinuousClock.Instant) -> Outcome {
        while true {
            var wakeAt = deadline
            if let lastByte {
                switch parser.waiting {
                case .escape: wakeAt = min(wakeAt, lastByte + Self.escapeDelay)
                case .sequence: wakeAt = min(wakeAt, lastByte + Self.sequenceDelay)
                case .nothing, .paste: break
                }
            }
            let now = clock.now
            if wakeAt <= now {
                let events = parser.timeOut()
                if !events.isEmpty { return .events(events) }
                if deadline <= now { return .timeout }
                continue
            }
            let milliseconds = Int32(clamping: Self.milliseconds(wakeAt - now) + 1)
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: SignalTrap.wakeUpDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
            if ready < 0 {
                if errno == EINTR { return .signal }
                return .hangup
            }
            if descriptors[1].revents != 0 {
                SignalTrap.drainWakeUps()
                return .signal
            }
            let input = descriptors[0].revents
            if input & Int16(POLLIN) != 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = Glibc.read(STDIN_FILENO, &buffer, buffer.count)
                if count == 0 { return .hangup }
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return .hangup
                }
                lastByte = clock.now
                let events = parser.feed(buffer.prefix(count))
                if !events.isEmpty { return .events(events) }
                continue
            }
            if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
        }
    }

    /// Forgets a half-read sequence (after another program had the terminal).
    mutating func reset() {
        parser = KeyParser()
        lastByte = nil
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
