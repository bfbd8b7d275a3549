import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a log's path, told apart so that a log litcoder cannot read is an error naming
/// it, never a coder silently left out.
///
/// A merge gone wrong or a sync tool can leave a folder, a dangling symbolic link or a file
/// without read permission where `codings/CODER.jsonl` should be; each is reported with what
/// to do about it. The corresponding C calls are `lstat(2)` and `stat(2)`.
enum LogFile {
    /// The kind of thing found at a log's path.
    enum Kind: Equatable {
        /// Nothing there: the coder has not coded yet.
        case missing
        /// A regular file (possibly reached through a symbolic link).
        case file
        /// A symbolic link whose target does not exist.
        case danglingLink(target: String)
        /// A folder, a device, a pipe or a socket: nothing a log can be.
        case notAFile(kind: String)
    }

    /// What is at `path`, following symbolic links (but telling a dangling one apart).
    static func kind(at path: String) -> Kind {
        var info = stat()
        if stat(path, &info) == 0 {
            return isRegular(info) ? .file : .notAFile(kind: describe(info))
        }
        let error = errno
        var linkInfo = stat()
        if error == ENOENT, lstat(path, &linkInfo) == 0, linkInfo.st_mode & S_IFMT == S_IFLNK {
            return .danglingLink(target: linkTarget(path) ?? "?")
        }
        // Other errors (a loop of links, no permission on the folder) surface when it is opened.
        return error == ENOENT || error == ENOTDIR ? .missing : .file
    }

    /// Whether an open descriptor is a regular file.
    static func isRegular(descriptor: Int32) -> (Bool, String) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return (true, "file") }
        return (isRegular(info), describe(info))
    }

    private static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

    private static func describe(_ info: stat) -> String {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFREG: "a file"
        default: "not a regular file"
        }
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether a readable log holds anything but whitespace, reading only until it knows; nil
    /// with the reason when it cannot be read.
    static func hasEvents(at path: String) -> Result<Bool, CodingLogError> {
        switch kind(at: path) {
        case .missing: return .success(false)
        case .danglingLink(let target): return .failure(.danglingLink(path: path, target: target))
        case .notAFile(let kind): return .failure(.notAFile(path: path, kind: kind))
        case .file: break
        }
        // O_NONBLOCK: a path swapped for a pipe after the check must not hang the command.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.cannotOpen(path: path, errno: errno)) }
        defer { close(fd) }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotOpen(path: path, errno: errno))
            }
            if n == 0 { return .success(false) }
            if chunk[0..<n].contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) { return .success(true) }
        }
    }
}
