import Foundation

/// A project with its codebook and corpus loaded: what every command starts from.
public struct Workspace: Sendable {
    public var project: Project
    public var codebook: Codebook
    public var corpus: Corpus
    /// Problems found while loading that did not stop it (malformed corpus lines, …).
    public var diagnostics: [Diagnostic]

    public init(project: Project, codebook: Codebook, corpus: Corpus, diagnostics: [Diagnostic] = []) {
        self.project = project
        self.codebook = codebook
        self.corpus = corpus
        self.diagnostics = diagnostics
    }

    /// Loads the project's codebook and corpus; throws the codebook's diagnostics when it is invalid.
    public static func open(_ project: Project) throws -> Workspace {
        let (codebook, codebookDiagnostics) = CodebookLoader.load(
            url: project.codebookURL, displayName: project.display(project.codebookURL))
        guard let codebook else { throw DiagnosticList(codebookDiagnostics) }
        let (corpus, corpusDiagnostics) = Corpus.load(files: project.corpusURLs, displayName: project.display)
        return Workspace(project: project, codebook: codebook, corpus: corpus,
                         diagnostics: codebookDiagnostics + corpusDiagnostics)
    }

    /// A coder's replayed state, read without locking the log; codes the codebook replaced are
    /// read as their new ids.
    public func state(coder: String) throws -> (CodingState, [Diagnostic]) {
        let url = project.logURL(coder: coder)
        return try CodingLog.replay(url: url, coder: coder, displayPath: project.display(url), renaming: codebook.renaming)
    }

    /// A coder's log as read without locking it: events, problems and their counts.
    public func logContents(coder: String) throws -> LogContents {
        let url = project.logURL(coder: coder)
        return try CodingLog.read(url: url, displayPath: project.display(url))
    }

    /// Reads a coder's log without locking it or keeping its events: `visit` sees each event
    /// in file order (`CodingLog.read(url:displayPath:visit:)`).
    public func readLog(coder: String, visit: (CodingEvent) -> Void) throws -> LogContents {
        let url = project.logURL(coder: coder)
        return try CodingLog.read(url: url, displayPath: project.display(url), visit: visit)
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
