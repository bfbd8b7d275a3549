import ArgumentParser
import LitCoderCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "(being built)")
    @OptionGroup var projectOptions: ProjectOptions
    func run() throws { throw Failure.data("'init' is not built yet") }
}
