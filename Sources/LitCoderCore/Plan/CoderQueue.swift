/// The papers one coder works through, in order: what the workbench walks and `litcoder
/// queue` prints.
///
/// First the calibration papers the coder has not marked done (rounds in the order they were
/// added, each round's papers in the coder's order), then the rest of the coder's papers in
/// the coder's order. A calibration paper marked done takes its place among the rest. The
/// papers not the coder's come after, for `--queue all`.
public struct CoderQueue: Sendable {
    /// Which papers a queue holds.
    public enum Kind: String, CaseIterable, Sendable {
        /// The coder's own papers: those assigned to them and the calibration papers (every
        /// paper when there are no assignments).
        case mine
        /// Every paper of the corpus: the coder's own first, then the others.
        case all
        /// The coder's own papers not yet marked done.
        case todo
        /// Every paper the coder flagged.
        case flagged
    }

    /// Indices into the corpus's papers: the coder's own, in the order to code them.
    public private(set) var own: [Int]
    /// Every other paper, in the coder's order.
    public private(set) var others: [Int]
    /// How many of `own` are calibration papers not yet done (they come first).
    public private(set) var openCalibration: Int

    /// Every paper the coder's, in corpus order: a project with no plan.
    public init(paperCount: Int) {
        own = Array(0..<paperCount)
        others = []
        openCalibration = 0
    }

    /// The queue of `coder`, whose replayed log is `state`.
    public init(plan: CodingPlan, coder: String, papers: [Paper], state: CodingState) {
        // Only rounds name papers by id; without them, hashing every id would be wasted.
        var indexOfPaper: [String: Int] = [:]
        if !plan.rounds.isEmpty {
            indexOfPaper.reserveCapacity(papers.count)
            for (index, paper) in papers.enumerated() where indexOfPaper[paper.id] == nil { indexOfPaper[paper.id] = index }
        }
        var first: [Int] = []
        var placed = Set<Int>()
        for round in plan.rounds.rounds {
            let open = round.papers.compactMap { indexOfPaper[$0] }
                .filter { !placed.contains($0) && state.marks(of: papers[$0].id)?.done != true }
            placed.formUnion(open)
            first += plan.sorted(open, for: coder, of: papers)
        }
        var mine: [Int] = []
        var rest: [Int] = []
        if placed.isEmpty && !plan.hasAssignments {
            mine = Array(papers.indices)
        } else {
            for index in papers.indices where !placed.contains(index) {
                if plan.expects(coder, toCode: papers[index].id) { mine.append(index) } else { rest.append(index) }
            }
        }
        own = first + plan.sorted(mine, for: coder, of: papers)
        others = plan.sorted(rest, for: coder, of: papers)
        openCalibration = first.count
    }

    /// The papers of a queue of `kind` (indices into `papers`), in order.
    public func papers(_ kind: Kind, papers: [Paper], state: CodingState) -> [Int] {
        switch kind {
        case .mine: own
        case .all: own + others
        case .todo: own.filter { state.marks(of: papers[$0].id)?.done != true }
        case .flagged: (own + others).filter { state.marks(of: papers[$0].id)?.flagged == true }
        }
    }

    /// Where the workbench opens when no paper is asked for: the first open calibration
    /// paper, unless the coder was last at one; nil to resume where the coder left off.
    public func startPaper(lastPaper: String?, papers: [Paper]) -> String? {
        guard openCalibration > 0 else { return nil }
        let open = own.prefix(openCalibration)
        if let lastPaper, open.contains(where: { papers[$0].id == lastPaper }) { return nil }
        return open.first.map { papers[$0].id }
    }
}
