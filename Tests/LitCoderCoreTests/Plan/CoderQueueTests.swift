import Foundation
import Testing
@testable import LitCoderCore

/// Whose papers are whose, and the order a coder works through them.
@Suite struct CoderQueueTests {
    static let papers = (1...8).map { Paper(id: "p\($0)", title: "Paper \($0)") }

    /// ann: p1 p3 p5 p7; bob: p2 p3 p6 p7 (p3 and p7 overlap); p4 and p8 unassigned; round pilot: p6, p8.
    static func plan(order: PaperOrder = .corpus) -> CodingPlan {
        var rounds = CalibrationRounds()
        rounds.add(.init(name: "pilot", papers: ["p8", "p6"]))
        let assignments = Assignments(entries: [
            .init(paper: "p1", coders: ["ann"]), .init(paper: "p2", coders: ["bob"]), .init(paper: "p3", coders: ["ann", "bob"]),
            .init(paper: "p5", coders: ["ann"]), .init(paper: "p6", coders: ["bob"]), .init(paper: "p7", coders: ["ann", "bob"]),
        ])
        return CodingPlan(assignments: assignments, rounds: rounds, order: order, projectName: "demo")
    }

    static func state(_ coder: String, done: [String] = [], flagged: [String] = [], coded: [String: [String: [String]]] = [:]) -> CodingState {
        var state = CodingState(coder: coder)
        for paper in done { state.apply(CodingEvent(coder: coder, paper: paper, op: .done, value: true, codebook: "h")) }
        for paper in flagged { state.apply(CodingEvent(coder: coder, paper: paper, op: .flag, value: true, codebook: "h")) }
        for (paper, dims) in coded {
            for (dim, codes) in dims { state.apply(.set(paper: paper, dimension: dim, codes: codes, coder: coder, codebook: "h")) }
        }
        return state
    }

    static func ids(_ indices: [Int]) -> [String] { indices.map { papers[$0].id } }

    @Test func whoCodesWhat() {
        let plan = Self.plan()
        #expect(plan.coders(assignedTo: "p3") == ["ann", "bob"])
        #expect(plan.coders(assignedTo: "p6") == nil, "a calibration paper is every coder's")
        #expect(plan.coders(assignedTo: "p4") == [], "assigned to nobody yet")
        #expect(plan.expects("ann", toCode: "p8"))
        #expect(!plan.expects("ann", toCode: "p2"))
        #expect(plan.papers(assignedTo: "ann", in: Corpus(papers: Self.papers)) == ["p1", "p3", "p5", "p6", "p7", "p8"])
        #expect(CodingPlan().coders(assignedTo: "p4") == nil, "without assignments everyone codes everything")
    }

    /// Corpus order: the open calibration papers first (the round lists p8, p6; within a
    /// round the coder's order, here the corpus's, puts p6 first), then ann's own.
    @Test func calibrationPapersLeadUntilDone() {
        let plan = Self.plan()
        let fresh = CoderQueue(plan: plan, coder: "ann", papers: Self.papers, state: Self.state("ann"))
        #expect(Self.ids(fresh.own) == ["p6", "p8", "p1", "p3", "p5", "p7"])
        #expect(Self.ids(fresh.others) == ["p2", "p4"])
        #expect(fresh.openCalibration == 2)
        let state = Self.state("ann", done: ["p6", "p1"], flagged: ["p2", "p5"])
        let later = CoderQueue(plan: plan, coder: "ann", papers: Self.papers, state: state)
        #expect(Self.ids(later.own) == ["p8", "p1", "p3", "p5", "p6", "p7"], "a done calibration paper takes its place")
        #expect(Self.ids(later.papers(.mine, papers: Self.papers, state: state)) == ["p8", "p1", "p3", "p5", "p6", "p7"])
        #expect(Self.ids(later.papers(.all, papers: Self.papers, state: state)) == ["p8", "p1", "p3", "p5", "p6", "p7", "p2", "p4"])
        #expect(Self.ids(later.papers(.todo, papers: Self.papers, state: state)) == ["p8", "p3", "p5", "p7"])
        #expect(Self.ids(later.papers(.flagged, papers: Self.papers, state: state)) == ["p5", "p2"])
    }

    @Test func theWorkbenchOpensOnAnOpenCalibrationPaperUnlessItWasThere() {
        let plan = Self.plan()
        let queue = CoderQueue(plan: plan, coder: "ann", papers: Self.papers, state: Self.state("ann"))
        #expect(queue.startPaper(lastPaper: "p5", papers: Self.papers) == "p6")
        #expect(queue.startPaper(lastPaper: "p8", papers: Self.papers) == nil, "resume where the coder left off")
        #expect(queue.startPaper(lastPaper: nil, papers: Self.papers) == "p6")
        let done = CoderQueue(plan: plan, coder: "ann", papers: Self.papers, state: Self.state("ann", done: ["p6", "p8"]))
        #expect(done.startPaper(lastPaper: "p5", papers: Self.papers) == nil)
    }

    /// The coders' own order, from the Python reference of `PlanFilesTests` (project "demo"):
    /// ann sorts p1…p6 as p1 p5 p2 p6 p3 p4.
    @Test func eachCoderHasAnOwnOrder() {
        let six = Array(Self.papers.prefix(6))
        let queue = CoderQueue(plan: CodingPlan(order: .perCoder, projectName: "demo"), coder: "ann", papers: six,
                               state: Self.state("ann"))
        #expect(Self.ids(queue.own) == ["p1", "p5", "p2", "p6", "p3", "p4"])
        let corpusOrder = CoderQueue(plan: CodingPlan(order: .corpus, projectName: "demo"), coder: "ann", papers: six,
                                     state: Self.state("ann"))
        #expect(Self.ids(corpusOrder.own) == ["p1", "p2", "p3", "p4", "p5", "p6"])
        #expect(Self.ids(CoderQueue(paperCount: 3).own) == ["p1", "p2", "p3"])
    }

    /// A comparison sees each paper's codings among the coders assigned to it only.
    @Test func comparisonsFollowTheAssignments() throws {
        let plan = Self.plan()
        let ann = Self.state("ann", coded: ["p1": ["d": ["x"]], "p2": ["d": ["x"]], "p3": ["d": ["x"]], "p6": ["d": ["y"]]])
        let bob = Self.state("bob", coded: ["p1": ["d": ["y"]], "p2": ["d": ["y"]], "p3": ["d": ["y"]], "p6": ["d": ["y"]]])
        let compared = plan.compared([ann, bob])
        #expect(compared[0].paperIDs.sorted() == ["p1", "p3", "p6"])
        #expect(compared[1].paperIDs.sorted() == ["p2", "p3", "p6"])
        let pilot = try #require(plan.rounds.round(named: "pilot"))
        #expect(plan.compared([ann, bob], round: pilot).map { $0.paperIDs } == [["p6"], ["p6"]])

        let codebook = Codebook(id: "c", title: "c", version: "1", dimensions: [
            Dimension(id: "d", label: "D", kind: .single, codes: [Code(id: "x", label: "X"), Code(id: "y", label: "Y")]),
        ])
        let comparisons = plan.limit(CodingComparison.all(codebook: codebook, states: compared, corpus: Corpus(papers: Self.papers)))
        #expect(comparisons.map(\.paper) == ["p3", "p6"])
        #expect(comparisons.map { $0.codings.map(\.coder) } == [["ann", "bob"], ["ann", "bob"]])
        #expect(comparisons.map(\.isDisagreement) == [true, false])
        #expect(CodingPlan().compared([ann, bob]) == [ann, bob], "no assignments: nothing is left out")
    }
}
