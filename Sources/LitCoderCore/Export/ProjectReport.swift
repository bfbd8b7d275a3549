import Foundation

/// Every figure the `html` report and the `methods` paragraph show, gathered once from the
/// project's files.
///
/// Nothing here is counted twice: agreement comes from `AgreementReport` (what `agree`
/// prints, with its default options), counts and mismatches from `SummaryCounts` and
/// `AlignmentEvaluator` (what `summary` and `mismatches` print). This type only collects.
public struct ProjectReport: Sendable {
    /// One coder's (or the consensus') progress.
    public struct Progress: Hashable, Sendable {
        public var coder: String
        /// Corpus papers with at least one dimension coded; with assignments, of the coder's
        /// own papers (assigned, and calibration papers).
        public var coded: Int
        public var done: Int
        public var flagged: Int
        /// With assignments, how many corpus papers the coder is to code; nil when every coder
        /// codes every paper (and for the consensus).
        public var assigned: Int?

        public init(coder: String, coded: Int, done: Int, flagged: Int, assigned: Int? = nil) {
            self.coder = coder
            self.coded = coded
            self.done = done
            self.flagged = flagged
            self.assigned = assigned
        }
    }

    /// A paper one alignment judged mismatched, with the reason in words.
    public struct MismatchedPaper: Hashable, Sendable {
        public var id: String
        public var title: String
        public var year: Int?
        public var alignment: String
        public var explanation: String
        /// The quotes that stand for the alignment's coded `from` and `to` codes.
        public var evidence: [QuotedCode] = []
    }

    public var projectName: String
    public var codebook: Codebook
    public var corpusPapers: Int
    /// The coders compared, sorted (the consensus is not one; a log without codings is no
    /// coder); with assignments, each counted on their own papers.
    public var coders: [Progress]
    /// The consensus's progress as it stands (`StandingConsensus`), when
    /// `codings/_consensus.jsonl` exists.
    public var consensus: Progress?
    /// Corpus papers coded by any coder (with assignments, by a coder assigned to them).
    public var papersCoded: Int
    /// Corpus papers coded by two or more coders (with assignments, of those assigned to them).
    public var doubleCoded: Int
    /// The coders the consensus is measured against: always the default ones
    /// (`Workspace.defaultComparedCoders`), as for every reader of the consensus, even when
    /// `coders` are others.
    public var consensusCoders: [String] = []
    /// How complete the consensus is over the coders' comparisons (an empty consensus when
    /// there is none yet); nil with fewer than two coders.
    public var consensusProgress: ConsensusProgress?
    /// Agreement among all coders (each paper among the coders assigned to it); nil with
    /// fewer than two coders.
    public var agreement: AgreementReport?
    /// Agreement per calibration round; nil without rounds or with fewer than two coders.
    public var rounds: RoundAgreement?
    /// Whether papers are assigned to coders, so agreement compares each paper's assigned coders.
    public var followsAssignments = false
    /// The PRISMA 2020 flow of `scope`'s screening decisions; nil when the codebook names none.
    public var prisma: PrismaFlow?
    /// Warnings about codes the logs hold that the codebook does not have, one per log.
    public var unknownCodes: [Diagnostic]
    /// Whose codings the summary, charts and mismatch list describe (`consensus`, `coder:alice`).
    public var scope: String
    public var summary: Summary
    public var mismatched: [MismatchedPaper]

    /// Reads the project's logs. The scope is `coder` when given, else the consensus when it
    /// has codings, else the coder who coded most papers. `coders` are the coders compared
    /// (default: `Workspace.defaultComparedCoders()`).
    public static func load(_ workspace: Workspace, scopeCoder: String? = nil, coders: [String]? = nil,
                            agreementOptions: AgreementReport.Options = .init()) throws -> ProjectReport {
        let corpus = workspace.corpus
        let names = try coders ?? workspace.defaultComparedCoders()
        let plan = workspace.plan().0
        var states: [CodingState] = []
        for name in names { states.append(try workspace.state(coder: name).0) }
        // Agreement and the consensus's progress compare each paper among the coders assigned to it.
        let compared = plan.compared(states)
        // The consensus as it stands (an automatic decision the coders no longer agree on is
        // open), read as every other reader of the consensus reads it: against the default
        // coders, whatever `coders` chooses for agreement, so that what the report says of the
        // consensus is what `export --consensus`, `prisma` and `status` hold.
        let consensusCoders = try workspace.defaultComparedCoders()
        let standing = consensusCoders == names
            ? StandingConsensus(codebook: workspace.codebook, comparedStates: compared,
                                consensus: try workspace.consensusState().0, corpus: corpus)
            : try workspace.standingConsensus(coders: consensusCoders).0
        let consensusState = standing.state

        // With assignments, each coder is counted on the papers assigned to them (and the
        // calibration papers), as `status` counts them: a coding of someone else's paper is in
        // no count, as it is in no comparison.
        let assigned = plan.papers(assignedTo: names, in: corpus)
        // Counted from each state's marks: assembling every paper's coding (a dictionary each)
        // for every count took a tenth of `export --format html`.
        func progress(_ state: CodingState, of papers: [String]? = nil) -> Progress {
            var p = Progress(coder: state.coder, coded: 0, done: 0, flagged: 0, assigned: papers?.count)
            for number in 0..<state.paperCount where corpus.contains(state.paperID(number: number)) {
                let marks = state.marks(number: number)
                if marks.coded { p.coded += 1 }
                if marks.done { p.done += 1 }
                if marks.flagged { p.flagged += 1 }
            }
            return p
        }
        var codedBy: [String: Int] = [:]
        for state in compared {
            for number in 0..<state.paperCount where state.marks(number: number).coded {
                let paper = state.paperID(number: number)
                if corpus.contains(paper) { codedBy[paper, default: 0] += 1 }
            }
        }
        let hasConsensus = workspace.project.hasLogFile(CoderName.consensus)
        let consensus = hasConsensus ? progress(consensusState) : nil
        let consensusProgress = consensusCoders.count >= 2 ? standing.progress : nil

        let scopeState: CodingState
        if let scopeCoder {
            scopeState = scopeCoder == CoderName.consensus
                ? consensusState : (states.first { $0.coder == scopeCoder } ?? CodingState(coder: scopeCoder))
        } else if (consensus?.coded ?? 0) > 0 {
            scopeState = consensusState
        } else {
            // Each coder's progress counted once, not once per comparison.
            let coded = states.map { progress($0).coded }
            let most = states.indices.max { coded[$0] < coded[$1] }
            scopeState = most.map { states[$0] } ?? consensusState
        }
        let counts = SummaryCounts(codebook: workspace.codebook, corpus: corpus, state: scopeState)
        let scope = Summary.scope(coder: scopeState.coder)
        var summary = counts.summary(scope: scope).addingNumbers(from: scopeState, codebook: workspace.codebook, corpus: corpus)
        if scopeState.coder == CoderName.consensus, let consensusProgress {
            summary = summary.markingOpen(consensusProgress.open, consensus: scopeState, evaluator: counts.evaluator, corpus: corpus)
        }
        var unknownCodes: [Diagnostic] = []
        for state in states + (hasConsensus ? [consensusState] : []) {
            let url = workspace.project.logURL(coder: state.coder)
            if let warning = UnknownCodes(state: state, codebook: workspace.codebook, corpus: corpus)
                .warning(file: workspace.project.display(url)) { unknownCodes.append(warning) }
        }
        var mismatched: [MismatchedPaper] = []
        for paper in corpus.papers {
            guard let coding = scopeState.codingIfPresent(for: paper.id) else { continue }
            for result in counts.evaluator.evaluate(coding) where result.outcome == .mismatched {
                mismatched.append(MismatchedPaper(id: paper.id, title: paper.title, year: paper.year,
                                                  alignment: result.alignment.label, explanation: result.sentence,
                                                  evidence: QuotedCode.standing(in: coding, for: result, paper: paper)))
            }
        }

        var prisma: PrismaFlow?
        if let screening = workspace.codebook.screening {
            let project = workspace.project
            let history = ImportHistory.load(url: project.importRecordURL, displayPath: project.display(project.importRecordURL)).0
            prisma = PrismaFlow(corpus: corpus, history: history, codebook: workspace.codebook, screening: screening,
                                state: scopeState, scope: scope)
        }
        var report = ProjectReport(
            projectName: workspace.project.name, codebook: workspace.codebook, corpusPapers: corpus.count,
            coders: compared.map { progress($0, of: assigned?[$0.coder]) }, consensus: consensus, papersCoded: codedBy.count,
            doubleCoded: codedBy.values.count { $0 >= 2 }, consensusProgress: consensusProgress,
            agreement: states.count >= 2
                ? AgreementReport(codebook: workspace.codebook, states: compared, options: agreementOptions) : nil,
            rounds: states.count >= 2 && !plan.rounds.isEmpty
                ? RoundAgreement(codebook: workspace.codebook, states: compared, plan: plan, options: agreementOptions) : nil,
            prisma: prisma, unknownCodes: unknownCodes, scope: scope, summary: summary, mismatched: mismatched)
        report.followsAssignments = plan.hasAssignments
        report.consensusCoders = consensusCoders
        return report
    }
}
