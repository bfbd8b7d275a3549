import ArgumentParser
import LitCoderCore

/// `litcoder suggest`: the codes the codebook's aliases suggest for every paper.
struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "List the codes the aliases suggest for every paper (suggestions only; nothing is coded).",
        discussion: """
            Dimensions and codes come in codebook order. The JSON form is \
            {"papers": [{"id": …, "suggestions": {"DIMENSION": ["CODE", …]}}]}, for comparing \
            the suggestions with a careful human coding.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var projectOptions: ProjectOptions

    @Option(name: .long, help: "Output format: table or json.")
    var format: Format = .table

    func run() throws {
        let workspace = try projectOptions.workspace()
        let report = SuggestionReport(corpus: workspace.corpus, matcher: AliasMatcher(codebook: workspace.codebook))
        switch format {
        case .table: if !report.entries.isEmpty { Console.print(report.table()) }
        case .json: Console.writeJSON(report.json() + "\n")
        }
    }
}
