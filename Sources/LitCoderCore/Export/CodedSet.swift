import Foundation

/// The papers, codebook and coders' replayed states that one export writes out.
///
/// Built from the logs on every export (never cached), so an export always shows what the
/// files say now.
public struct CodedSet: Sendable {
    public var projectName: String
    public var codebook: Codebook
    public var corpus: Corpus
    /// One state per coder, in the order rows are written.
    public var states: [CodingState]
    /// Problems met while reading the logs (malformed lines, codings of unknown papers).
    public var diagnostics: [Diagnostic]
    /// Whether every corpus paper gets a row even when uncoded (one coder or the consensus),
    /// or only papers a coder touched (`--all`).
    public var includesUncodedPapers: Bool
    /// Judges each row against the codebook's alignments: the same engine `summary` and
    /// `mismatches` use, so an export never disagrees with them.
    public var evaluator: AlignmentEvaluator
    /// Per multi-select dimension, the codes the rows hold that the codebook does not have,
    /// sorted: each gets a 0/1 column after the codebook's, so no column contradicts another.
    public var unknownCodes: [String: [String]]
    /// How complete the consensus is, when the set holds the consensus (as it stands).
    public var consensusProgress: ConsensusProgress?

    public init(
        projectName: String, codebook: Codebook, corpus: Corpus, states: [CodingState],
        diagnostics: [Diagnostic] = [], includesUncodedPapers: Bool = true
    ) {
        self.projectName = projectName
        self.codebook = codebook
        self.corpus = corpus
        self.states = states
        self.diagnostics = diagnostics
        self.includesUncodedPapers = includesUncodedPapers
        evaluator = AlignmentEvaluator(codebook: codebook)
        var unknown: [String: Set<String>] = [:]
        for state in states {
            for (code, _) in UnknownCodes(state: state, codebook: codebook, corpus: corpus).byCode {
                unknown[code.dimension, default: []].insert(code.code)
            }
        }
        unknownCodes = unknown.mapValues { $0.sorted() }
    }

    /// Reads the logs a selection names from a workspace; the consensus as it stands
    /// (`StandingConsensus`), so an open disagreement is exported as not coded.
    public static func load(_ workspace: Workspace, selection: ExportSelection) throws -> CodedSet {
        let coders: [String]
        switch selection {
        case .coder(let name): coders = [name]
        case .consensus: coders = [CoderName.consensus]
        case .all: coders = try workspace.project.codersWithCodings()
        }
        var states: [CodingState] = []
        var diagnostics: [Diagnostic] = []
        var consensusProgress: ConsensusProgress?
        for coder in coders {
            let (state, problems): (CodingState, [Diagnostic])
            if coder == CoderName.consensus {
                let (standing, found) = try workspace.standingConsensus()
                (state, problems) = (standing.state, found)
                consensusProgress = standing.progress
            } else {
                (state, problems) = try workspace.state(coder: coder)
            }
            states.append(state)
            diagnostics += problems.map { problem in
                var shown = problem
                shown.file = workspace.project.display(URL(fileURLWithPath: problem.file))
                return shown
            }
            if let warning = UnknownCodes(state: state, codebook: workspace.codebook, corpus: workspace.corpus)
                .warning(file: workspace.project.display(workspace.project.logURL(coder: coder))) {
                diagnostics.append(warning)
            }
            let stale = QuoteCheck.staleCount(in: state, corpus: workspace.corpus, codebook: workspace.codebook)
            if stale > 0 {
                diagnostics.append(Diagnostic(
                    file: workspace.project.display(workspace.project.logURL(coder: coder)), severity: .warning,
                    message: "\(stale) quote\(stale == 1 ? " is" : "s are") stale (the paper's text changed under \(stale == 1 ? "it" : "them")): marked stale in json, left out of csv-long, qdpx and html",
                    hint: "'litcoder validate' lists them with what to do"))
            }
            let unknown = state.paperIDs.filter { !workspace.corpus.contains($0) }.sorted()
            if let first = unknown.first {
                diagnostics.append(Diagnostic(
                    file: workspace.project.display(workspace.project.logURL(coder: coder)), severity: .warning,
                    message: "\(unknown.count) coded paper(s) not in the corpus are left out of the export (first: '\(first)')",
                    hint: "add them back to the corpus, or ignore this if they were removed on purpose"))
            }
        }
        var set = CodedSet(
            projectName: workspace.project.name, codebook: workspace.codebook, corpus: workspace.corpus,
            states: states, diagnostics: diagnostics, includesUncodedPapers: selection != .all)
        set.consensusProgress = consensusProgress
        return set
    }

    /// The rows to write, in corpus order, then coder order within a paper.
    public func rows() -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(corpus.count * max(1, states.count))
        forEachRow { paper, coder, coding in rows.append(Row(paper: paper, coder: coder, coding: coding)) }
        return rows
    }

    /// Calls `body` for each row in `rows()` order without building the array: the large
    /// exports stream rows straight into their output.
    public func forEachRow(_ body: (Paper, String, PaperCoding) throws -> Void) rethrows {
        let uncoded = PaperCoding()
        for paper in corpus.papers {
            for state in states {
                if let coding = state.codingIfPresent(for: paper.id) {
                    try body(paper, state.coder, coding)
                } else if includesUncodedPapers {
                    try body(paper, state.coder, uncoded)
                }
            }
        }
    }

    /// One paper as one coder (or the consensus) coded it.
    public struct Row: Sendable {
        public var paper: Paper
        public var coder: String
        public var coding: PaperCoding
    }
}
