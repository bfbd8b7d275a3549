import ArgumentParser
import LitCoderCore

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "(being built)")
    @OptionGroup var projectOptions: ProjectOptions
    func run() throws { throw Failure.data("'status' is not built yet") }
}
