import Foundation

/// Who codes what, and in which order: the assignments, the calibration rounds and the
/// project's `order:`, read together. Every command that asks "whose papers are these?" asks
/// this one type: the workbench's queue, `status`, `agree`, `disagreements` and `consensus`.
///
/// A calibration round's papers are every coder's; other papers are the coders' they are
/// assigned to, or everyone's when the project has no assignments.
public struct CodingPlan: Sendable {
    public let assignments: Assignments
    public let rounds: CalibrationRounds
    public var order: PaperOrder
    /// The project's name: with the coder's, it seeds the coder's own order.
    public var projectName: String

    public init(assignments: Assignments = Assignments(), rounds: CalibrationRounds = CalibrationRounds(),
                order: PaperOrder = .perCoder, projectName: String = "") {
        self.assignments = assignments
        self.rounds = rounds
        self.order = order
        self.projectName = projectName
        roundPapers = Set(rounds.papers)
    }

    private let roundPapers: Set<String>

    /// Reads `assignments.jsonl` and `rounds.jsonl` (missing files are empty) and the order.
    public static func load(_ project: Project) -> (CodingPlan, [Diagnostic]) {
        let (assignments, assignmentProblems) = Assignments.load(
            url: project.assignmentsURL, displayPath: project.display(project.assignmentsURL))
        let (rounds, roundProblems) = CalibrationRounds.load(url: project.roundsURL, displayPath: project.display(project.roundsURL))
        let plan = CodingPlan(assignments: assignments, rounds: rounds, order: project.order, projectName: project.name)
        return (plan, assignmentProblems + roundProblems)
    }

    /// Whether papers are assigned to particular coders (else every coder codes every paper).
    public var hasAssignments: Bool { !assignments.isEmpty }

    /// Whether `paper` belongs to a calibration round.
    public func isCalibration(_ paper: String) -> Bool { roundPapers.contains(paper) }

    /// The coders who code `paper`: nil for every coder (a calibration paper, or a project
    /// without assignments), an empty list for a paper not assigned yet.
    public func coders(assignedTo paper: String) -> [String]? {
        guard hasAssignments, !roundPapers.contains(paper) else { return nil }
        return assignments.coders(assignedTo: paper) ?? []
    }

    /// Whether `coder` is to code `paper`.
    public func expects(_ coder: String, toCode paper: String) -> Bool {
        coders(assignedTo: paper)?.contains(coder) ?? true
    }

    /// The corpus papers `coder` is to code, in corpus order; nil when that is every paper.
    public func papers(assignedTo coder: String, in corpus: Corpus) -> [String]? {
        guard hasAssignments else { return nil }
        return corpus.papers.map(\.id).filter { expects(coder, toCode: $0) }
    }

    /// For each of `coders`, the corpus papers they are to code, in corpus order, found in one
    /// pass over the corpus; nil when that is every paper (no assignments).
    public func papers(assignedTo coders: [String], in corpus: Corpus) -> [String: [String]]? {
        guard hasAssignments else { return nil }
        var result = [String: [String]](uniqueKeysWithValues: coders.map { ($0, []) })
        for paper in corpus.papers {
            if let assigned = self.coders(assignedTo: paper.id) {
                for coder in assigned where result[coder] != nil { result[coder]?.append(paper.id) }
            } else {
                for coder in coders { result[coder]?.append(paper.id) }
            }
        }
        return result
    }

    /// `state` without the papers its coder is not to code, so that comparisons put side by
    /// side only the coders assigned to each paper. Unchanged without assignments.
    public func restrict(_ state: CodingState) -> CodingState {
        guard hasAssignments else { return state }
        return Self.restrict(state) { expects(state.coder, toCode: $0) }
    }

    /// The coders' states as a comparison should see them: each without the papers its coder
    /// is not to code and, for a round, with only the round's papers.
    public func compared(_ states: [CodingState], round: CalibrationRounds.Round? = nil) -> [CodingState] {
        let inRound = round.map { Set($0.papers) }
        return states.map { state in
            guard let inRound else { return restrict(state) }
            return Self.restrict(state) { inRound.contains($0) && expects(state.coder, toCode: $0) }
        }
    }

    /// `state` with only the papers `keep` accepts.
    public static func restrict(_ state: CodingState, keeping keep: (String) -> Bool) -> CodingState {
        var kept = CodingState(coder: state.coder, renaming: state.renaming)
        kept.lastViewed = state.lastViewed
        kept.lastPaper = state.lastPaper
        kept.eventCount = state.eventCount
        kept.lastSeq = state.lastSeq
        kept.codebookHashes = state.codebookHashes
        state.forEachPaper { paper, coding in
            if keep(paper) { kept.setCoding(coding, for: paper) }
        }
        return kept
    }

    /// `comparisons` showing, for each paper, only the coders assigned to it.
    public func limit(_ comparisons: [CodingComparison]) -> [CodingComparison] {
        guard hasAssignments else { return comparisons }
        return comparisons.map { comparison in
            guard let coders = coders(assignedTo: comparison.paper) else { return comparison }
            var limited = comparison
            limited.codings = comparison.codings.filter { coders.contains($0.coder) }
            return limited
        }
    }

    /// The coder's order of papers (indices into `papers`): their own shuffled order, or
    /// corpus order with `order: corpus`.
    public func sorted(_ indices: [Int], for coder: String, of papers: [Paper]) -> [Int] {
        switch order {
        case .corpus: indices.sorted()
        case .perCoder: CoderOrder(project: projectName, coder: coder).sorted(indices, of: papers)
        }
    }
}
