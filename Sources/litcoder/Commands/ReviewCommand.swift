import ArgumentParser
import Foundation
import LitCoderCore
import LitCoderTerminal
import LitCoderUI

/// `litcoder review`: walk the disagreements and decide each into the consensus.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the coders' disagreements side by side and decide the consensus.",
        discussion: "Each decision is an 'adjudicate' event in codings/_consensus.jsonl naming the adjudicator, the codes and the coders they came from. Run 'litcoder consensus --auto-agreed' first so only real disagreements are left.")

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var adjudicatorOption: AdjudicatorOption
    @OptionGroup var codersOption: CodersOption
    @OptionGroup var dimensionOption: DimensionOption

    func validate() throws {
        _ = try adjudicatorOption.resolve()
        _ = try codersOption.given()
    }

    func run() throws {
        if let problem = Preflight.problem() {
            Console.error("error: \(problem)")
            throw ExitCode(2)
        }
        let adjudicator = try adjudicatorOption.resolve()
        let workspace = try projectOptions.workspace()
        let dimensions = try dimensionOption.chosen(in: workspace.codebook)
        // Each paper's codings are compared among the coders assigned to it.
        let plan = workspace.loadPlan()
        let states = plan.compared(try codersOption.states(in: workspace))
        let log = try workspace.openLogForWriting(coder: CoderName.consensus)
        defer { log.close() }
        // The disagreements, and the decisions by hand the coders have all moved away from
        // (they now agree on another value), in comparison order: both are to be decided.
        let comparisons = CodingComparison.all(codebook: workspace.codebook, states: states, dimensions: dimensions,
                                               corpus: workspace.corpus)
        let stale = Set(ConsensusProgress(comparisons: comparisons, consensus: log.state, codebook: workspace.codebook)
            .staleByHand.map { $0.paper + "\u{1F}" + $0.dimension })
        let items = plan.limit(comparisons.filter { $0.isDisagreement || stale.contains($0.paper + "\u{1F}" + $0.dimension) })
        let review = Review(codebook: workspace.codebook, adjudicator: adjudicator, coders: states.map(\.coder), items: items,
                            papers: workspace.corpus.papers, consensus: log.state)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start()
        } catch {
            throw Failure.data("\(error)")
        }
        let session = ReviewSession(review: review, backend: terminal, store: { event in try ExitGuard.whileWriting { try log.append(event) } })
        let ending = session.run()
        terminal.stop()
        log.close()
        switch ending {
        case .quit:
            let what = stale.isEmpty ? "disagreements" : "disagreements and decisions by hand to decide again"
            Console.print("\(adjudicator): \(session.review.resolvedCount) of \(items.count) \(what) resolved; everything is saved.")
        case .hangup:
            throw ExitCode(1)
        case .signal(let number):
            throw ExitCode(128 + number)
        }
    }
}
