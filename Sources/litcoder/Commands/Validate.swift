import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder validate`: every problem in the project's files, then a one-line summary.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the project's codebook, corpus and coding logs, listing every problem.",
        discussion: """
            Each problem is printed as FILE:LINE:COLUMN: severity: message, with a hint saying \
            what to do. Exit status 1 when there is any error; warnings alone exit 0.
            With --codebook FILE, checks that codebook file alone (no project needed).
            """)

    @OptionGroup var projectOptions: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Check this codebook file instead of the project.", valueName: "FILE"))
    var codebook: String?

    func run() throws {
        let validation: ProjectValidation
        if let codebook {
            guard FileManager.default.fileExists(atPath: codebook) else {
                throw ValidationError("no codebook file at '\(codebook)'")
            }
            validation = ProjectValidation.codebook(at: URL(fileURLWithPath: codebook), displayName: codebook).0
        } else {
            let project: Project
            do {
                project = try projectOptions.load()
            } catch {
                // Without a readable litcoder.yaml nothing else can be found; still end with the summary line.
                Console.print("\(error)")
                Console.print("checked \(Project.fileName): 1 error")
                throw ExitCode(1)
            }
            validation = ProjectValidation.project(project)
        }
        for diagnostic in validation.diagnostics { Console.print(diagnostic.description) }
        Console.print(validation.summary)
        if validation.hasErrors { throw ExitCode(1) }
    }
}
