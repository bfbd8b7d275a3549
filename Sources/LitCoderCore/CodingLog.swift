import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A coder's append-only event log, `codings/CODER.jsonl`: the only source of truth for codings.
///
/// Opening a log for writing takes an advisory lock (`flock`) held until `close()`, so one
/// process at a time writes it. `append(_:)` returns only after the line is written and
/// fsync'd. Reading (`CodingLog.read`) needs no lock.
public final class CodingLog {
    public let url: URL
    public let coder: String
    /// The replayed state, kept current by `append(_:)`.
    public private(set) var state: CodingState
    /// Every event in the log, oldest first (for undo and the audit trail).
    public private(set) var events: [CodingEvent]
    /// Problems found while loading (torn tail set aside, malformed lines kept in place).
    public private(set) var diagnostics: [Diagnostic]
    private var descriptor: Int32

    private init(url: URL, coder: String, descriptor: Int32, contents: LogContents) {
        self.url = url
        self.coder = coder
        self.descriptor = descriptor
        self.events = contents.events
        self.diagnostics = contents.diagnostics
        self.state = CodingState(coder: coder, replaying: contents.events)
    }

    deinit { close() }

    /// Opens (creating if needed) the log for writing, taking its lock.
    public static func open(url: URL, coder: String, lockTimeout: Duration = .seconds(2)) throws -> CodingLog {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = Glibc.open(url.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CodingLogError.cannotOpen(path: url.path, errno: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            Glibc.close(fd)
            throw CodingLogError.locked(path: url.path, holder: nil)
        }
        let contents = try read(url: url)
        return CodingLog(url: url, coder: coder, descriptor: fd, contents: contents)
    }

    /// Reads and replays a log without locking it.
    public static func read(url: URL) throws -> LogContents {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return LogContents(events: [], diagnostics: [])
        }
        var events: [CodingEvent] = []
        var diagnostics: [Diagnostic] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            lineNumber += 1
            do {
                events.append(try decoder.decode(CodingEvent.self, from: Data(line)))
            } catch {
                diagnostics.append(Diagnostic(file: url.path, line: lineNumber,
                                              message: "malformed event: \(JSONErrorText.describe(error))"))
            }
        }
        return LogContents(events: events, diagnostics: diagnostics)
    }

    /// Writes one event durably and applies it to `state`; returns it with `seq` and `time` filled in.
    @discardableResult
    public func append(_ draft: CodingEvent) throws -> CodingEvent {
        guard descriptor >= 0 else { throw CodingLogError.closed(path: url.path) }
        var event = draft
        event.v = CodingEvent.schemaVersion
        event.seq = state.lastSeq + 1
        event.coder = coder
        if event.time.isEmpty { event.time = Timestamp.now() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(event)
        line.append(UInt8(ascii: "\n"))
        try line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw CodingLogError.writeFailed(path: url.path, errno: errno)
                }
                offset += n
            }
        }
        guard fsync(descriptor) == 0 else { throw CodingLogError.writeFailed(path: url.path, errno: errno) }
        events.append(event)
        state.apply(event)
        return event
    }

    /// Releases the lock; further appends fail.
    public func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }
}

/// The events of a log and what was wrong with it.
public struct LogContents: Sendable {
    public var events: [CodingEvent]
    public var diagnostics: [Diagnostic]
    public init(events: [CodingEvent], diagnostics: [Diagnostic]) {
        self.events = events
        self.diagnostics = diagnostics
    }
}

/// Why a log could not be opened or written.
public enum CodingLogError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, errno: Int32)
    case locked(path: String, holder: String?)
    case writeFailed(path: String, errno: Int32)
    case closed(path: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let e): "\(path): cannot open: \(String(cString: strerror(e)))"
        case .locked(let path, let holder):
            "\(path): another litcoder is writing this log\(holder.map { " (\($0))" } ?? ""); close it first, or code as another coder"
        case .writeFailed(let path, let e): "\(path): write failed: \(String(cString: strerror(e))); nothing after the last saved event was recorded"
        case .closed(let path): "\(path): the log is closed"
        }
    }
}

/// ISO 8601 UTC timestamps with milliseconds, as events record them.
public enum Timestamp {
    public static func now() -> String {
        var tv = timeval()
        gettimeofday(&tv, nil)
        var t = tv.tv_sec
        var tmValue = tm()
        gmtime_r(&t, &tmValue)
        let ms = Int(tv.tv_usec / 1000)
        func pad(_ n: Int32, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(tmValue.tm_year + 1900, 4))-\(pad(tmValue.tm_mon + 1, 2))-\(pad(tmValue.tm_mday, 2))T"
            + "\(pad(tmValue.tm_hour, 2)):\(pad(tmValue.tm_min, 2)):\(pad(tmValue.tm_sec, 2)).\(pad(Int32(ms), 3))Z"
    }
}
