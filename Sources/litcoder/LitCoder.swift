import ArgumentParser

@main
struct LitCoder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "litcoder",
        abstract: "Code paper abstracts against a codebook, measure agreement, and export the coded set.",
        version: "0.1.0",
        subcommands: [
            Code.self,
            Init.self,
            Import.self,
            Validate.self,
            Status.self,
            SetCommand.self,
            Show.self,
            Suggest.self,
            SummaryCommand.self,
            Mismatches.self,
            Agree.self,
            Disagreements.self,
            ReviewCommand.self,
            Consensus.self,
            ExportCommand.self,
            CodingsCommand.self,
        ],
        defaultSubcommand: Code.self
    )
}
