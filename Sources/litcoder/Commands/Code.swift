import ArgumentParser
import Foundation
import LitCoderCore
import LitCoderTerminal
import LitCoderUI

/// `litcoder code`: the workbench, where a coder codes one abstract at a time.
struct Code: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Open the coding workbench (the default command).",
        discussion: "Keys: press ? in the workbench, or see docs/keys.md. Every change is saved before the status bar says so.")

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var coderOption: CoderOption
    @OptionGroup var newCoderOption: NewCoderOption

    @Option(name: .long, help: ArgumentHelp("Open this paper (default: where you left off).", valueName: "ID"))
    var paper: String?

    @Option(name: .long, help: ArgumentHelp("Which papers → and ← walk through: mine (yours: those assigned to you, calibration rounds first; every paper when nothing is assigned), all, todo (yours not done) or flagged.", valueName: "QUEUE"))
    var queue: Workbench.Queue = .mine

    func run() throws {
        // Before anything else, so a pipe or a bad TERM gets one line and no escape codes.
        if let problem = Preflight.problem() {
            Console.error("error: \(problem)")
            throw ExitCode(2)
        }
        let coder = try coderOption.resolve()
        let workspace = try projectOptions.workspace()
        try newCoderOption.check(coder, in: workspace)
        let plan = workspace.loadPlan()
        let log = try workspace.openLogForWriting(coder: coder)
        defer { log.close() }
        let papers = workspace.corpus.papers
        let order = CoderQueue(plan: plan, coder: coder, papers: papers, state: log.state)
        let start = paper ?? order.startPaper(lastPaper: log.state.lastPaper, papers: papers)
        let workbench = Workbench(codebook: workspace.codebook, papers: papers, coder: coder,
                                  state: log.state, history: EventHistory(loading: log.history), queue: queue,
                                  startPaper: start, order: order)
        if let paper, !workbench.queueContains(paper) {
            let reason = !workspace.corpus.contains(paper) ? "is not in the corpus"
                : queue == .mine ? "is not one of \(coder)'s papers (see 'litcoder queue --coder \(coder)'); open it with --queue all"
                : "is not in the \(queue.rawValue) queue"
            throw Failure.data("paper '\(paper)' \(reason); 'litcoder status' lists the papers")
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start()
        } catch {
            throw Failure.data("\(error)")
        }
        // The summary pane counts once here, then re-judges only the papers the store writes.
        let summary = SummaryPane(for: workbench)
        let view = WorkbenchView(summary: summary, alignmentLine: summary.alignmentLine)
        let session = WorkbenchSession(workbench: workbench, backend: terminal, view: view,
                                       store: { event in
                                           let saved = try ExitGuard.whileWriting { try log.append(event) }
                                           summary.paperChanged(saved.paper)
                                           return saved
                                       }, editText: ExternalEditor.edit, preparesAhead: true)
        let ending = session.run()
        terminal.stop()
        log.close()
        switch ending {
        case .quit:
            let done = session.workbench.doneCount
            let (doneMine, mine) = session.workbench.progress
            if mine < workspace.corpus.count {
                // With assignments, progress is of the coder's own papers, as status counts it.
                Console.print("\(coder): \(doneMine) of \(mine) assigned papers done"
                    + (done == doneMine ? "" : " (\(done) of all \(workspace.corpus.count))") + "; everything is saved.")
            } else {
                Console.print("\(coder): \(done) of \(workspace.corpus.count) papers done; everything is saved.")
            }
        case .hangup:
            throw ExitCode(1)
        case .signal(let number):
            throw ExitCode(128 + number)
        }
    }
}

extension Workbench.Queue: ExpressibleByArgument {}
