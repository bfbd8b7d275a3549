import ArgumentParser
import Foundation
import LitCoderCore

/// Whose codings a report reads: `--coder NAME` (default: you) or `--consensus`.
struct ScopeOptions: ParsableArguments {
    @OptionGroup var coderOption: CoderOption

    @Flag(name: .long, help: "Read the adjudicated consensus (codings/_consensus.jsonl) instead of a coder.")
    var consensus = false

    func validate() throws {
        if consensus && coderOption.coder != nil {
            throw ValidationError("give either --coder or --consensus, not both")
        }
    }

    /// The log owner to read: a coder's name or `_consensus`.
    func logOwner() throws -> String {
        consensus ? CoderName.consensus : try coderOption.resolve()
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// Reading a scope's state for a report, telling the user when there is nothing to read.
enum ScopeLoader {
    /// The replayed state of `owner`; log problems go to stderr. A coder without a log (a
    /// mistyped name) or a consensus not built yet is a data error, not an all-zero report. The
    /// consensus is read as it stands (`consensus(in:)`).
    static func state(of owner: String, in workspace: Workspace) throws -> CodingState {
        if owner == CoderName.consensus { return try consensus(in: workspace).state }
        try workspace.check(coder: owner, for: .reading)
        let project = workspace.project
        let listing = project.logListing()
        // This coder's own log unreadable is an error; another coder's does not concern a one-coder report.
        if let index = listing.unreadableOwners.firstIndex(of: owner) { throw DiagnosticList([listing.unreadable[index]]) }
        let withLogs = listing.coders.filter { CodingLog.holdsDecisions(url: project.logURL(coder: $0)) }
        guard withLogs.contains(owner) else {
            throw Failure.data("coder '\(owner)' has no codings in \(project.display(project.codingsURL)); coders with codings: "
                + (withLogs.isEmpty ? "none yet (code some papers first with 'litcoder code')" : withLogs.joined(separator: ", "))
                + "; pass --coder NAME")
        }
        let state: CodingState
        let diagnostics: [Diagnostic]
        do {
            (state, diagnostics) = try workspace.state(coder: owner)
        } catch {
            throw Failure.data("\(error)")
        }
        for d in diagnostics { Console.error(d.description) }
        if state.paperCount == 0 {
            let file = workspace.project.display(workspace.project.logURL(coder: owner))
            Console.error("note: no codings by \(owner) yet (\(file)); every paper counts as undetermined")
        }
        return state
    }

    /// The consensus as it stands (`StandingConsensus`: decisions by hand, and automatic ones
    /// the coders still agree on) against every coder with codings; its log's problems and how
    /// complete it is (`note: consensus: …`) go to standard error, as for every reader of the
    /// consensus. A consensus not built yet is a data error.
    static func consensus(in workspace: Workspace) throws -> StandingConsensus {
        let project = workspace.project
        guard project.hasLogFile(CoderName.consensus) else {
            throw Failure.data("there is no consensus yet (\(project.display(project.consensusLogURL))); "
                + "build it with 'litcoder consensus --auto-agreed' and settle the rest with 'litcoder review', or use --coder NAME")
        }
        let standing: StandingConsensus
        let diagnostics: [Diagnostic]
        do {
            (standing, diagnostics) = try workspace.standingConsensus()
        } catch {
            throw Failure.data("\(error)")
        }
        for d in diagnostics { Console.error(d.description) }
        Console.consensusNote(standing.progress)
        if standing.state.codedPaperCount == 0 {
            Console.error("note: no decision of the consensus stands yet (\(project.display(project.consensusLogURL))); "
                + "every paper counts as undetermined. Adjudicate first, or use --coder NAME")
        }
        return standing
    }

    /// Checks `--alignment ID` against the codebook; a usage error lists the ids there are.
    static func checkAlignment(_ id: String?, in codebook: Codebook) throws {
        guard let id, !codebook.alignments.contains(where: { $0.id == id }) else { return }
        let known = codebook.alignments.map(\.id)
        throw ValidationError("the codebook has no alignment '\(id)'; "
            + (known.isEmpty ? "it declares no alignments" : "its alignments are: \(known.joined(separator: ", "))"))
    }
}
