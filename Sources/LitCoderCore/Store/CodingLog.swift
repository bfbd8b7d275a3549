import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A coder's append-only event log, `codings/CODER.jsonl`: the only source of truth for codings.
///
/// Opening a log for writing takes an advisory lock (`LogLock`) held until `close()`, so one
/// process at a time writes it; a second opener waits up to `lockTimeout`, then fails naming
/// the holder. Before the first append, an unfinished last line left by a killed writer is
/// copied to `CODER.jsonl.torn-TIMESTAMP` and cut from the log, which keeps every complete
/// line; malformed lines in the middle stay where they are. `append(_:)` returns only after the
/// line is written and fsync'd. Reading (`CodingLog.read`) needs no lock and changes nothing.
///
/// Opening replays the log into `state` without keeping the events: a long log's history is
/// needed only for undo past the session and the audit trail, so `history()` reads it again
/// on demand, and opening a million-event log costs the replay alone.
public final class CodingLog {
    public let url: URL
    public let coder: String
    /// The hash recorded in appended events that do not carry one.
    public let codebookHash: String?
    /// The replayed state, kept current by `append(_:)`.
    public private(set) var state: CodingState
    /// The events read by `history()`, kept current by `append(_:)` once read.
    private var loadedHistory: [CodingEvent]?
    /// Problems found while loading (torn tail set aside, malformed lines kept in place).
    public private(set) var diagnostics: [Diagnostic]
    /// The same problems, counted by kind.
    public private(set) var health: LogHealth
    private var descriptor: Int32
    /// The size of the file as this writer knows it; always just after a newline.
    private var knownLength: Int
    private let lock: LogLock
    private let displayPath: String

    private init(url: URL, coder: String, codebookHash: String?, descriptor: Int32, lock: LogLock,
                 displayPath: String, contents: LogContents, state: CodingState, knownLength: Int) {
        self.url = url
        self.coder = coder
        self.codebookHash = codebookHash
        self.descriptor = descriptor
        self.lock = lock
        self.displayPath = displayPath
        self.diagnostics = contents.diagnostics
        self.health = contents.health
        self.state = state
        self.knownLength = knownLength
    }

    deinit { close() }

    /// Opens (creating if needed) the log for writing, taking its lock.
    public static func open(url: URL, coder: String, lockTimeout: Duration = .seconds(2)) throws -> CodingLog {
        try open(url: url, coder: coder, codebookHash: nil, lockTimeout: lockTimeout)
    }

    /// Opens (creating if needed) the log for writing, taking its lock and setting aside a torn tail.
    ///
    /// - Parameters:
    ///   - codebookHash: recorded in every appended event that does not carry its own.
    ///   - displayPath: how messages name the file (default: its path).
    ///   - renaming: old code ids to read as the codes that replaced them (`Codebook.renaming`).
    public static func open(url: URL, coder: String, codebookHash: String?, lockTimeout: Duration = .seconds(2),
                            displayPath: String? = nil, renaming: CodeRenaming = .none) throws -> CodingLog {
        let shown = displayPath ?? url.path
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var created = true
        var fd = Glibc.open(url.path, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EEXIST {
            created = false
            fd = Glibc.open(url.path, O_RDWR | O_APPEND | O_CLOEXEC)
        }
        guard fd >= 0 else {
            let error = errno
            switch LogFile.kind(at: url.path) {
            case .danglingLink(let target): throw CodingLogError.danglingLink(path: shown, target: target)
            case .notAFile(let kind): throw CodingLogError.notAFile(path: shown, kind: kind)
            default: throw CodingLogError.cannotOpen(path: shown, errno: error)
            }
        }
        let (regular, kind) = LogFile.isRegular(descriptor: fd)
        guard regular else {
            Glibc.close(fd)
            throw CodingLogError.notAFile(path: shown, kind: kind)
        }
        // A new file's name is durable only once its folder is synced.
        if created { DurableFile.syncDirectory(directory.path) }
        let lock = LogLock(logPath: url.path)
        do {
            try lock.acquire(descriptor: fd, timeout: lockTimeout, displayPath: shown)
        } catch {
            Glibc.close(fd)
            throw error
        }
        do {
            var replay = CodingState.Replay(into: CodingState(coder: coder, renaming: renaming))
            var scanner = LogScanner(displayPath: shown, keepsTime: false, owner: coder)
            try scanner.scan(descriptor: fd, from: 0, consumed: { _ in }, into: &replay)
            var contents = LogContents(events: [], diagnostics: scanner.allDiagnostics, health: scanner.health)
            if let torn = scanner.tornTail {
                let aside = try TornTailMove.setAside(torn, descriptor: fd, url: url, displayPath: shown)
                contents.health.tornLine = nil
                contents.health.tornSetAsideTo = aside.lastPathComponent
                contents.diagnostics.append(Diagnostic(
                    file: shown, line: torn.line, severity: .warning,
                    message: "line \(torn.line) was unfinished (its writer stopped mid-line: killed, crashed or lost power); its \(torn.length) bytes were moved to \(aside.lastPathComponent) and the log keeps every complete line",
                    hint: "nothing saved is lost: an event counts as saved only once its whole line is on disk"))
            }
            // A line left out as misplaced still holds its seq: the next event comes after it.
            var state = replay.finish()
            state.lastSeq = max(state.lastSeq, scanner.lastSeq)
            return CodingLog(url: url, coder: coder, codebookHash: codebookHash, descriptor: fd, lock: lock,
                             displayPath: shown, contents: contents, state: state,
                             knownLength: scanner.completeLength)
        } catch {
            lock.releaseSidecar()
            Glibc.close(fd)
            throw error
        }
    }

    /// Reads and replays a log without locking it or changing it; a torn tail is reported, not moved.
    public static func read(url: URL) throws -> LogContents {
        try read(url: url, displayPath: nil)
    }

    /// Reads a log without locking it; `displayPath` is how messages name the file. With
    /// `owner` (whose log it is), an event that does not belong in it (`EventPlacement`) is a
    /// malformed line, as for every other reader of the log.
    public static func read(url: URL, displayPath: String?, owner: String? = nil) throws -> LogContents {
        let shown = displayPath ?? url.path
        guard let fd = try openForReading(url, displayPath: shown) else { return LogContents(events: [], diagnostics: []) }
        defer { Glibc.close(fd) }
        var (contents, scanner) = try scan(descriptor: fd, displayPath: shown, keepingEvents: true, owner: owner)
        if let torn = scanner.tornTail {
            contents.health.tornLine = torn.line
            contents.diagnostics.append(unfinishedLine(torn, displayPath: shown, url: url))
        }
        return contents
    }

    /// Reads a log without locking it or keeping its events: `visit` sees each event in file
    /// order (without its `time`), and the contents hold the problems and each event's line but
    /// no events. For `validate` when the codebook cannot be read (with one, every reader goes
    /// through `LogFold`).
    /// With `owner`, an event that does not belong in the log (`EventPlacement`) is a malformed line.
    public static func read(url: URL, displayPath: String?, owner: String? = nil, visit: (CodingEvent) -> Void) throws -> LogContents {
        let shown = displayPath ?? url.path
        guard let fd = try openForReading(url, displayPath: shown) else { return LogContents(events: [], diagnostics: []) }
        defer { Glibc.close(fd) }
        var (contents, scanner) = try scan(descriptor: fd, displayPath: shown, keepingEvents: false, recordingLines: true,
                                           owner: owner, alsoVisit: visit)
        if let torn = scanner.tornTail {
            contents.health.tornLine = torn.line
            contents.diagnostics.append(unfinishedLine(torn, displayPath: shown, url: url))
        }
        return contents
    }

    /// A descriptor for reading the log, or nil when there is none yet; a log that is there but
    /// cannot be read (a folder, a dangling link, no permission) is an error naming it.
    static func openForReading(_ url: URL, displayPath: String) throws(CodingLogError) -> Int32? {
        // O_NONBLOCK: a named pipe in the log's place must not hang the command.
        let fd = Glibc.open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let error = errno
            switch LogFile.kind(at: url.path) {
            case .missing where error == ENOENT: return nil
            case .danglingLink(let target): throw .danglingLink(path: displayPath, target: target)
            default: throw .cannotOpen(path: displayPath, errno: error)
            }
        }
        let (regular, kind) = LogFile.isRegular(descriptor: fd)
        guard regular else {
            Glibc.close(fd)
            throw .notAFile(path: displayPath, kind: kind)
        }
        return fd
    }

    /// What a reader that may not move it says about a torn tail.
    static func unfinishedLine(_ torn: LogScanner.TornTail, displayPath: String, url: URL) -> Diagnostic {
        Diagnostic(
            file: displayPath, line: torn.line, severity: .warning,
            message: "line \(torn.line) is unfinished (its writer stopped mid-line, or is writing it now); it is left out",
            hint: "it is moved aside to \(url.lastPathComponent).torn-TIMESTAMP the next time this coder codes")
    }

    /// Every event in the log, oldest first (for undo and the audit trail), read from the file
    /// the first time it is asked for.
    public func history() throws -> [CodingEvent] {
        if let loadedHistory { return loadedHistory }
        guard descriptor >= 0 else { throw CodingLogError.closed(path: displayPath) }
        var events: [CodingEvent] = []
        var scanner = LogScanner(displayPath: displayPath, owner: coder)
        try scanner.scan(descriptor: descriptor) { events.append($0) }
        loadedHistory = events
        return events
    }

    /// Scans the whole file; `alsoVisit` sees each event as it is read (to replay in the same
    /// pass), and `keepingEvents` decides whether the contents list them too (events that are
    /// not kept are only replayed, and carry no `time`); `recordingLines` (default: as
    /// `keepingEvents`) whether the contents list each event's line; `owner`, whose log it is
    /// (`EventPlacement`).
    private static func scan(descriptor: Int32, displayPath: String, keepingEvents: Bool, recordingLines: Bool? = nil, owner: String?,
                             alsoVisit: (CodingEvent) -> Void = { _ in }) throws -> (LogContents, LogScanner) {
        var events: [CodingEvent] = []
        var info = stat()
        if keepingEvents, fstat(descriptor, &info) == 0 { events.reserveCapacity(Int(info.st_size) / 180) }
        // One thread: handing events to a second one copied each (retaining its strings from two
        // cores), which cost more CPU than the overlap saved; here each event is moved, never copied.
        var scanner = LogScanner(displayPath: displayPath, keepsTime: keepingEvents, owner: owner)
        scanner.recordsLines = recordingLines ?? keepingEvents
        try scanner.scan(descriptor: descriptor) { event in
            alsoVisit(event)
            if keepingEvents { events.append(event) }
        }
        let contents = LogContents(events: events, diagnostics: scanner.allDiagnostics, health: scanner.health,
                                   lines: scanner.eventLines)
        return (contents, scanner)
    }

    /// Writes one event durably and applies it to `state`; returns it with `seq` and `time` filled in.
    @discardableResult
    public func append(_ draft: CodingEvent) throws -> CodingEvent {
        let saved = try append(contentsOf: [draft])
        guard let event = saved.first else { throw CodingLogError.closed(path: displayPath) }
        return event
    }

    /// Writes several events as one durable append: every one of them is saved, or none is.
    ///
    /// The lines go to the file in one write and one fsync; if either fails, the file is cut
    /// back to where this writer left it, so a later reader never sees part of the batch.
    /// Returns the events as written (with `seq` and `time`), and applies them to `state`.
    @discardableResult
    public func append(contentsOf drafts: [CodingEvent]) throws -> [CodingEvent] {
        guard descriptor >= 0 else { throw CodingLogError.closed(path: displayPath) }
        guard !drafts.isEmpty else { return [] }
        let now = Timestamp.now()
        var events: [CodingEvent] = []
        events.reserveCapacity(drafts.count)
        var lines: [UInt8] = []
        for (offset, draft) in drafts.enumerated() {
            var event = draft
            event.v = event.op.schemaVersion
            event.seq = state.lastSeq + 1 + offset
            event.coder = coder
            if event.codebook.isEmpty, let codebookHash { event.codebook = codebookHash }
            guard !event.codebook.isEmpty else { throw CodingLogError.missingCodebookHash(path: displayPath) }
            // What every reader would leave out is never written (an `adjudicate` in a coder's log).
            if let problem = EventPlacement.problem(of: event, inLogOf: coder) {
                throw CodingLogError.misplaced(path: displayPath, problem: problem.message)
            }
            if event.time.isEmpty { event.time = now }
            lines += EventLineEncoder.line(for: event)
            events.append(event)
        }
        try setAsideUnexpectedTail()
        var failure = lines.withUnsafeBytes { DurableFile.writeAll(descriptor, $0) }
        if failure == 0 { failure = DurableFile.sync(descriptor) }
        if failure != 0 {
            // Leave no part of the batch behind: cut back to the last whole line this writer knows.
            let cutBack = DurableFile.truncate(descriptor, to: knownLength) == 0 && DurableFile.sync(descriptor) == 0
            throw cutBack ? CodingLogError.appendFailed(path: displayPath, errno: failure, events: events.count)
                          : CodingLogError.appendUncertain(path: displayPath, errno: failure, events: events.count)
        }
        knownLength += lines.count
        for event in events {
            loadedHistory?.append(event)
            state.apply(event)
        }
        return events
    }

    /// Before appending, makes sure the file still ends where this writer left it, on a newline.
    ///
    /// Only a failed write of our own (or a hand edit while the log is open) can change that;
    /// `fstat` makes the check cheap enough for every append.
    private func setAsideUnexpectedTail() throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw CodingLogError.writeFailed(path: displayPath, errno: errno) }
        let size = Int(info.st_size)
        guard size != knownLength else { return }
        var scanner = LogScanner(displayPath: displayPath)
        try scanner.scan(descriptor: descriptor) { _ in }
        if let torn = scanner.tornTail {
            let aside = try TornTailMove.setAside(torn, descriptor: descriptor, url: url, displayPath: displayPath)
            health.tornSetAsideTo = aside.lastPathComponent
            diagnostics.append(Diagnostic(file: displayPath, line: torn.line, severity: .warning,
                                          message: "line \(torn.line) was unfinished; moved to \(aside.lastPathComponent)"))
        }
        knownLength = scanner.completeLength
    }

    /// Releases the lock; further appends fail.
    public func close() {
        guard descriptor >= 0 else { return }
        lock.releaseSidecar()
        Glibc.close(descriptor)
        descriptor = -1
    }
}

/// The events of a log and what was wrong with it.
public struct LogContents: Sendable {
    public var events: [CodingEvent]
    public var diagnostics: [Diagnostic]
    public var health: LogHealth
    /// The line each event is on (1-based), in the order of `events`; empty when not known.
    public var lines: [Int]
    public init(events: [CodingEvent], diagnostics: [Diagnostic], health: LogHealth = LogHealth(), lines: [Int] = []) {
        self.events = events
        self.diagnostics = diagnostics
        self.health = health
        self.lines = lines
    }

    /// The line of the event at `position` in `events`, when known.
    public func line(ofEventAt position: Int) -> Int? {
        position >= 0 && position < lines.count ? lines[position] : nil
    }
}
