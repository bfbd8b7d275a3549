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
    /// mistyped name) or a consensus not built yet is a data error, not an all-zero report.
    static func state(of owner: String, in workspace: Workspace) throws -> CodingState {
        let project = workspace.project
        if owner == CoderName.consensus {
            guard project.hasLogFile(CoderName.consensus) else {
                throw Failure.data("there is no consensus yet (\(project.display(project.consensusLogURL))); "
                    + "build it with 'litcoder consensus --auto-agreed' and settle the rest with 'litcoder review', or use --coder NAME")
            }
        } else {
            let listing = project.logListing()
            // This coder's own log unreadable is an error; another coder's does not concern a one-coder report.
            if let index = listing.unreadableOwners.firstIndex(of: owner) { throw DiagnosticList([listing.unreadable[index]]) }
            let withLogs = listing.coders.filter { CodingLog.holdsDecisions(url: project.logURL(coder: $0)) }
            guard withLogs.contains(owner) else {
                throw Failure.data("coder '\(owner)' has no codings in \(project.display(project.codingsURL)); coders with codings: "
                    + (withLogs.isEmpty ? "none yet (code some papers first with 'litcoder code')" : withLogs.joined(separator: ", "))
                    + "; pass --coder NAME")
            }
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
            if owner == CoderName.consensus {
                Console.error("note: no consensus yet (\(file) has no decisions); every paper counts as undetermined. "
                    + "Adjudicate first, or use --coder NAME")
            } else {
                Console.error("note: no codings by \(owner) yet (\(file)); every paper counts as undetermined")
            }
        }
        return state
    }

    /// Checks `--alignment ID` against the codebook; a usage error lists the ids there are.
    static func checkAlignment(_ id: String?, in codebook: Codebook) throws {
        guard let id, !codebook.alignments.contains(where: { $0.id == id }) else { return }
        let known = codebook.alignments.map(\.id)
        throw ValidationError("the codebook has no alignment '\(id)'; "
            + (known.isEmpty ? "it declares no alignments" : "its alignments are: \(known.joined(separator: ", "))"))
    }
}
