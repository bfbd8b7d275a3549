import Foundation

/// A project with its codebook and corpus loaded: what every command starts from.
public struct Workspace: Sendable {
    public var project: Project
    public var codebook: Codebook
    public var corpus: Corpus
    /// Problems found while loading that did not stop it (malformed corpus lines, …).
    public var diagnostics: [Diagnostic]
    /// Logs read while the corpus loaded (`open(_:replaying:)`), by coder.
    private var readAhead: [String: Result<LogFold, any Error>] = [:]

    public init(project: Project, codebook: Codebook, corpus: Corpus, diagnostics: [Diagnostic] = []) {
        self.project = project
        self.codebook = codebook
        self.corpus = corpus
        self.diagnostics = diagnostics
    }

    /// Loads the project's codebook and corpus; throws the codebook's diagnostics when it is invalid.
    public static func open(_ project: Project) throws -> Workspace {
        try open(project, replaying: [])
    }

    /// Loads the project's codebook, then its corpus while `coders`' logs are replayed on the
    /// other cores: `state(coder:)` then gives those states without reading the logs again.
    /// For the commands that read both the papers and a few logs (a second each at 100,000
    /// papers), and write nothing in between. A log that cannot be read is an error only when
    /// its state is asked for, as it would be without reading ahead.
    public static func open(_ project: Project, replaying coders: [String]) throws -> Workspace {
        let (codebook, codebookDiagnostics) = CodebookLoader.load(
            url: project.codebookURL, displayName: project.display(project.codebookURL))
        guard let codebook else { throw DiagnosticList(codebookDiagnostics) }
        var workspace = Workspace(project: project, codebook: codebook, corpus: Corpus(), diagnostics: codebookDiagnostics)
        let bare = workspace
        // The logs are read on a thread of their own while this one loads the corpus, which
        // spreads its own work over the cores: inside one pool, the corpus would wait for a
        // free worker and load on one core.
        nonisolated(unsafe) var folds: [Result<LogFold, any Error>] = []
        let done = DispatchSemaphore(value: 0)
        if !coders.isEmpty {
            let readAhead: @Sendable () -> Void = {
                folds = ParallelChunks.map(count: coders.count, minimumChunk: 1) { index in
                    Result { try bare.fold(coder: coders[index]) }
                }
                done.signal()
            }
            // No thread to be had (out of address space or threads): read them first, here.
            if !BackgroundThread.start(readAhead) { readAhead() }
        }
        let (corpus, diagnostics) = Corpus.load(files: project.corpusURLs, displayName: project.display)
        workspace.corpus = corpus
        workspace.diagnostics += diagnostics
        if !coders.isEmpty {
            done.wait()
            for (coder, result) in zip(coders, folds) { workspace.readAhead[coder] = result }
        }
        return workspace
    }

    /// A coder's replayed state, read without locking the log; codes the codebook replaced are
    /// read as their new ids.
    public func state(coder: String) throws -> (CodingState, [Diagnostic]) {
        let fold = try fold(coder: coder)
        return (fold.state, fold.contents.diagnostics)
    }

    /// A coder's log folded under the codebook (`LogFold`), read without locking it, going on
    /// from the project's snapshot of it when there is a true one.
    func fold(coder: String) throws -> LogFold {
        if let ready = readAhead[coder] { return try ready.get() }
        let url = project.logURL(coder: coder)
        return try LogFold.read(url: url, coder: coder, displayPath: project.display(url), codebook: codebook,
                                snapshots: project.snapshots)
    }

    /// A coder's log as read without locking it: events, problems and their counts.
    public func logContents(coder: String) throws -> LogContents {
        let url = project.logURL(coder: coder)
        return try CodingLog.read(url: url, displayPath: project.display(url), owner: coder)
    }

    /// Several coders' replayed states (`state(coder:)`), in the order given, each with its
    /// log's problems or the error that stopped reading it: the logs are read at the same time,
    /// on all cores.
    public func states(coders: [String]) -> [Result<(CodingState, [Diagnostic]), any Error>] {
        ParallelChunks.map(count: coders.count, minimumChunk: 1) { index in
            Result { try state(coder: coders[index]) }
        }
    }

    /// Opens a coder's log for writing: every event appended records this codebook's hash.
    public func openLog(coder: String, lockTimeout: Duration = .seconds(2)) throws -> CodingLog {
        let url = project.logURL(coder: coder)
        return try CodingLog.open(url: url, coder: coder, codebookHash: codebook.contentHash,
                                  lockTimeout: lockTimeout, displayPath: project.display(url), renaming: codebook.renaming)
    }

    /// Who codes what and in which order: assignments, calibration rounds and `order:`, with
    /// the problems their files have (each bad line is left out, the rest still load).
    public func plan() -> (CodingPlan, [Diagnostic]) { CodingPlan.load(project) }

    /// The consensus state (`codings/_consensus.jsonl`).
    public func consensusState() throws -> (CodingState, [Diagnostic]) {
        try state(coder: CoderName.consensus)
    }
}
