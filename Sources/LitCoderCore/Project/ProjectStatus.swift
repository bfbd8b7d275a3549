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
    /// The adjudicated codings, when `codings/_consensus.jsonl` exists: `coded` counts the
    /// papers with a decision that stands (`StandingConsensus`).
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

    /// How complete the consensus is, when there is one.
    public var consensusProgress: ConsensusCounts?

    /// Paper × dimension decisions of the consensus against every coder with codings
    /// (`ConsensusProgress`), as counts.
    public struct ConsensusCounts: Codable, Hashable, Sendable {
        /// Agreements held as automatic decisions, and agreements not taken yet.
        public var agreed: Int
        public var agreedNotTaken: Int
        /// Decisions made by hand.
        public var byHand: Int
        /// Of those, the ones where the coders now agree, and of these the ones with another
        /// value than the coders' (`ConsensusProgress.staleByHand`).
        public var byHandOnAgreements = 0
        public var staleByHand = 0
        public var disagreements: Int
        /// Disagreements decided by hand, and those still open.
        public var adjudicated: Int
        public var open: Int
        /// The coders compared.
        public var coders: [String]
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
        /// Whether the log records any decision (an event but a view); a coder without is
        /// "no codings yet" and counted by no report.
        public var hasCodings: Bool
        /// The corpus papers the coder is to code (assigned, and calibration papers) when the
        /// project has assignments; absent otherwise (every coder codes every paper). `coded`,
        /// `done` and `flagged` then count these papers only.
        public var assigned: Int?
        public var events: Int
        /// Papers with at least one dimension coded.
        public var coded: Int
        public var done: Int
        public var flagged: Int
        /// Papers marked done with a required dimension empty.
        public var doneWithRequiredEmpty: Int
        /// Papers in the log that the corpus does not have (removed, or renamed ids).
        public var unknownPapers: Int
        /// Events recorded under a codebook other than the current one.
        public var olderCodebookEvents: Int
        public var stale: StaleSummary
        public var health: LogHealth
        /// Whether the coder has a log but `litcoder.yaml` declares `coders:` without them (a
        /// name started with `--new-coder`, or a slip): `CoderRoster.unlisted`.
        public var unlisted = false

        /// Whether anything needs a person's attention.
        public var needsAttention: Bool {
            !health.isClean || !stale.isEmpty || unknownPapers > 0 || doneWithRequiredEmpty > 0 || unlisted
        }
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

    /// The status of every coder with a log (even an empty one) or listed in `litcoder.yaml`,
    /// with each log's problems. With assignments, the coders named in them are listed too.
    public static func gather(_ workspace: Workspace) throws -> (ProjectStatus, [Diagnostic]) {
        let project = workspace.project
        let (plan, planProblems) = workspace.plan()
        let listing = project.logListing()
        let unreadable = Set(listing.unreadableOwners)
        let names = coderNames(project, plan: plan, listing: listing)
        var diagnostics: [Diagnostic] = listing.unreadable + planProblems
        var coders: [CoderProgress] = []
        var states: [String: CodingState] = [:]
        let assigned = plan.papers(assignedTo: names.sorted(), in: workspace.corpus)
        let unlisted = Set(CoderRoster(project: project, plan: plan).unlisted)
        // Each log is read on a core of its own; the results are taken in name order.
        let sorted = names.sorted()
        let results = ParallelChunks.map(count: sorted.count, minimumChunk: 1) { index in
            Result { try self.replayed(sorted[index], in: workspace, assigned: assigned?[sorted[index]]) }
        }
        for (coder, result) in zip(sorted, results) {
            var (progress, problems, state) = try result.get()
            progress.unlisted = unlisted.contains(coder)
            coders.append(progress)
            diagnostics += problems
            states[coder] = state
        }
        var consensus: CoderProgress?
        var counts: ConsensusCounts?
        if project.hasLogFile(CoderName.consensus), !unreadable.contains(CoderName.consensus) {
            var (progress, problems, consensusState) = try self.replayed(CoderName.consensus, in: workspace)
            diagnostics += problems
            // Counted only when every log can be read: without a coder the counts would mislead.
            if listing.unreadable.isEmpty {
                let compared = try workspace.defaultComparedCoders()
                // Each paper among the coders assigned to it, as agree and disagreements compare it.
                let comparedStates = plan.compared(try compared.map { try states[$0] ?? workspace.state(coder: $0).0 })
                let standing = StandingConsensus(codebook: workspace.codebook, comparedStates: comparedStates,
                                                 consensus: consensusState, corpus: workspace.corpus)
                // The consensus's papers as it stands; its events and health are the log's.
                progress.coded = standing.state.codedPaperCount
                let whole = standing.progress
                counts = ConsensusCounts(agreed: whole.agreed, agreedNotTaken: whole.agreedNotTaken, byHand: whole.byHand,
                                         disagreements: whole.disagreements, adjudicated: whole.adjudicated,
                                         open: whole.open.count, coders: compared)
                counts?.byHandOnAgreements = whole.byHandOnAgreements
                counts?.staleByHand = whole.staleByHand.count
            }
            consensus = progress
        }
        let codebook = workspace.codebook
        var status = ProjectStatus(
            project: project.name,
            codebook: CodebookSummary(id: codebook.id, version: codebook.version, hash: codebook.shortHash),
            papers: workspace.corpus.count, coders: coders, consensus: consensus, consensusProgress: counts)
        status.unreadableLogs = zip(listing.unreadableOwners, listing.unreadable).map { owner, diagnostic in
            UnreadableLog(coder: owner, file: diagnostic.file, problem: diagnostic.message)
        }
        return (status, diagnostics)
    }

    /// The coders `gather` reports on: those with a readable log, listed in `litcoder.yaml` or
    /// assigned papers.
    private static func coderNames(_ project: Project, plan: CodingPlan, listing: LogListing) -> Set<String> {
        let unreadable = Set(listing.unreadableOwners)
        var names = Set(project.logOwners()).subtracting(unreadable)
        for coder in project.coders ?? [] where CoderName.problem(with: coder) == nil && !unreadable.contains(coder) {
            names.insert(coder)
        }
        names.formUnion(plan.assignments.coders.filter { !unreadable.contains($0) })
        return names
    }

    /// Every log `gather` reads: to read them while the corpus loads (`Workspace.open(_:replaying:)`).
    public static func logsRead(in project: Project) -> [String] {
        let listing = project.logListing()
        var names = coderNames(project, plan: CodingPlan.load(project).0, listing: listing).sorted()
        if project.hasLogFile(CoderName.consensus), !listing.unreadableOwners.contains(CoderName.consensus) {
            names.append(CoderName.consensus)
        }
        return names
    }

    /// One coder's progress, read without locking their log; with `assigned` (the coder's
    /// papers, when the project has assignments), over those papers only.
    public static func progress(of coder: String, in workspace: Workspace,
                                assigned papers: [String]? = nil) throws -> (CoderProgress, [Diagnostic]) {
        let (progress, problems, _) = try replayed(coder, in: workspace, assigned: papers)
        return (progress, problems)
    }

    /// One coder's progress, the log's problems and the replayed state.
    ///
    /// The log is folded as it is read (the state and its stale codings), never kept as events.
    private static func replayed(_ coder: String, in workspace: Workspace,
                                 assigned papers: [String]? = nil) throws -> (CoderProgress, [Diagnostic], CodingState) {
        let fold = try workspace.fold(coder: coder)
        let (state, finder, events, contents) = (fold.state, fold.finder, fold.events, fold.contents)
        let currentHash = workspace.codebook.contentHash
        var assigned: Int?
        var coded = state.codedPaperCount, done = state.donePaperCount, flagged = state.flaggedPaperCount
        if coder != CoderName.consensus, let papers {
            assigned = papers.count
            coded = 0; done = 0; flagged = 0
            for paper in papers {
                guard let marks = state.marks(of: paper) else { continue }
                if marks.coded { coded += 1 }
                if marks.done { done += 1 }
                if marks.flagged { flagged += 1 }
            }
        }
        let progress = CoderProgress(
            coder: coder, hasCodings: state.paperCount > 0, assigned: assigned, events: events,
            coded: coded, done: done, flagged: flagged,
            doneWithRequiredEmpty: coder == CoderName.consensus ? 0 : RequiredGap.find(in: state, codebook: workspace.codebook).count,
            unknownPapers: state.paperIDs.count { !workspace.corpus.contains($0) },
            olderCodebookEvents: state.codebookHashes.filter { $0.key != currentHash }.values.reduce(0, +),
            stale: StaleSummary(finder.stale(corpus: nil)),
            health: contents.health)
        return (progress, contents.diagnostics, state)
    }
}
