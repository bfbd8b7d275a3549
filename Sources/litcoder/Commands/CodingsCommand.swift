import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder codings`: bring codings made elsewhere into a coder's log.
struct CodingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codings",
        abstract: "Work with coders' codings as files.",
        subcommands: [CodingsImportCommand.self])
}

/// `litcoder codings import FILE.csv --coder NAME [--dry-run]`.
struct CodingsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import codings from a csv-long file (paper,coder,dimension,code) into a coder's log.",
        discussion: "Every row is checked first; if any paper, dimension or code is unknown, nothing is written.")

    @OptionGroup var projectOptions: ProjectOptions

    @Argument(help: ArgumentHelp("The csv-long file.", valueName: "FILE.csv"))
    var file: String

    @OptionGroup var coderOption: CoderOption
    @OptionGroup var newCoderOption: NewCoderOption

    @Flag(name: .long, help: "Check the file and say what would be written, without writing.")
    var dryRun = false

    func run() throws {
        let coder = try coderOption.resolve()
        let workspace = try projectOptions.workspace()
        try newCoderOption.check(coder, in: workspace)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Failure.data("\(file): cannot read the file")
        }
        if dryRun {
            let (state, _) = try workspace.state(coder: coder)
            let plan = try makePlan(data, workspace: workspace, coder: coder, current: state)
            Console.print("\(summary(plan, coder: coder, verb: "would append")); nothing written (--dry-run)")
            return
        }
        // Check the file before opening the log, so a rejected or empty import leaves no log behind.
        let (current, _) = try workspace.state(coder: coder)
        let preview = try makePlan(data, workspace: workspace, coder: coder, current: current)
        if preview.events.isEmpty {
            Console.print(summary(preview, coder: coder, verb: "appended"))
            return
        }
        let log = try workspace.openLogForWriting(coder: coder)
        defer { log.close() }
        let plan = try makePlan(data, workspace: workspace, coder: coder, current: log.state)
        // One durable append: the whole import is in the log, or none of it is.
        do {
            try log.append(contentsOf: plan.events)
        } catch {
            throw Failure.data("\(error)")
        }
        log.close()
        Console.print(summary(plan, coder: coder, verb: "appended"))
    }

    private func makePlan(_ data: Data, workspace: Workspace, coder: String, current: CodingState) throws -> CodingsImport.Plan {
        do {
            return try CodingsImport.plan(data, file: file, coder: coder, codebook: workspace.codebook,
                                          corpus: workspace.corpus, current: current)
        } catch {
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            throw Failure.data("nothing was written: \(error.diagnostics.count) problem(s) in \(file)")
        }
    }

    private func summary(_ plan: CodingsImport.Plan, coder: String, verb: String) -> String {
        // Every row read is counted once: in the events, already as in the log, or skipped.
        var parts: [String] = []
        if plan.eventRowCount > 0 { parts.append("\(plan.eventRowCount) in these events") }
        if plan.unchangedRowCount > 0 { parts.append("\(plan.unchangedRowCount) already as in the log") }
        if plan.otherCoderRowCount > 0 { parts.append("\(plan.otherCoderRowCount) for other coders, skipped") }
        return "\(verb) \(plan.events.count) event(s) for \(plan.paperCount) paper(s) to codings/\(coder).jsonl"
            + " (\(plan.rowCount) row(s) read" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")) + ")"
    }
}
