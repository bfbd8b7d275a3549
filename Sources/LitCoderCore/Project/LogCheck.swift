import Foundation

/// What `validate` needs of one log, gathered in one pass as it is read: the events are never
/// kept (a million of them cost hundreds of megabytes).
struct LogCheck {
    /// The problems and each event's line; no events.
    var contents: LogContents
    var events = 0
    /// Whether an event but a view is there.
    var hasCodings = false
    /// With a codebook: the stale codings, the replayed state, the position of the last event
    /// that marked each paper done, and the events made under another codebook, by hash.
    var finder: StaleCodings.Finder?
    var state: CodingState?
    var markedDone: [String: Int] = [:]
    var olderCodebooks: [String: Int] = [:]
    var olderEvents = 0
    /// Each event that attached a quote, with its position (few: kept for `checkEvidence`).
    var attachments: [(Int, CodingEvent)] = []

    /// Reads the log; with a codebook, through `LogFold` (and the project's snapshots, if given).
    init(_ url: URL, coder: String, displayPath: String, codebook: Codebook?, snapshots: LogSnapshots? = nil) throws {
        if let codebook {
            let fold = try LogFold.read(url: url, coder: coder, displayPath: displayPath, codebook: codebook,
                                        snapshots: snapshots)
            contents = fold.contents
            events = fold.events
            hasCodings = fold.hasCodings
            finder = fold.finder
            state = fold.state
            markedDone = fold.markedDone
            olderCodebooks = fold.olderCodebooks
            olderEvents = fold.olderEvents
            attachments = fold.attachments
            return
        }
        var finder = codebook.map { StaleCodings.Finder(codebook: $0) }
        var replay = codebook.map { CodingState.Replay(into: CodingState(coder: coder, renaming: $0.renaming)) }
        let currentHash = codebook?.contentHash
        var events = 0, hasCodings = false, olderEvents = 0
        var markedDone: [String: Int] = [:]
        var olderCodebooks: [String: Int] = [:]
        var attachments: [(Int, CodingEvent)] = []
        contents = try CodingLog.read(url: url, displayPath: displayPath, owner: coder) { event in
            let position = events
            events += 1
            if event.op != .view { hasCodings = true }
            guard let currentHash else { return }
            finder?.add(event)
            replay?.apply(event)
            if event.op == .done, event.value == true { markedDone[event.paper] = position }
            if event.op == .evidence, event.value == true { attachments.append((position, event)) }
            if !event.codebook.isEmpty, event.codebook != currentHash {
                olderEvents += 1
                olderCodebooks[event.codebook, default: 0] += 1
            }
        }
        self.events = events
        self.hasCodings = hasCodings
        self.finder = finder
        state = replay.map { var replay = $0; return replay.finish() }
        self.markedDone = markedDone
        self.olderCodebooks = olderCodebooks
        self.olderEvents = olderEvents
        self.attachments = attachments
    }
}
