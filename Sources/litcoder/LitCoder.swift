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
            CorpusCommand.self,
            DuplicatesCommand.self,
            Validate.self,
            Status.self,
            Assign.self,
            AssignmentsCommand.self,
            QueueCommand.self,
            RoundCommand.self,
            SetCommand.self,
            EvidenceCommand.self,
            Show.self,
            Suggest.self,
            SummaryCommand.self,
            Mismatches.self,
            Agree.self,
            Disagreements.self,
            ReviewCommand.self,
            Consensus.self,
            Prisma.self,
            ExportCommand.self,
            CodingsCommand.self,
            CodebookCommand.self,
        ],
        defaultSubcommand: Code.self
    )

    /// Parses and runs the chosen command, reporting every error in one form.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            report(error, from: nil)
        }
        do {
            try command.run()
        } catch {
            report(error, from: type(of: command))
        }
        Console.finish()
    }

    /// Errors read `error: MESSAGE` (a located problem keeps its `FILE:LINE:COL: error:` form,
    /// never gaining a second prefix); data errors exit 1, usage errors 64 with the usage of
    /// the command that was run, not the root's.
    static func report(_ error: Error, from command: ParsableCommand.Type?) -> Never {
        switch error {
        case let failure as Failure:
            Console.error(errorText(failure.description))
            exit(withError: ExitCode(1))
        case let validation as ValidationError:
            Console.error(errorText(validation.message))
            if let command {
                let usage = usageString(for: command)
                let name = usage.split(separator: " ").prefix { !"[<-".contains($0.first ?? "[") }.joined(separator: " ")
                Console.error("Usage: \(usage)\n  See '\(name) --help' for more information.")
            }
            exit(withError: ExitCode.validationFailure)
        default:
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            guard code != .success, !message.isEmpty else {
                // No message of its own (validate's exit 1 after its report): a report lost on
                // the way out matters more, and is said.
                Console.finish()
                exit(withError: error)
            }
            Console.error(errorText(message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message))
            exit(withError: ExitCode(code.rawValue))
        }
    }

    /// `error: MESSAGE`, unless the message already starts with a located `…: error:` line.
    static func errorText(_ message: String) -> String {
        let firstLine = message.prefix { $0 != "\n" }
        return firstLine.contains(": error: ") || firstLine.hasPrefix("error: ") ? message : "error: " + message
    }
}
