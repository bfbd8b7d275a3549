import ArgumentParser

@main
struct LitCoder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "litcoder",
        abstract: "Code paper abstracts against a codebook, measure agreement, and export the coded set.",
        version: "0.1.0",
        subcommands: [
            Code.self, Init.self, Validate.self, Status.self, SetCommand.self, Show.self,
            Agree.self, Disagreements.self, Consensus.self, ReviewCommand.self,
        ],
        defaultSubcommand: Code.self
    )
}
