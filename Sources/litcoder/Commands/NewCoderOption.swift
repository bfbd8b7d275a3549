import ArgumentParser
import LitCoderCore

/// `--new-coder`, on the commands that write a coder's log or give a coder papers: when
/// `litcoder.yaml` lists `coders:`, a name that is none of the project's coders is refused (a
/// typo would start a stray log) unless this says it is meant.
struct NewCoderOption: ParsableArguments {
    @Flag(name: .customLong("new-coder"), help: "Start a coder that litcoder.yaml's 'coders:' does not list yet (once: their log makes them a coder from then on).")
    var newCoder = false

    /// Refuses `coder` with exit status 64 (a did-you-mean, and how to add the coder) when it
    /// is none of the project's coders (`CoderRoster`); nothing has been written when it throws.
    func check(_ coder: String, in workspace: Workspace) throws {
        try workspace.check(coder: coder, for: .writing(allowingNew: newCoder))
    }
}

extension Workspace {
    /// Refuses `name` with exit status 64, a did-you-mean and what to do, when the project's
    /// roster (`CoderRoster`: `coders:`, the logs, the assignments) does not allow it for `use`.
    func check(coder name: String, for use: CoderRoster.Use) throws {
        try check(coders: [name], for: use)
    }

    /// Refuses the first of `names` the roster does not allow for `use`, as `check(coder:for:)`.
    func check(coders names: [String], for use: CoderRoster.Use) throws {
        let roster = CoderRoster(project: project, plan: plan().0)
        for name in names {
            guard let refusal = roster.refusal(of: name, for: use) else { continue }
            Console.error("error: \(refusal.message)\n  hint: \(refusal.hint)")
            throw ExitCode(64)
        }
    }
}
