import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where an export goes: a file written atomically, or standard output (`-o -`).
///
/// A file is written whole to a temporary file beside it, flushed to disk, then moved into
/// place, so a crash or a full disk never leaves half an export under the real name. An
/// existing file is replaced only with `--force`; without it the check and the move are one
/// step (`link(2)` fails when the name is taken), so a file that appears meanwhile is safe too.
public enum OutputFile: Hashable, Sendable {
    case standardOutput
    case file(URL)

    /// `-` is standard output; anything else a path.
    public init(argument: String) {
        self = argument == "-" ? .standardOutput : .file(URL(fileURLWithPath: argument))
    }

    /// Writes `bytes`, replacing an existing file only when `overwrite` is true.
    public func write(_ bytes: [UInt8], overwrite: Bool) throws(OutputFileError) {
        switch self {
        case .standardOutput:
            try Self.writeAll(bytes, to: STDOUT_FILENO, path: "standard output")
        case .file(let url):
            try Self.writeAtomically(bytes, to: url, overwrite: overwrite)
        }
    }

    private static func writeAtomically(_ bytes: [UInt8], to url: URL, overwrite: Bool) throws(OutputFileError) {
        let path = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .isDirectory(path: path) }
            if !overwrite { throw .exists(path: path) }
        }
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        do throws(OutputFileError) {
            try writeAll(bytes, to: fd, path: path)
            guard fsync(fd) == 0 else { throw OutputFileError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        if overwrite {
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
        } else {
            let linked = link(temporary, path)
            let linkErrno = errno
            unlink(temporary)
            if linked != 0 {
                if linkErrno == EEXIST { throw .exists(path: path) }
                throw .cannotWrite(path: path, reason: String(cString: strerror(linkErrno)))
            }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(OutputFileError) {
        var failure: OutputFileError?
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .cannotWrite(path: path, reason: String(cString: strerror(errno)))
                    return
                }
                offset += n
            }
        }
        if let failure { throw failure }
    }
}

/// Why an export could not be written.
public enum OutputFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case exists(path: String)
    case isDirectory(path: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) already exists; pass --force to replace it, or choose another name with -o"
        case .isDirectory(let path): "\(path) is a folder; give a file name with -o"
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason); nothing was written"
        }
    }
}
