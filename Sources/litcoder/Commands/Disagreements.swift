import ArgumentParser
import LitCoderCore

/// `litcoder disagreements`: each paper and dimension where the chosen coders differ.
struct Disagreements: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disagreements",
        abstract: "List each paper and dimension where the coders differ, with each coder's codes and notes.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var codersOption: CodersOption
    @OptionGroup var dimensionOption: DimensionOption
    @Option(help: "Output format.")
    var format: Format = .table
    @Option(name: .customLong("codebook-version"), help: CodersOption.codebookVersionHelp)
    var codebookVersion: String?
    @OptionGroup var roundOption: RoundOption

    func validate() throws { _ = try codersOption.given() }

    func run() throws {
        // The coders' logs are read while the corpus loads (all of one codebook version's
        // events are read separately).
        let workspace = try projectOptions.workspace { project in
            codebookVersion == nil ? ((try? codersOption.given()) ?? (try? project.codersWithCodings())) : nil
        }
        let dimensions = try dimensionOption.chosen(in: workspace.codebook)
        let plan = workspace.loadPlan()
        let round = try roundOption.chosen(in: plan)
        let states = plan.compared(try codersOption.states(in: workspace, codebookVersion: codebookVersion), round: round)
        var list = DisagreementList(codebook: workspace.codebook, states: states, dimensions: dimensions,
                                    corpus: workspace.corpus)
        defer { ProcessLifetime.keepUntilExit((workspace, states, list)) }
        list.items = plan.limit(list.items)
        switch format {
        case .table: Console.print(list.table())
        case .csv: Console.writeCSV(list.csv() + "\n")
        case .json: Console.writeJSON(list.json() + "\n")
        }
    }
}
