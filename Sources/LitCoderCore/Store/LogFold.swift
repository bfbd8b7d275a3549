import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything the readers of a coder's log derive from it under one codebook, in one pass:
/// the replayed state, the stale codings, the problems and each event's line, and what
/// `validate` checks beside them. The events themselves are never kept.
///
/// With `LogSnapshots`, a log at least `minimumBytes` long is read once and its fold saved; the
/// next reader that finds the same bytes at the start of the log (same length, same XXH64) and
/// the same codebook goes on from the snapshot and reads only what was appended since. A
/// snapshot that is missing, damaged, written by another build, for another codebook or owner,
/// or for bytes the log no longer starts with is ignored and rebuilt: what a reader gets is the
/// same either way (tests compare every command with and without snapshots).
struct LogFold {
    var contents: LogContents
    /// Events read, views included.
    var events = 0
    /// Whether an event but a view is there.
    var hasCodings = false
    var state: CodingState
    var finder: StaleCodings.Finder
    /// The position of the last event that marked each paper done.
    var markedDone: [String: Int] = [:]
    /// Events made under another codebook than the current one, by hash.
    var olderCodebooks: [String: Int] = [:]
    var olderEvents = 0
    /// Each event that attached a quote, with its position (few).
    var attachments: [(Int, CodingEvent)] = []

    private init(state: CodingState, finder: StaleCodings.Finder) {
        contents = LogContents(events: [], diagnostics: [])
        self.state = state
        self.finder = finder
    }

    /// Reads `coder`'s log at `url` without locking it; a log that is not there is an empty fold.
    static func read(url: URL, coder: String, displayPath: String, codebook: Codebook,
                     snapshots: LogSnapshots?) throws -> LogFold {
        let empty = LogFold(state: CodingState(coder: coder, renaming: codebook.renaming),
                            finder: StaleCodings.Finder(codebook: codebook))
        guard let fd = try CodingLog.openForReading(url, displayPath: displayPath) else { return empty }
        defer { close(fd) }
        var info = stat()
        let known = fstat(fd, &info) == 0
        let size = known ? Int(info.st_size) : 0

        var fold = empty
        var progress = LogScanner.Progress()
        var hasher = XXHash64()
        var start = 0
        if let snapshots, size >= snapshots.minimumBytes,
           let found = loadSnapshot(snapshots, owner: coder, codebook: codebook, logSize: size, descriptor: fd) {
            (fold, progress, hasher) = found
            start = progress.completeLength
        }
        var scanner = LogScanner(resuming: progress, displayPath: displayPath, keepsTime: false, owner: coder)
        // The sink holds the only reference to each part of the fold, and the replay the only
        // one to the state: nothing is copied on its first change.
        var sink = Folding(fold: empty, replay: CodingState.Replay(into: empty.state), currentHash: codebook.contentHash)
        swap(&sink.fold, &fold)
        sink.replay = CodingState.Replay(into: sink.fold.state)
        sink.fold.state = empty.state
        try scanner.scan(descriptor: fd, from: start, consumed: { hasher.update($0) }, into: &sink)
        fold = sink.fold
        fold.state = sink.replay.finish()
        let reached = scanner.progress
        if let snapshots, known, reached.completeLength >= snapshots.minimumBytes,
           start == 0 ? reached.completeLength > 0 : reached.completeLength - start >= max(snapshots.minimumBytes, 1) {
            // It holds the log's codings: readable by no one who may not read the log, written by its owner only.
            fold.save(to: snapshots, progress: reached, prefixHash: hasher.digest(), codebook: codebook,
                      permissions: info.st_mode & 0o644)
        }
        fold.contents = LogContents(events: [], diagnostics: scanner.allDiagnostics, health: scanner.health,
                                    lines: scanner.eventLines)
        if let torn = scanner.tornTail {
            fold.contents.health.tornLine = torn.line
            fold.contents.diagnostics.append(CodingLog.unfinishedLine(torn, displayPath: displayPath, url: url))
        }
        return fold
    }

    /// Takes the events of a scan into the fold.
    private struct Folding: LogEventSink {
        var fold: LogFold
        var replay: CodingState.Replay
        let currentHash: String
        /// For fields: the decoder whose numbers `older` is kept for, and per codebook hash
        /// number whether it is another codebook's (1), not (0) or not known yet (-1).
        var names: ObjectIdentifier?
        var older: [Int8] = []

        mutating func take(_ event: consuming CodingEvent) { fold.add(event, replay: &replay, currentHash: currentHash) }

        mutating func take(_ fields: borrowing EventLineDecoder.Fields, names: borrowing EventLineDecoder.Names) {
            if self.names != names.identity {
                self.names = names.identity
                older = []
            }
            let hash = Int(fields.codebook)
            while older.count <= hash { older.append(-1) }
            if older[hash] < 0 {
                let codebook = names.strings[hash]
                older[hash] = !codebook.isEmpty && codebook != currentHash ? 1 : 0
            }
            let position = fold.events
            fold.events += 1
            if fields.op != .view { fold.hasCodings = true }
            fold.finder.add(fields, names: names)
            replay.take(fields, names: names)
            if fields.op == .done, fields.value == true { fold.markedDone[fields.paper] = position }
            if older[hash] == 1 {
                fold.olderEvents += 1
                fold.olderCodebooks[names.strings[hash], default: 0] += 1
            }
        }
    }

    private mutating func add(_ event: CodingEvent, replay: inout CodingState.Replay, currentHash: String) {
        let position = events
        events += 1
        if event.op != .view { hasCodings = true }
        finder.add(event)
        replay.apply(event)
        if event.op == .done, event.value == true { markedDone[event.paper] = position }
        if event.op == .evidence, event.value == true { attachments.append((position, event)) }
        if !event.codebook.isEmpty, event.codebook != currentHash {
            olderEvents += 1
            olderCodebooks[event.codebook, default: 0] += 1
        }
    }

    // MARK: Snapshots

    /// The fold, scanner progress and hasher saved for `owner` under `codebook`, when the
    /// snapshot is whole and the log still starts with the bytes it covers.
    private static func loadSnapshot(_ snapshots: LogSnapshots, owner: String, codebook: Codebook, logSize: Int,
                                     descriptor: Int32) -> (LogFold, LogScanner.Progress, XXHash64)? {
        // A snapshot is a fraction of its log; a far larger file is not one of ours.
        // (Saturating: a sparse log's size may be near Int.max.)
        let limit = logSize > (Int.max - (16 << 20)) / 4 ? Int.max : 4 * logSize + (16 << 20)
        guard let (file, start) = snapshots.payload(owner: owner, limit: limit) else { return nil }
        let decoded: (LogFold, LogScanner.Progress, UInt64)? = file.withUnsafeBytes { raw in
            var reader = SnapshotReader(UnsafeRawBufferPointer(rebasing: raw[start...]))
            return try? decode(&reader, owner: owner, codebook: codebook, logSize: logSize)
        }
        guard let (fold, progress, prefixHash) = decoded,
              let hasher = hashPrefix(descriptor: descriptor, length: progress.completeLength),
              hasher.digest() == prefixHash else { return nil }
        return (fold, progress, hasher)
    }

    /// The hash of the log's first `length` bytes, nil when they cannot all be read.
    private static func hashPrefix(descriptor: Int32, length: Int) -> XXHash64? {
        var hasher = XXHash64()
        var buffer = [UInt8](repeating: 0, count: min(length, 4 << 20))
        var offset = 0
        while offset < length {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress!, min(raw.count, length - offset), off_t(offset))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            offset += n
        }
        return hasher
    }

    static func decode(_ reader: inout SnapshotReader, owner: String, codebook: Codebook,
                               logSize: Int) throws(SnapshotReader.Damaged) -> (LogFold, LogScanner.Progress, UInt64) {
        guard try reader.string() == owner, try reader.string() == codebook.contentHash else { throw SnapshotReader.Damaged() }
        var progress = LogScanner.Progress()
        progress.completeLength = try reader.count(atMost: logSize)
        let prefixHash = try reader.uint64()
        progress.lineCount = try reader.count(atMost: progress.completeLength)
        progress.lastSeq = try reader.int()
        progress.health.malformedLines = try reader.count(atMost: progress.lineCount)
        progress.health.newerSchemaLines = try reader.count(atMost: progress.lineCount)
        progress.health.sequenceProblems = try reader.count(atMost: progress.lineCount)
        for _ in 0..<(try reader.listCount(itemSize: 26)) {
            let line = try reader.bool() ? try reader.int() : nil
            let column = try reader.bool() ? try reader.int() : nil
            guard let severity = Diagnostic.Severity(rawValue: try reader.string()) else { throw SnapshotReader.Damaged() }
            progress.diagnostics.append(Diagnostic(file: "", line: line, column: column, severity: severity,
                                                   message: try reader.string(), hint: try reader.optionalString()))
        }
        progress.unreportedCount = try reader.count(atMost: progress.lineCount)
        progress.eventLines = try reader.int32s().map { Int($0) }

        let state = try CodingState(reading: &reader, coder: owner, renaming: codebook.renaming)
        let finder = try StaleCodings.Finder(reading: &reader, codebook: codebook, numbering: state.numbering)
        var fold = LogFold(state: state, finder: finder)
        fold.events = try reader.count(atMost: progress.lineCount)
        guard progress.eventLines.count == fold.events, state.eventCount == fold.events,
              progress.eventLines.allSatisfy({ $0 >= 1 && $0 <= progress.lineCount }) else { throw SnapshotReader.Damaged() }
        fold.hasCodings = try reader.bool()
        fold.olderEvents = try reader.count(atMost: fold.events)
        for _ in 0..<(try reader.listCount(itemSize: 16)) {
            let hash = try reader.string()
            fold.olderCodebooks[hash] = try reader.count(atMost: fold.events)
        }
        for _ in 0..<(try reader.listCount(itemSize: 16)) {
            let number = try reader.count(atMost: state.paperCount - 1)
            fold.markedDone[state.paperID(number: number)] = try reader.count(atMost: fold.events - 1)
        }
        var decoder = EventLineDecoder(keepsTime: false)
        for _ in 0..<(try reader.listCount(itemSize: 16)) {
            let position = try reader.count(atMost: fold.events - 1)
            guard case .success(let event) = decoder.decode(Array(try reader.string().utf8)) else { throw SnapshotReader.Damaged() }
            fold.attachments.append((position, event))
        }
        guard reader.atEnd else { throw SnapshotReader.Damaged() }
        return (fold, progress, prefixHash)
    }

    /// Saves the fold as the snapshot of the log's first `progress.completeLength` bytes.
    private func save(to snapshots: LogSnapshots, progress: LogScanner.Progress, prefixHash: UInt64, codebook: Codebook,
                      permissions: mode_t) {
        var writer = SnapshotWriter(capacity: 64 * state.paperCount + 4 * progress.eventLines.count + 4096)
        writer.string(state.coder)
        writer.string(codebook.contentHash)
        writer.int(progress.completeLength)
        writer.uint64(prefixHash)
        writer.int(progress.lineCount)
        writer.int(progress.lastSeq)
        writer.int(progress.health.malformedLines)
        writer.int(progress.health.newerSchemaLines)
        writer.int(progress.health.sequenceProblems)
        writer.int(progress.diagnostics.count)
        for diagnostic in progress.diagnostics {
            writer.bool(diagnostic.line != nil)
            if let line = diagnostic.line { writer.int(line) }
            writer.bool(diagnostic.column != nil)
            if let column = diagnostic.column { writer.int(column) }
            writer.string(diagnostic.severity.rawValue)
            writer.string(diagnostic.message)
            writer.optionalString(diagnostic.hint)
        }
        writer.int(progress.unreportedCount)
        guard progress.lineCount <= Int(Int32.max) else { return }
        writer.int32s(progress.eventLines.map { Int32($0) })
        state.write(to: &writer)
        guard finder.write(to: &writer, paperIDs: state.paperIDs) else { return }
        writer.int(events)
        writer.bool(hasCodings)
        writer.int(olderEvents)
        writer.int(olderCodebooks.count)
        for (hash, count) in olderCodebooks.sorted(by: { $0.key < $1.key }) {
            writer.string(hash)
            writer.int(count)
        }
        writer.int(markedDone.count)
        for (paper, position) in markedDone {
            guard let number = state.paperNumber(of: paper) else { return }
            writer.int(number)
            writer.int(position)
        }
        writer.int(attachments.count)
        for (position, event) in attachments {
            writer.int(position)
            writer.string(String(decoding: EventLineEncoder.line(for: event).dropLast(), as: UTF8.self))
        }
        snapshots.save(owner: state.coder, payload: writer.bytes, permissions: permissions)
    }
}

extension LogSnapshots {
    /// Whether `payload` (a snapshot's bytes after its header) reads as a snapshot of `owner`'s
    /// log under `codebook` for a log of `logSize` bytes: for the fuzz harness, which must find
    /// that no payload makes the reader trap, hang or allocate without bound.
    public static func readsAsSnapshot(_ payload: [UInt8], owner: String, codebook: Codebook, logSize: Int) -> Bool {
        payload.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            return (try? LogFold.decode(&reader, owner: owner, codebook: codebook, logSize: logSize)) != nil
        }
    }
}

extension CodingLog {
    /// Reads a coder's log as every reading command does (`LogFold`, without snapshots): the
    /// replayed state and the log's problems. For callers outside a project (the fuzz harness).
    public static func replay(url: URL, coder: String, displayPath: String,
                              codebook: Codebook) throws -> (CodingState, [Diagnostic]) {
        let fold = try LogFold.read(url: url, coder: coder, displayPath: displayPath, codebook: codebook, snapshots: nil)
        return (fold.state, fold.contents.diagnostics)
    }
}
