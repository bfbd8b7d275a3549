import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var coders: [String] = []
        var unreadable: [Diagnostic] = []
        var owners: [String] = []
        let folder = project.codingsURL.path
        var names: [String] = []
        if let directory = opendir(folder) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                names.append(name)
            }
            closedir(directory)
        } else if errno != ENOENT {
            // No folder is no logs; a folder that cannot be listed hides every log in it.
            let reason = errno == ENOTDIR ? "is a file, not a folder" : String(cString: strerror(errno))
            owners.append("codings/")
            unreadable.append(Diagnostic(file: project.display(project.codingsURL) + "/",
                                         message: "the folder of coding logs cannot be read: \(reason)",
                                         hint: "until it can be read, commands that read every coder stop here rather than leave them out"))
        }
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
