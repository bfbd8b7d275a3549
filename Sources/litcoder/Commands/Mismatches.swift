import ArgumentParser
import LitCoderCore

/// `litcoder mismatches`: the papers whose datasets (or other `to` codes) do not serve their
/// stated motivation, with the unmet needs, ready to quote.
struct Mismatches: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List mismatched papers with what their codes need and what was provided.")

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var scope: ScopeOptions

    @Option(name: .long, help: ArgumentHelp("Only this alignment.", valueName: "ID"))
    var alignment: String?

    @Option(name: .long, help: "table, csv or json.")
    var format: ReportFormat = .table

    func validate() throws {
        guard [.table, .csv, .json].contains(format) else {
            throw ValidationError("mismatches prints table, csv or json; '\(format.rawValue)' is for 'summary'")
        }
    }

    func run() throws {
        let workspace = try projectOptions.workspace()
        try ScopeLoader.checkAlignment(alignment, in: workspace.codebook)
        let owner = try scope.logOwner()
        let state = try ScopeLoader.state(of: owner, in: workspace)
        let list = MismatchList(
            scope: Summary.scope(coder: owner), evaluator: AlignmentEvaluator(codebook: workspace.codebook),
            corpus: workspace.corpus, state: state, alignment: alignment)
        Console.write(MismatchReport.render(list, format: format))
    }
}
