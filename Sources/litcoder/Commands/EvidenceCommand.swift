import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder evidence PAPER DIM CODE "TEXT"`: quotes words of a paper as the evidence for a code.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Attach words of a paper's title or abstract as evidence for a code (coding it if needed); --remove takes a quote off.",
        discussion: """
            TEXT must be in the title or the abstract exactly (white space may differ: every run of \
            spaces and line breaks counts as one space); its first occurrence is quoted, the title \
            before the abstract. Words that are not there are refused with exit status 1 and nothing \
            is written. Each change is saved (written and synced) before the command returns.
            """)

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var coderOption: CoderOption
    @OptionGroup var newCoderOption: NewCoderOption

    @Argument(help: ArgumentHelp("The paper's id.", valueName: "PAPER")) var paper: String
    @Argument(help: ArgumentHelp("The dimension's id.", valueName: "DIM")) var dimension: String
    @Argument(help: ArgumentHelp("The code's id.", valueName: "CODE")) var code: String
    @Argument(help: ArgumentHelp("The words to quote, as the title or abstract has them.", valueName: "TEXT")) var text: String

    @Flag(help: "Take the quote with these words off the code instead.") var remove = false

    func validate() throws {
        if text.allSatisfy(\.isWhitespace) { throw ValidationError("TEXT is empty: give the words to quote, as the title or abstract has them") }
    }

    func run() throws {
        let coder = try coderOption.resolve()
        let workspace = try projectOptions.workspace()
        try newCoderOption.check(coder, in: workspace)
        do {
            _ = try EvidenceRequest.target(paper: paper, dimension: dimension, code: code,
                                           codebook: workspace.codebook, corpus: workspace.corpus)
        } catch {
            throw Console.usageError(error.description)
        }
        // Checked against the log as it is before it is opened for writing, so words that are
        // not there leave no trace, not even an empty log.
        _ = try request(current: try workspace.state(coder: coder).0.coding(for: paper), workspace: workspace)
        let log = try workspace.openLogForWriting(coder: coder)
        defer { log.close() }
        // Again under the lock: the log may have changed in between.
        let current = log.state.coding(for: paper)
        let request = try request(current: current, workspace: workspace)
        let events = request.events(from: current, codebook: workspace.codebook, coder: coder)
        let target = "\(request.dimension)=\(request.code)"
        let quoted = request.quote.displayed
        guard !events.isEmpty else {
            Console.print(remove ? "\(paper): \(quoted) is not attached to \(target) (\(coder)); unchanged"
                                 : "\(paper): \(quoted) is already evidence for \(target) (\(coder)); unchanged")
            return
        }
        do {
            // One durable append: the code and its quote are both saved or neither is.
            try log.append(contentsOf: events)
        } catch {
            throw Failure.data("\(error)")
        }
        // Closed before saying so: a report that cannot be written (a closed pipe) must not leave the lock's note behind.
        log.close()
        let place = "saved \(events.count.counted("event")) for \(coder) (\(workspace.project.display(log.url)))"
        if remove {
            Console.print("\(paper): removed \(quoted) from \(target); \(place)")
        } else if events.count == 2 {
            Console.print("\(paper): coded \(target) and quoted \(quoted) as its evidence; \(place)")
        } else {
            Console.print("\(paper): quoted \(quoted) as evidence for \(target); \(place)")
        }
    }

    /// The request for this paper, code and text; exit 1 (nothing written) when the words are
    /// not there, or, removing, not attached.
    private func request(current: PaperCoding, workspace: Workspace) throws -> EvidenceRequest {
        do {
            return try EvidenceRequest.parse(paper: paper, dimension: dimension, code: code, text: text, removes: remove,
                                             current: current, codebook: workspace.codebook, corpus: workspace.corpus)
        } catch {
            throw Failure.data(error.description)
        }
    }
}
