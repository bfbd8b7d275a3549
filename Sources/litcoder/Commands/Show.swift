import ArgumentParser
import LitCoderCore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "(being built)")
    @OptionGroup var projectOptions: ProjectOptions
    func run() throws { throw Failure.data("'show' is not built yet") }
}
