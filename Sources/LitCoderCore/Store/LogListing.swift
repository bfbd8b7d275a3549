import Foundation

/// The logs in a project's `codings/` folder: the coders who have coded, and every log that
/// cannot be read, each as an error naming it.
///
/// A log that cannot be read is never left out in silence: agreement, status and exports
/// computed without a coder would look complete and be wrong.
public struct LogListing: Sendable {
    /// The coders whose log holds anything, sorted; the consensus log is not a coder.
    public var coders: [String]
    /// One error per `.jsonl` file in `codings/` that cannot be read (a folder, a dangling
    /// symbolic link, no read permission), the consensus log included.
    public var unreadable: [Diagnostic]
    /// Whose logs those are (`_consensus` for the consensus log), in the same order.
    public var unreadableOwners: [String]

    /// Reads the folder listing and looks at each log just enough to tell these apart.
    public init(project: Project) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: project.codingsURL.path)) ?? []
        var coders: [String] = []
        var unreadable: [Diagnostic] = []
        var owners: [String] = []
        for name in names.sorted() where name.hasSuffix(".jsonl") {
            let owner = String(name.dropLast(".jsonl".count))
            let url = project.logURL(coder: owner)
            switch LogFile.hasEvents(at: url.path) {
            case .success(let hasEvents):
                // An empty log (a failed import, a session opened and closed) does not make its owner a coder.
                if hasEvents, !owner.hasPrefix("_") { coders.append(owner) }
            case .failure(let error):
                owners.append(owner)
                unreadable.append(Diagnostic(
                    file: project.display(url), message: "the log cannot be read: \(error.problem)",
                    hint: "until it can be read, commands that read "
                        + (owner.hasPrefix("_") ? "the consensus" : "every coder") + " stop here rather than leave it out"))
            }
        }
        self.coders = coders.sorted()
        self.unreadable = unreadable
        unreadableOwners = owners
    }

    /// The coders, or the unreadable logs as one error when there are any.
    public func readableCoders() throws(DiagnosticList) -> [String] {
        guard unreadable.isEmpty else { throw DiagnosticList(unreadable) }
        return coders
    }
}
