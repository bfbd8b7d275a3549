#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a log could not be opened or written.
public enum CodingLogError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, errno: Int32)
    case locked(path: String, holder: String?)
    case writeFailed(path: String, errno: Int32)
    case closed(path: String)
    /// An event without the codebook hash it was made under cannot be attributed later.
    case missingCodebookHash(path: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let e): "\(path): cannot open: \(String(cString: strerror(e)))"
        case .locked(let path, let holder):
            "\(path): another litcoder is writing this log\(holder.map { " (\($0))" } ?? ""); waited 2 s; close it first, or code as another coder"
        case .writeFailed(let path, let e): "\(path): write failed: \(String(cString: strerror(e))); nothing after the last saved event was recorded"
        case .closed(let path): "\(path): the log is closed"
        case .missingCodebookHash(let path):
            "\(path): refusing an event without its codebook hash; open the log with the codebook's hash"
        }
    }
}
