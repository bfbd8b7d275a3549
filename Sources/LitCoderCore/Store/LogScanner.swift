import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a log's lines into events, noting every problem with its line number.
///
/// Reads in 4 MiB pieces so that replaying a large log needs memory for its events, not for
/// a second copy of its bytes. A malformed line, an event from a newer schema, a gap or repeat
/// in `seq` are reported and never stop the scan; an unfinished last line is reported as a
/// torn tail for the caller to set aside.
struct LogScanner {
    /// The unfinished last line: what a writer killed mid-write leaves behind.
    struct TornTail: Hashable {
        var line: Int
        var offset: Int
        var length: Int
    }

    let displayPath: String
    /// The log's owner (a coder, or `_consensus`) when known: an event that does not belong
    /// in their log (`EventPlacement`) is a malformed line.
    let owner: String?
    private(set) var diagnostics: [Diagnostic] = []
    /// Problems beyond `maximumReported`, counted but not listed one by one.
    private(set) var unreportedCount = 0
    private(set) var lineCount = 0
    /// The largest `seq` of the events read, those left out as misplaced (`owner`) included.
    private(set) var lastSeq = 0
    /// Bytes up to and including the last newline: the part of the file that is whole lines.
    private(set) var completeLength = 0
    private(set) var tornTail: TornTail?
    /// Counts by kind, for `status`.
    private(set) var health = LogHealth()
    /// The line of each event handed on, in order, when `recordsLines` is set.
    private(set) var eventLines: [Int] = []
    var recordsLines = false
    private var decoder: EventLineDecoder
    private let maximumReported = 50

    /// - Parameters:
    ///   - keepsTime: whether the events handed on carry their `time` (not needed to replay).
    ///   - owner: whose log it is, when known (see `owner`).
    init(displayPath: String, keepsTime: Bool = true, owner: String? = nil) {
        self.displayPath = displayPath
        self.owner = owner
        decoder = EventLineDecoder(keepsTime: keepsTime)
    }

    /// Where a scan stopped, to go on from there later (`LogSnapshot`): everything the scanner
    /// has counted and reported over the whole lines it read.
    struct Progress: Sendable {
        var lineCount = 0
        var lastSeq = 0
        var completeLength = 0
        var health = LogHealth()
        /// The problems listed, without their file (the reader's display path is put back).
        var diagnostics: [Diagnostic] = []
        var unreportedCount = 0
        var eventLines: [Int] = []
    }

    /// The scanner's progress after a scan that found no torn tail beyond `completeLength`.
    var progress: Progress {
        Progress(lineCount: lineCount, lastSeq: lastSeq, completeLength: completeLength, health: health,
                 diagnostics: diagnostics, unreportedCount: unreportedCount, eventLines: eventLines)
    }

    /// A scanner that goes on from `progress`: `scan(descriptor:from:…)` then reads from its
    /// `completeLength`, counting lines, seqs and problems as if it had read the whole file.
    init(resuming progress: Progress, displayPath: String, keepsTime: Bool, owner: String?) {
        self.init(displayPath: displayPath, keepsTime: keepsTime, owner: owner)
        lineCount = progress.lineCount
        lastSeq = progress.lastSeq
        completeLength = progress.completeLength
        health = progress.health
        diagnostics = progress.diagnostics.map { var diagnostic = $0; diagnostic.file = displayPath; return diagnostic }
        unreportedCount = progress.unreportedCount
        eventLines = progress.eventLines
        recordsLines = true
    }

    /// Scans the open file from its start, handing each good event to `visit` in file order.
    mutating func scan(descriptor: Int32, visit: (consuming CodingEvent) -> Void) throws {
        try scan(descriptor: descriptor, from: 0, consumed: { _ in }, visit: visit)
    }

    /// Scans the open file from byte `start` (the start of a line), handing each good event to
    /// `visit` in file order and every whole line's bytes, in order, to `consumed`.
    mutating func scan(descriptor: Int32, from start: Int, consumed: (UnsafeRawBufferPointer) -> Void,
                       visit: (consuming CodingEvent) -> Void) throws {
        // Pieces of 4 MiB, or the file's size for a smaller log: zeroing 4 MiB to read a log of a
        // few lines cost more than reading it (status reads every coder's log).
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 4 << 20
        var buffer = [UInt8](repeating: 0, count: min(4 << 20, max(size - start + 1, 4096)))
        var filled = 0
        var bufferOffset = start
        while true {
            if filled == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
            let capacity = buffer.count - filled
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(descriptor, base + filled, capacity, off_t(bufferOffset + filled))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw CodingLogError.cannotOpen(path: displayPath, errno: errno)
            }
            if n == 0 { break }
            filled += n
            let lines = buffer.withUnsafeBufferPointer { whole in
                scanLines(UnsafeBufferPointer(rebasing: whole[0..<filled]), visit: visit)
            }
            if lines > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    guard let base = raw.baseAddress else { return }
                    consumed(UnsafeRawBufferPointer(rebasing: raw[0..<lines]))
                    _ = memmove(base, base + lines, filled - lines)
                }
                bufferOffset += lines
                filled -= lines
            }
        }
        completeLength = bufferOffset
        if filled > 0 {
            tornTail = TornTail(line: lineCount + 1, offset: bufferOffset, length: filled)
        }
    }

    /// Handles every complete line in `bytes`; returns how many bytes that was.
    private mutating func scanLines(_ bytes: UnsafeBufferPointer<UInt8>, visit: (consuming CodingEvent) -> Void) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var start = 0
        while start < bytes.count {
            guard let found = memchr(base + start, 0x0A, bytes.count - start) else { break }
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            lineCount += 1
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }  // tolerate CRLF checkouts
            handle(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]), visit: visit)
            start = end + 1
        }
        return start
    }

    private mutating func handle(_ line: UnsafeBufferPointer<UInt8>, visit: (consuming CodingEvent) -> Void) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        switch decoder.decode(line) {
        case .failure(let failure) where (failure.version ?? 0) > CodingEvent.schemaVersion && (failure.version ?? 0) <= CodingEvent.largestSchemaVersion:
            // Not readable here, but versioned past this litcoder: a newer one wrote it.
            reportNewer(version: failure.version ?? 0)
        case .failure(let failure):
            health.malformedLines += 1
            report(.error, "malformed event: \(failure.reason); the line is kept in place and left out of the codings",
                   hint: "fix or remove the line by hand if you know what it should say")
        case .success(let event):
            guard event.v >= 1, event.v <= CodingEvent.largestSchemaVersion else {
                health.malformedLines += 1
                report(.error, "malformed event: schema version \(event.v) is not valid; the line is kept in place and left out",
                       hint: "fix or remove the line by hand if you know what it should say")
                return
            }
            // Range-checked before any arithmetic on it, so a damaged number is a message, never a trap.
            guard event.seq >= 1, event.seq <= CodingEvent.largestSeq else {
                health.malformedLines += 1
                report(.error, "malformed event: seq \(event.seq) is out of range (1 to \(CodingEvent.largestSeq)); the line is kept in place and left out",
                       hint: "fix or remove the line by hand if you know what it should say")
                return
            }
            guard event.v <= CodingEvent.schemaVersion else {
                reportNewer(version: event.v)
                return
            }
            if event.seq <= lastSeq {
                health.sequenceProblems += 1
                report(.warning, "seq \(event.seq) repeats or goes back (an earlier line has seq \(lastSeq)); the event is applied in file order",
                       hint: "two copies of the log may have been joined; check the history of this file")
            } else if event.seq > lastSeq + 1 {
                health.sequenceProblems += 1
                let missing = event.seq - lastSeq - 1 == 1 ? "seq \(lastSeq + 1) is" : "seq \(lastSeq + 1)–\(event.seq - 1) are"
                report(.warning, "seq jumps from \(lastSeq) to \(event.seq): \(missing) missing",
                       hint: "lines may have been removed by hand or lost in a merge; an older copy (git history) may have them")
            }
            lastSeq = max(lastSeq, event.seq)
            // After the seq checks: the line is in the file and holds its seq (the next event
            // follows it without a gap), but it is no event of this log.
            if let owner, let problem = EventPlacement.problem(of: event, inLogOf: owner) {
                health.malformedLines += 1
                report(.error, "malformed event: \(problem.message); the line is kept in place and left out of the codings",
                       hint: problem.hint)
                return
            }
            if recordsLines { eventLines.append(lineCount) }
            visit(event)
        }
    }

    private mutating func reportNewer(version: Int) {
        health.newerSchemaLines += 1
        report(.error, "event written by a newer litcoder (schema v\(version); this one reads up to v\(CodingEvent.schemaVersion)); the line is kept in place and left out",
               hint: "update litcoder to read it")
    }

    private mutating func report(_ severity: Diagnostic.Severity, _ message: String, hint: String? = nil) {
        guard diagnostics.count < maximumReported else {
            unreportedCount += 1
            return
        }
        diagnostics.append(Diagnostic(file: displayPath, line: lineCount, severity: severity, message: message, hint: hint))
    }

    /// The problems, with a closing line for any beyond the listed ones.
    var allDiagnostics: [Diagnostic] {
        guard unreportedCount > 0 else { return diagnostics }
        return diagnostics + [Diagnostic(file: displayPath, severity: .note,
                                         message: "\(unreportedCount) more problems in this log are not listed")]
    }
}
