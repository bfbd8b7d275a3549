import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a scan of a log (`LogScanner`) hands the events it reads, in file order.
protocol LogEventSink {
    /// An event the decoder's fast path read; `fields` mean something only with `names`.
    mutating func take(_ fields: borrowing EventLineDecoder.Fields, names: borrowing EventLineDecoder.Names)
    /// An event read any other way.
    mutating func take(_ event: consuming CodingEvent)
}

/// Reads a log's lines into events, noting every problem with its line number.
///
/// Reads in pieces of whole lines (`LogPieceReader`, 256 KiB) so that replaying a large log
/// needs memory for its state, not for a copy of its bytes. A malformed line, an event from a newer schema, a gap or repeat
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
    /// What the numbers in the decoded lines stand for: the decoder's names as they were when
    /// the scan began, and each piece's new ones added as the piece is taken. Only the scanner
    /// adds to them, so nothing else shares (and copies) them while they grow.
    private var names = EventLineDecoder.Names()
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
        try withoutActuallyEscaping(visit) { visit in
            var sink = EachEvent(visit: visit)
            try scan(descriptor: descriptor, from: start, consumed: consumed, into: &sink)
        }
    }

    /// Hands each event on as a `CodingEvent`.
    private struct EachEvent: LogEventSink {
        let visit: (consuming CodingEvent) -> Void
        mutating func take(_ fields: borrowing EventLineDecoder.Fields, names: borrowing EventLineDecoder.Names) {
            visit(names.event(from: fields))
        }
        mutating func take(_ event: consuming CodingEvent) { visit(event) }
    }

    /// Scans the open file from byte `start` (the start of a line), handing each good event to
    /// `sink` in file order and every whole line's bytes, in order, to `consumed`.
    ///
    /// A log of a megabyte or more is read and decoded on a thread of its own while this one
    /// checks, counts and hands on the lines decoded so far: decoding is most of the work, and
    /// everything that depends on the order of the lines is still done here, in order.
    ///
    /// - Parameters:
    ///   - threadFrom: the least number of bytes to read that takes a second thread (tests make
    ///     it 0, to read small logs as large ones are read).
    ///   - pieceSize: the size of the pieces read (`LogPieceReader`; tests make it small).
    mutating func scan<Sink: LogEventSink>(descriptor: Int32, from start: Int, consumed: (UnsafeRawBufferPointer) -> Void,
                                           into sink: inout Sink, threadFrom: Int = 1 << 20, pieceSize: Int? = nil) throws {
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 4 << 20
        var reader = LogPieceReader(descriptor: descriptor, from: start, size: size, decoder: decoder, displayPath: displayPath,
                                    pieceSize: pieceSize)
        names = decoder.names
        var threaded = false
        if size - start >= threadFrom, ProcessInfo.processInfo.activeProcessorCount >= 2 {
            let handOff = PieceHandOff()
            defer { handOff.stop() }
            nonisolated(unsafe) var moved: LogPieceReader? = reader
            threaded = BackgroundThread.start {
                guard var reader = moved.take() else { return }
                do {
                    while let piece = try reader.next() {
                        guard handOff.put(.piece(piece)) else { return }
                    }
                    _ = handOff.put(.end(reader))
                } catch {
                    _ = handOff.put(.failed(error))
                }
            }
            reading: while threaded {
                switch handOff.take() {
                case .piece(let piece): take(piece, consumed: consumed, into: &sink)
                case .end(let finished):
                    reader = finished
                    break reading
                case .failed(let error): throw error
                }
            }
        }
        // A small log, one core, or no thread to be had (out of address space or threads).
        if !threaded {
            while let piece = try reader.next() { take(piece, consumed: consumed, into: &sink) }
        }
        decoder = reader.decoder
        completeLength = reader.offset
        if reader.tail > 0 {
            tornTail = TornTail(line: lineCount + 1, offset: reader.offset, length: reader.tail)
        }
    }

    /// Checks, counts and hands on the lines of one piece, in order.
    private mutating func take<Sink: LogEventSink>(_ piece: consuming DecodedPiece, consumed: (UnsafeRawBufferPointer) -> Void,
                                                   into sink: inout Sink) {
        names.append(strings: piece.newStrings, lists: piece.newLists)
        piece.bytes.withUnsafeBytes { consumed(UnsafeRawBufferPointer(rebasing: $0[0..<piece.length])) }
        for line in piece.lines {
            lineCount += 1
            switch line {
            case .blank:
                break
            case .fields(let fields):
                guard admits(v: fields.v, seq: fields.seq, op: fields.op, coder: names.strings[Int(fields.coder)]) else { continue }
                sink.take(fields, names: names)
            case .other(.failure(let failure)) where (failure.version ?? 0) > CodingEvent.schemaVersion && (failure.version ?? 0) <= CodingEvent.largestSchemaVersion:
                // Not readable here, but versioned past this litcoder: a newer one wrote it.
                reportNewer(version: failure.version ?? 0)
            case .other(.failure(let failure)):
                health.malformedLines += 1
                report(.error, "malformed event: \(failure.reason); the line is kept in place and left out of the codings",
                       hint: "fix or remove the line by hand if you know what it should say")
            case .other(.success(let event)):
                guard admits(v: event.v, seq: event.seq, op: event.op, coder: event.coder) else { continue }
                sink.take(event)
            }
        }
    }

    /// Whether an event read from the current line goes on to the caller: its version and seq
    /// are in range, it is of a schema this litcoder reads, and it belongs in the log. Reports
    /// what is wrong otherwise, and a seq that repeats or jumps either way.
    private mutating func admits(v: Int, seq: Int, op: CodingEvent.Operation, coder: String) -> Bool {
        guard v >= 1, v <= CodingEvent.largestSchemaVersion else {
            health.malformedLines += 1
            report(.error, "malformed event: schema version \(v) is not valid; the line is kept in place and left out",
                   hint: "fix or remove the line by hand if you know what it should say")
            return false
        }
        // Range-checked before any arithmetic on it, so a damaged number is a message, never a trap.
        guard seq >= 1, seq <= CodingEvent.largestSeq else {
            health.malformedLines += 1
            report(.error, "malformed event: seq \(seq) is out of range (1 to \(CodingEvent.largestSeq)); the line is kept in place and left out",
                   hint: "fix or remove the line by hand if you know what it should say")
            return false
        }
        guard v <= CodingEvent.schemaVersion else {
            reportNewer(version: v)
            return false
        }
        if seq <= lastSeq {
            health.sequenceProblems += 1
            report(.warning, "seq \(seq) repeats or goes back (an earlier line has seq \(lastSeq)); the event is applied in file order",
                   hint: "two copies of the log may have been joined; check the history of this file")
        } else if seq > lastSeq + 1 {
            health.sequenceProblems += 1
            let missing = seq - lastSeq - 1 == 1 ? "seq \(lastSeq + 1) is" : "seq \(lastSeq + 1)–\(seq - 1) are"
            report(.warning, "seq jumps from \(lastSeq) to \(seq): \(missing) missing",
                   hint: "lines may have been removed by hand or lost in a merge; an older copy (git history) may have them")
        }
        lastSeq = max(lastSeq, seq)
        // After the seq checks: the line is in the file and holds its seq (the next event
        // follows it without a gap), but it is no event of this log.
        if let owner, let problem = EventPlacement.problem(op: op, coder: coder, inLogOf: owner) {
            health.malformedLines += 1
            report(.error, "malformed event: \(problem.message); the line is kept in place and left out of the codings",
                   hint: problem.hint)
            return false
        }
        if recordsLines { eventLines.append(lineCount) }
        return true
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
