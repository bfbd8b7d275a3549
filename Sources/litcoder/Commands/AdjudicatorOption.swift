import ArgumentParser
import Foundation
import LitCoderCore

/// `--adjudicator NAME`: who takes consensus decisions; else `$LITCODER_CODER`, else the login name.
struct AdjudicatorOption: ParsableArguments {
    @Option(help: ArgumentHelp("Who takes the consensus decisions (default: $LITCODER_CODER, else your login name).", valueName: "NAME"))
    var adjudicator: String?

    func resolve() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let name = adjudicator ?? env["LITCODER_CODER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["USER"] ?? env["LOGNAME"] ?? ""
        if let problem = CoderName.problem(with: name) { throw ValidationError(problem) }
        return name
    }
}
