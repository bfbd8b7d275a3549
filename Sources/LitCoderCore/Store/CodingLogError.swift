#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a log could not be opened or written.
public enum CodingLogError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, errno: Int32)
    /// A symbolic link whose target is gone: the log is somewhere litcoder cannot see.
    case danglingLink(path: String, target: String)
    /// A folder (or pipe, device …) where a log file should be.
    case notAFile(path: String, kind: String)
    case locked(path: String, holder: String?)
    case writeFailed(path: String, errno: Int32)
    /// One append of `events` events failed; the log was cut back, so none of them is in it.
    case appendFailed(path: String, errno: Int32, events: Int)
    /// An append failed and the log could not be cut back either: part of the batch may be in it.
    case appendUncertain(path: String, errno: Int32, events: Int)
    /// The unfinished last line could not be moved aside; the log is as it was.
    case setAsideFailed(path: String, errno: Int32)
    case closed(path: String)
    /// An event without the codebook hash it was made under cannot be attributed later.
    case missingCodebookHash(path: String)
    /// An event that does not belong in this log (`EventPlacement`): every reader would leave
    /// it out, so it is never written.
    case misplaced(path: String, problem: String)

    /// The log's path as messages show it.
    public var path: String {
        switch self {
        case .cannotOpen(let path, _), .danglingLink(let path, _), .notAFile(let path, _), .locked(let path, _),
             .writeFailed(let path, _), .appendFailed(let path, _, _), .appendUncertain(let path, _, _), .setAsideFailed(let path, _), .closed(let path),
             .missingCodebookHash(let path), .misplaced(let path, _):
            path
        }
    }

    /// What went wrong and what to do, without the path.
    public var problem: String {
        switch self {
        case .cannotOpen(let path, let e) where e == EACCES:
            "cannot open: \(Self.text(e)); give yourself read and write permission (chmod u+rw \(path))"
        case .cannotOpen(_, let e): "cannot open: \(Self.text(e))"
        case .danglingLink(_, let target):
            "is a symbolic link to \(target), which does not exist; restore the log there, or replace the link with the log file"
        case .notAFile(_, let kind):
            "is \(kind), not a log file; move it away and restore the log (git history may have it)"
        case .locked(_, let holder):
            "another litcoder is writing this log\(holder.map { " (\($0))" } ?? ""); waited 2 s; close it first, or code as another coder"
        case .writeFailed(_, let e): "write failed: \(Self.text(e)); nothing after the last saved event was recorded"
        case .appendFailed(_, let e, let events):
            "write failed: \(Self.text(e)); "
                + (events == 1 ? "the change was not saved" : "none of the \(events) changes was saved")
                + " (the log is as it was before)"
        case .appendUncertain(_, let e, let events):
            "write failed: \(Self.text(e)), and the log could not be cut back to its last saved event; "
                + (events == 1 ? "the change" : "some of the \(events) changes")
                + " may be in it, the rest is not: check with 'litcoder show' before trying again"
        case .setAsideFailed(_, let e):
            "cannot move its unfinished last line aside: \(Self.text(e)); nothing was changed or saved"
        case .closed: "the log is closed"
        case .missingCodebookHash:
            "refusing an event without its codebook hash; open the log with the codebook's hash"
        case .misplaced(_, let problem): "refusing \(problem); nothing was saved"
        }
    }

    public var description: String { "\(path): \(problem)" }

    private static func text(_ errno: Int32) -> String { String(cString: strerror(errno)) }
}
