import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes bytes to standard output whole, reporting a failure instead of trapping.
///
/// `FileHandle.standardOutput.write` raises on a full disk or a closed pipe, which a Swift
/// program cannot catch; this retries short writes and EINTR and throws the errno instead.
public enum StandardOutput {
    public static func write(_ bytes: some ContiguousBytes) throws(StandardOutputError) {
        let failure = bytes.withUnsafeBytes { DurableFile.writeAll(STDOUT_FILENO, $0) }
        if failure != 0 { throw StandardOutputError(errno: failure) }
    }
}

/// Why standard output took not all of the bytes: `EPIPE` (the reader went away), `ENOSPC` …
public struct StandardOutputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var errno: Int32

    public init(errno: Int32) { self.errno = errno }

    /// The reader closed the pipe (`litcoder … | head -1`): not worth an error message.
    public var isClosedPipe: Bool { errno == EPIPE }

    public var description: String { "cannot write to standard output: \(String(cString: strerror(errno)))" }
}
