import ArgumentParser
import LitCoderCore

/// `litcoder mismatches`: the papers whose datasets (or other `to` codes) do not serve their
/// stated motivation, with the unmet needs, ready to quote.
struct Mismatches: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mismatches",
        abstract: "List mismatched papers with what their codes need and what was provided.")

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var scope: ScopeOptions

    @Option(name: .long, help: ArgumentHelp("Only this alignment.", valueName: "ID"))
    var alignment: String?

    /// The forms a mismatch list is printed in; `summary`'s markdown and latex are not among them.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
        var report: ReportFormat {
            switch self {
            case .table: .table
            case .csv: .csv
            case .json: .json
            }
        }
    }

    @Option(name: .long, help: "Output format.")
    var format: Format = .table

    func run() throws {
        let workspace = try projectOptions.workspace()
        try ScopeLoader.checkAlignment(alignment, in: workspace.codebook)
        let owner = try scope.logOwner()
        let state = try ScopeLoader.state(of: owner, in: workspace)
        let list = MismatchList(
            scope: Summary.scope(coder: owner), evaluator: AlignmentEvaluator(codebook: workspace.codebook),
            corpus: workspace.corpus, state: state, alignment: alignment)
        Console.write(MismatchReport.render(list, format: format.report), as: format.report)
    }
}
