/// Who the coders of a project are, and whether a name given on the command line is one of
/// them: the one rule every command that takes a coder's name applies.
///
/// A name is a **coder of the project** when `litcoder.yaml` lists it under `coders:`, when
/// it owns a log in `codings/` that holds any event, or when `assignments.jsonl` gives it
/// papers. A command that only reads refuses any other name (a mistyped name would print an
/// empty result as if it were real). A command that writes refuses it only when `coders:` is
/// declared, unless `--new-coder` says a new coder is meant: the log that starts then makes the
/// name a coder for every later command. Which coders are *compared* is a narrower question:
/// those whose log records a decision (`Project.codersWithCodings`).
public struct CoderRoster: Sendable {
    /// The names `litcoder.yaml` lists under `coders:`, nil when it lists none.
    public var listed: [String]?
    /// The owners of logs holding any event, sorted (the consensus log is not a coder).
    public var withLogs: [String]
    /// The coders `assignments.jsonl` gives papers to.
    public var assigned: [String]

    public init(listed: [String]?, withLogs: [String], assigned: [String]) {
        self.listed = listed
        self.withLogs = withLogs
        self.assigned = assigned
    }

    /// The project's roster: `coders:`, the logs in `codings/`, and the assignments of `plan`.
    public init(project: Project, plan: CodingPlan) {
        // The owner of a log that cannot be read is still a coder; the commands that read the
        // log report it as unreadable.
        let listing = project.logListing()
        let unreadable = listing.unreadableOwners.filter { !$0.hasPrefix("_") && $0 != "codings/" }
        self.init(listed: project.coders, withLogs: (listing.coders + unreadable).sorted(), assigned: plan.assignments.coders)
    }

    /// How a command uses the name it is given.
    public enum Use: Hashable, Sendable {
        /// It only reads: the name must be a coder of the project.
        case reading
        /// It writes the coder's log or gives them papers: refused only when `coders:` is
        /// declared and the name is none of the project's coders, unless `allowingNew`.
        case writing(allowingNew: Bool)
    }

    /// Every coder of the project, listed first in the order `coders:` gives, then the others sorted.
    public var known: [String] {
        let declared = listed ?? []
        let others = Set(withLogs).union(assigned).subtracting(declared).sorted()
        return declared + others
    }

    public func isKnown(_ name: String) -> Bool {
        (listed ?? []).contains(name) || withLogs.contains(name) || assigned.contains(name)
    }

    /// Why `name` cannot be used so, with a did-you-mean, and a hint saying what to do; nil when it can.
    public func refusal(of name: String, for use: Use) -> (message: String, hint: String)? {
        guard !isKnown(name) else { return nil }
        if case .writing(let allowingNew) = use, listed == nil || allowingNew { return nil }
        let message = "'\(name)' is not a coder of this project"
            + (DidYouMean.phrase(for: name, among: known).map { "; \($0)" } ?? "")
        if let listed, use != .reading {
            let names = listed.isEmpty ? "no one yet" : listed.joined(separator: ", ")
            return (message, "\(Project.fileName) lists the coders under 'coders:' (\(names)); add '\(name)' there, "
                + "or pass --new-coder to start a new coder")
        }
        let names = known.isEmpty ? "none yet" : known.joined(separator: ", ")
        let start = listed == nil ? "a new coder starts with 'litcoder code --coder \(name)'"
                                  : "a new coder is added under 'coders:' in \(Project.fileName)"
        return (message, "the project's coders (listed under 'coders:' in \(Project.fileName), with a log in codings/, "
            + "or assigned papers) are: \(names); \(start)")
    }

    /// Owners of a log holding any event whom `coders:` does not list, sorted; empty when
    /// `coders:` is not declared. `validate` and `status` flag them.
    public var unlisted: [String] {
        guard let listed else { return [] }
        return withLogs.filter { !listed.contains($0) }
    }

    /// What `validate` says about the log `file` of `coder` when `coders:` does not list them
    /// (a name started with `--new-coder`, or a slip of the keyboard); nil when it is listed.
    /// With `hasCodings`, the log is compared with the others' by every report.
    public func unlistedWarning(coder: String, file: String, hasCodings: Bool) -> Diagnostic? {
        guard let listed, !listed.contains(coder), withLogs.contains(coder) else { return nil }
        let counted = hasCodings ? "its codings are compared with the other coders' in agree and every report"
                                 : "it holds no coding decision yet"
        let slip = DidYouMean.phrase(for: coder, among: listed).map { " (\($0))" } ?? ""
        return Diagnostic(
            file: file, severity: .warning,
            message: "'\(coder)' is not listed under 'coders:' in \(Project.fileName), but has this log; \(counted)",
            hint: "add '\(coder)' under 'coders:' in \(Project.fileName) if \(coder) is a coder; if the name is a slip\(slip), "
                + "move \(file) out of codings/ and code under the right name")
    }
}
