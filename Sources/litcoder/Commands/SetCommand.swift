import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder set PAPER DIM=CODES …`: scripted coding through the same store the workbench uses.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Code one paper from the command line: DIM=CODE[,CODE…] replaces a dimension's codes, DIM= clears it.",
        discussion: """
            A text dimension takes DIM=TEXT (commas included). Every change is checked before any is \
            written; all are saved (written and synced) in one append before the command returns, so \
            either all of them are saved or none is. Changes that change nothing are not written.
            """)

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var coderOption: CoderOption
    @OptionGroup var newCoderOption: NewCoderOption

    @Argument(help: ArgumentHelp("The paper's id.", valueName: "PAPER")) var paper: String
    @Argument(help: ArgumentHelp("DIM=CODE[,CODE…], DIM= to clear, or DIM=TEXT for a text dimension.", valueName: "DIM=CODES"))
    var assignments: [String] = []

    @Option(help: ArgumentHelp("Replace the paper's note (\"\" clears it).", valueName: "TEXT")) var note: String?
    @Flag(help: "Flag the paper as unsure.") var flag = false
    @Flag(help: "Clear the flag.") var unflag = false
    @Flag(help: "Mark the paper done.") var done = false
    @Flag(help: "Mark the paper not done.") var undone = false

    func validate() throws {
        if flag && unflag { throw ValidationError("--flag and --unflag contradict each other") }
        if done && undone { throw ValidationError("--done and --undone contradict each other") }
    }

    func run() throws {
        let coder = try coderOption.resolve()
        let workspace = try projectOptions.workspace()
        try newCoderOption.check(coder, in: workspace)
        let request: CodingRequest
        do {
            request = try CodingRequest.parse(
                paper: paper, assignments: assignments, note: note,
                flagged: flag ? true : (unflag ? false : nil), done: done ? true : (undone ? false : nil),
                codebook: workspace.codebook, corpus: workspace.corpus)
        } catch {
            throw Console.usageError(error.description)
        }
        let log = try workspace.openLogForWriting(coder: coder)
        defer { log.close() }
        let events = request.events(from: log.state.coding(for: paper), coder: coder)
        do {
            // One durable append: the changes are all saved or none is.
            try log.append(contentsOf: events)
        } catch {
            throw Failure.data("\(error)")
        }
        // Closed before saying so: a report that cannot be written (a closed pipe) must not leave the lock's note behind.
        log.close()
        for notice in request.notices { Console.print(notice) }
        Console.print(events.isEmpty
            ? "\(paper): unchanged (\(coder))"
            : "\(paper): saved \(events.count) change\(events.count == 1 ? "" : "s") for \(coder) (\(workspace.project.display(log.url)))")
    }
}
