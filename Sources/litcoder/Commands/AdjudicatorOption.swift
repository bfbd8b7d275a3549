import ArgumentParser
import Foundation
import LitCoderCore

/// `--adjudicator NAME`: who takes consensus decisions; else `$LITCODER_CODER`, else the login name.
struct AdjudicatorOption: ParsableArguments {
    @Option(help: ArgumentHelp("Who takes the consensus decisions (default: $LITCODER_CODER, else your login name).", valueName: "NAME"))
    var adjudicator: String?

    /// The same fallbacks as `--coder` (`CoderOption`), the password database last.
    func resolve() throws -> String {
        let env = ProcessInfo.processInfo.environment
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        let name = adjudicator ?? nonEmpty(env["LITCODER_CODER"]) ?? nonEmpty(env["USER"]) ?? nonEmpty(env["LOGNAME"])
            ?? CoderOption.accountName() ?? ""
        if adjudicator == nil && name.isEmpty {
            throw ValidationError("cannot tell who adjudicates: give --adjudicator NAME or set LITCODER_CODER")
        }
        if let problem = CoderName.problem(with: name) { throw ValidationError(problem) }
        return name
    }
}
