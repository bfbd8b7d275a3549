import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder consensus --auto-agreed`: take what the coders agree on into the consensus.
struct Consensus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consensus",
        abstract: "Record in codings/_consensus.jsonl every paper and dimension on which all chosen coders agree.",
        discussion: "Each is an automatic 'adjudicate' event naming the coders it came from; running it again adds only new agreements. Review the rest with 'litcoder review'.")

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var codersOption: CodersOption
    @Flag(name: .customLong("auto-agreed"), help: "Take every agreement into the consensus.")
    var autoAgreed = false
    @OptionGroup var adjudicatorOption: AdjudicatorOption

    func validate() throws {
        guard autoAgreed else {
            throw ValidationError("say --auto-agreed to take the agreements into the consensus; decide disagreements with 'litcoder review'")
        }
        _ = try codersOption.given()
        _ = try adjudicatorOption.resolve()
    }

    func run() throws {
        let adjudicator = try adjudicatorOption.resolve()
        let workspace = try projectOptions.workspace()
        // Each paper's codings are compared among the coders assigned to it.
        let states = workspace.loadPlan().compared(try codersOption.states(in: workspace))
        let comparisons = CodingComparison.all(codebook: workspace.codebook, states: states, corpus: workspace.corpus)
        let log = try workspace.openLogForWriting(coder: CoderName.consensus)
        defer { log.close() }
        let events = AutoConsensus.events(for: comparisons, consensus: log.state, codebook: workspace.codebook,
                                          adjudicator: adjudicator, codebookHash: workspace.codebook.contentHash,
                                          coders: states.map(\.coder))
        // One durable append: every agreement is taken in, or none is.
        do { try log.append(contentsOf: events) } catch { throw Failure.data("\(error)") }
        log.close()
        let withdrawn = events.count { $0.reason == AutoConsensus.withdrawalReason }
        let added = events.count - withdrawn
        let agreed = comparisons.count(where: \.isAgreement)
        let progress = ConsensusProgress(comparisons: comparisons, consensus: log.state, codebook: workspace.codebook)
        let open = progress.open.count
        let notCoded = progress.open.count { $0.kind != .differ }
        let path = workspace.project.display(workspace.project.consensusLogURL)
        // Every agreement is now held automatically, or decided by hand: with the coders' value
        // (already there) or with another (stale: never overridden, so said apart).
        let stale = progress.staleByHand.count
        var message = "\(path): added \(added) agreed decision\(added == 1 ? "" : "s") "
            + "(\(agreed - added - stale) of \(agreed) agreements already there"
        if stale > 0 {
            message += "; \(stale) decided by hand with another value than the one the coders now agree on, never changed automatically: "
                + "'litcoder review' shows \(stale == 1 ? "it" : "them") to decide again"
        }
        message += ")"
        if withdrawn > 0 {
            message += "; withdrew \(withdrawn) automatic decision\(withdrawn == 1 ? "" : "s") the coders no longer agree on"
        }
        message += "; \(open) disagreement\(open == 1 ? "" : "s") left for 'litcoder review'"
        if notCoded > 0 { message += " (\(notCoded) of them a dimension some coder left empty, never taken automatically)" }
        Console.print(message)
    }
}
