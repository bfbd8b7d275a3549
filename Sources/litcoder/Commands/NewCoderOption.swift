import ArgumentParser
import LitCoderCore

/// `--new-coder`, on the commands that write a coder's log: when `litcoder.yaml` lists
/// `coders:`, a name not among them is refused (a typo would start a stray log) unless this
/// says it is meant.
struct NewCoderOption: ParsableArguments {
    @Flag(name: .customLong("new-coder"), help: "Start a coder that litcoder.yaml's 'coders:' does not list yet.")
    var newCoder = false

    /// Refuses `coder` with exit status 64 (a did-you-mean, and how to add the coder) when the
    /// project does not list it; nothing has been written when it throws.
    func check(_ coder: String, in project: Project) throws {
        guard let refusal = project.refusal(ofCoder: coder, allowingNew: newCoder) else { return }
        Console.error("error: \(refusal.message)\n  hint: \(refusal.hint)")
        throw ExitCode(64)
    }
}
