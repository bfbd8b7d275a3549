import ArgumentParser
import LitCoderCore

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "(being built)")
    @OptionGroup var projectOptions: ProjectOptions
    func run() throws { throw Failure.data("'set' is not built yet") }
}
