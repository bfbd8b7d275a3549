import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder prisma`: the PRISMA 2020 flow counts.
struct Prisma: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prisma",
        abstract: "The PRISMA 2020 flow counts: records identified (per source), duplicates removed, screened, excluded (per reason), included, not yet screened.",
        discussion: """
            Records come from what imports recorded (corpus/_imports.jsonl); screening decisions from the codebook's \
            'screening' dimension, as the consensus (default) or --coder NAME coded it. JSON keys: identified, \
            by_source, duplicates_removed, removed_other, screened, excluded, excluded_by_reason, included, awaiting. \
            See docs/collaboration.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var projectOptions: ProjectOptions
    @Option(name: .long, help: ArgumentHelp("Count this coder's screening decisions instead of the consensus.", valueName: "NAME"))
    var coder: String?
    @Option(help: "text, markdown or json.") var format: Format = .text

    func validate() throws {
        if let coder, let problem = CoderName.problem(with: coder) { throw ValidationError(problem) }
    }

    func run() throws {
        let workspace = try projectOptions.workspace()
        let project = workspace.project
        guard let screening = workspace.codebook.screening else {
            throw Failure.data("\(project.display(project.codebookURL)) names no screening decision, so there is nothing to count as screened\n"
                + "  hint: add e.g. 'screening: {dimension: relevance, include: [ser-core], exclude: [out-of-scope]}' (docs/codebook-format.md)")
        }
        let owner = coder ?? CoderName.consensus
        let state: CodingState
        if owner == CoderName.consensus, !project.hasLogFile(CoderName.consensus) {
            Console.error("note: there is no consensus yet, so no paper counts as screened; build it with 'litcoder consensus --auto-agreed' "
                + "and 'litcoder review', or count one coder's decisions with --coder NAME")
            state = CodingState(coder: owner)
        } else {
            state = try ScopeLoader.state(of: owner, in: workspace)
        }
        if owner != CoderName.consensus, let assigned = workspace.plan().0.papers(assignedTo: owner, in: workspace.corpus) {
            // The flow stays the whole corpus's, so that its counts add up; say whose records are whose.
            Console.error("note: \(owner) is assigned \(assigned.count) of the \(workspace.corpus.count) records (assignments.jsonl); "
                + "this flow counts \(owner)'s own decisions on every record, so records left to other coders count as not yet screened. "
                + "The team's flow is the consensus's: 'litcoder prisma'")
        }
        let (history, problems) = ImportHistory.load(url: project.importRecordURL, displayPath: project.display(project.importRecordURL))
        for problem in problems { Console.error(problem.description) }
        let flow = PrismaFlow(corpus: workspace.corpus, history: history, codebook: workspace.codebook, screening: screening,
                              state: state, scope: Summary.scope(coder: owner))
        switch format {
        case .text: Console.print(flow.text())
        case .markdown: Console.print(flow.markdown())
        case .json: Console.writeJSON(flow.json() + "\n")
        }
    }
}
