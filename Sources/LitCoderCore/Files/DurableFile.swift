import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls that make bytes durable: full writes, fsync of files and folders.
enum DurableFile {
    /// Writes every byte, retrying short writes and EINTR; 0 on success, else the errno.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            let n = write(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    /// fsync of a folder, so that a file created or renamed in it survives a power cut.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Creates `base` (or `base-2`, `base-3` … when taken) holding `contents`, synced to disk.
    static func createUnique(base: String, contents: [UInt8], displayPath: String) throws -> URL {
        var attempt = 1
        while true {
            let path = attempt == 1 ? base : "\(base)-\(attempt)"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { attempt += 1; continue }
                throw CodingLogError.writeFailed(path: displayPath, errno: errno)
            }
            let failure = contents.withUnsafeBytes { writeAll(fd, $0) }
            let synced = fsync(fd) == 0
            close(fd)
            guard failure == 0, synced else { throw CodingLogError.writeFailed(path: displayPath, errno: failure != 0 ? failure : EIO) }
            syncDirectory((path as NSString).deletingLastPathComponent)
            return URL(fileURLWithPath: path)
        }
    }
}
