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

    /// Parses and runs the chosen command; an error from its `run()` is reported by that
    /// command's type, so a usage error shows the subcommand's usage, not the root's.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            type(of: command).exit(withError: error)
        }
    }
}
