import ArgumentParser
import LitCoderCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(being built)")
    @OptionGroup var projectOptions: ProjectOptions
    func run() throws { throw Failure.data("'validate' is not built yet") }
}
