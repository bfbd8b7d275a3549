import ArgumentParser
import Foundation
import LitCoderCore
import LitCoderUI

/// `litcoder queue --coder NAME`: the papers a coder works through, in the workbench's order.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Print a coder's queue in the order the workbench walks it: calibration papers first, then the coder's own order.",
        discussion: """
            Each coder has an own shuffled order, the same on every machine ('order: corpus' in litcoder.yaml \
            gives everyone the corpus order). JSON: {"queue": [{"paper": ID, "position": N, "round": NAME or null, \
            "done": BOOL, "title": TEXT}, …]}.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var coderOption: CoderOption
    @Option(name: .long, help: ArgumentHelp("mine (the coder's papers), all, todo (the coder's not done) or flagged.", valueName: "QUEUE"))
    var queue: Workbench.Queue = .mine
    @Option(help: "table or json.") var format: Format = .table

    func run() throws {
        let coder = try coderOption.resolve()
        let workspace = try projectOptions.workspace()
        // A mistyped name would print an empty queue as if it were real.
        try workspace.check(coder: coder, for: .reading)
        let plan = workspace.loadPlan()
        let state: CodingState
        do {
            let (replayed, problems) = try workspace.state(coder: coder)
            for problem in problems { Console.error(problem.description) }
            state = replayed
        } catch {
            throw Failure.data("\(error)")
        }
        let papers = workspace.corpus.papers
        let order = CoderQueue(plan: plan, coder: coder, papers: papers, state: state)
        let indices = order.papers(queue, papers: papers, state: state)
        func round(_ paper: String) -> String? { plan.rounds.rounds(containing: paper).first }
        switch format {
        case .json:
            let items: [JSONValue] = indices.enumerated().map { position, index in
                let paper = papers[index]
                return .object([
                    ("paper", .string(paper.id)), ("position", .int(position + 1)),
                    ("round", round(paper.id).map { .string($0) } ?? .null),
                    ("done", .bool(state.coding(for: paper.id).done)), ("title", .string(paper.title)),
                ])
            }
            Console.writeJSON(JSONValue.object([("queue", .array(items))]).rendered() + "\n")
        case .table:
            var table = TextTable(header: ["#", "paper", "round", "done", "title"], rightAligned: [0],
                                  maxWidths: [1: 34, 4: 40], rows: [])
            for (position, index) in indices.enumerated() {
                let paper = papers[index]
                table.append([String(position + 1), paper.id, round(paper.id) ?? "", state.coding(for: paper.id).done ? "✓" : "",
                              paper.title])
            }
            let done = indices.count { state.coding(for: papers[$0].id).done }
            let how = plan.order == .corpus ? "corpus order ('order: corpus')" : "\(coder)'s own order"
            let whose = plan.hasAssignments ? "\(coder)'s assigned and calibration papers" : "every paper (nothing is assigned)"
            var lines = indices.isEmpty ? ["The \(queue.rawValue) queue of \(coder) is empty."] : [table.rendered()]
            lines.append("")
            lines.append("\(queue.rawValue): \(indices.count.counted("paper")), \(done) done; " + (queue == .mine ? "\(whose), " : "") + "in \(how)")
            Console.print(lines.joined(separator: "\n"))
        }
    }
}
