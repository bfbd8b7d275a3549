import Foundation

/// How far a project's coding has come: papers, and per coder progress counts and log health.
///
/// It holds counts only, never anyone's codes, so a coder can look at it without being
/// influenced by another's decisions.
public struct ProjectStatus: Codable, Hashable, Sendable {
    public var project: String
    public var codebook: CodebookSummary
    public var papers: Int
    public var coders: [CoderProgress]
    /// The adjudicated codings, when `codings/_consensus.jsonl` exists.
    public var consensus: CoderProgress?
    /// Logs in `codings/` that cannot be read (a folder, a dangling link, no permission): their
    /// owners are not counted above, and each is an error.
    public var unreadableLogs: [UnreadableLog] = []

    /// A log that cannot be read, and why.
    public struct UnreadableLog: Codable, Hashable, Sendable {
        /// The coder (or `_consensus`) whose log it is.
        public var coder: String
        public var file: String
        public var problem: String
    }

    public struct CodebookSummary: Codable, Hashable, Sendable {
        public var id: String
        public var version: String
        /// The first 12 hex digits of the content hash.
        public var hash: String
    }

    /// One log's progress and health.
    public struct CoderProgress: Codable, Hashable, Sendable {
        public var coder: String
        public var events: Int
        /// Papers with at least one dimension coded.
        public var coded: Int
        public var done: Int
        public var flagged: Int
        /// Papers in the log that the corpus does not have (removed, or renamed ids).
        public var unknownPapers: Int
        /// Events recorded under a codebook other than the current one.
        public var olderCodebookEvents: Int
        public var stale: StaleSummary
        public var health: LogHealth

        /// Whether anything needs a person's attention.
        public var needsAttention: Bool { !health.isClean || !stale.isEmpty || unknownPapers > 0 }
    }

    /// How many current codings name a dimension or code the codebook lost: counts and dimension
    /// ids only, because which codes a coder chose is theirs to see (`litcoder show`), not everyone's.
    public struct StaleSummary: Codable, Hashable, Sendable {
        /// Papers whose current coding holds a missing dimension or code (or no longer fits its kind).
        public var papers: Int
        /// Stale (paper, dimension) decisions.
        public var codings: Int
        /// The dimensions concerned (ids, never codes).
        public var dimensions: [String]

        public init(_ stale: [StaleCoding]) {
            let codings = stale.filter { $0.problem != .unknownPaper }
            papers = Set(codings.map(\.paper)).count
            self.codings = codings.count
            dimensions = Array(Set(codings.map(\.dimension))).sorted()
        }

        public var isEmpty: Bool { codings == 0 }
    }

    /// The status of every coder with a log or listed in `litcoder.yaml`, with each log's problems.
    public static func gather(_ workspace: Workspace) throws -> (ProjectStatus, [Diagnostic]) {
        let project = workspace.project
        let listing = project.logListing()
        let unreadable = Set(listing.unreadableOwners)
        var names = Set(listing.coders)
        for coder in project.coders ?? [] where CoderName.problem(with: coder) == nil && !unreadable.contains(coder) {
            names.insert(coder)
        }
        var diagnostics: [Diagnostic] = listing.unreadable
        var coders: [CoderProgress] = []
        for coder in names.sorted() {
            let (progress, problems) = try self.progress(of: coder, in: workspace)
            coders.append(progress)
            diagnostics += problems
        }
        var consensus: CoderProgress?
        if project.hasLogFile(CoderName.consensus), !unreadable.contains(CoderName.consensus) {
            let (progress, problems) = try self.progress(of: CoderName.consensus, in: workspace)
            consensus = progress
            diagnostics += problems
        }
        let codebook = workspace.codebook
        var status = ProjectStatus(
            project: project.name,
            codebook: CodebookSummary(id: codebook.id, version: codebook.version, hash: codebook.shortHash),
            papers: workspace.corpus.count, coders: coders, consensus: consensus)
        status.unreadableLogs = zip(listing.unreadableOwners, listing.unreadable).map { owner, diagnostic in
            UnreadableLog(coder: owner, file: diagnostic.file, problem: diagnostic.message)
        }
        return (status, diagnostics)
    }

    /// One coder's progress, read without locking their log.
    public static func progress(of coder: String, in workspace: Workspace) throws -> (CoderProgress, [Diagnostic]) {
        let contents = try workspace.logContents(coder: coder)
        let state = CodingState(coder: coder, replaying: contents.events)
        let currentHash = workspace.codebook.contentHash
        let progress = CoderProgress(
            coder: coder, events: contents.events.count, coded: state.codedPaperCount, done: state.donePaperCount,
            flagged: state.flaggedPaperCount,
            unknownPapers: state.papers.keys.count { !workspace.corpus.contains($0) },
            olderCodebookEvents: state.codebookHashes.filter { $0.key != currentHash }.values.reduce(0, +),
            stale: StaleSummary(StaleCodings.find(in: contents.events, codebook: workspace.codebook)),
            health: contents.health)
        return (progress, contents.diagnostics)
    }
}
