import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The few system calls that make bytes durable: full writes, fsync of files and folders,
/// cutting a file back, and creating a file under a new name only once it is whole.
///
/// Every store write goes through here, so tests can make any of these calls fail the way a
/// full disk (ENOSPC), a failing disk (EIO) or a read-only folder (EROFS) does
/// (`DurableFile.inject(_:)`), without a disk that really fails.
enum DurableFile {
    /// Writes every byte, retrying short writes and EINTR; 0 on success, else the errno.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            if let error = injectedFault(.write, descriptor: descriptor) {
                // A failing disk may take part of a write before it fails: the caller must cope.
                if offset == 0, bytes.count > 1 { _ = write(descriptor, base, bytes.count / 2) }
                return error
            }
            let n = write(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    /// `fsync(2)`: 0 on success, else the errno.
    static func sync(_ descriptor: Int32) -> Int32 {
        if let error = injectedFault(.sync, descriptor: descriptor) { return error }
        return fsync(descriptor) == 0 ? 0 : errno
    }

    /// `ftruncate(2)` to `length` bytes: 0 on success, else the errno.
    static func truncate(_ descriptor: Int32, to length: Int) -> Int32 {
        if let error = injectedFault(.truncate, descriptor: descriptor) { return error }
        return ftruncate(descriptor, off_t(length)) == 0 ? 0 : errno
    }

    /// fsync of a folder, so that a file created or renamed in it survives a power cut.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Creates `base` (or `base-2`, `base-3` … when taken) holding `contents`, synced to disk.
    ///
    /// The bytes go to a hidden temporary file first (`.STEM.tmp-PID`, `stem` being the part of
    /// the name every such file shares), which is synced and
    /// then linked under the final name: a full disk or a kill never leaves an empty or half
    /// written file under that name, and `link(2)` fails rather than replace a file that is
    /// there. A temporary file a killed process left is removed by the next call.
    static func createUnique(base: String, stem: String, contents: [UInt8]) throws(DurableFileError) -> URL {
        let folder = (base as NSString).deletingLastPathComponent
        let temporaryPrefix = ".\(stem).tmp-"
        removeAbandonedTemporaries(in: folder, prefix: temporaryPrefix)
        let temporary = folder + "/" + temporaryPrefix + "\(getpid())"
        unlink(temporary)
        if let error = injectedFault(.create, path: temporary) { throw DurableFileError(errno: error) }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DurableFileError(errno: errno) }
        var failure = contents.withUnsafeBytes { writeAll(fd, $0) }
        if failure == 0 { failure = sync(fd) }
        close(fd)
        guard failure == 0 else {
            unlink(temporary)
            throw DurableFileError(errno: failure)
        }
        defer { unlink(temporary) }
        var attempt = 1
        while true {
            let path = attempt == 1 ? base : "\(base)-\(attempt)"
            if let error = injectedFault(.create, path: path) { throw DurableFileError(errno: error) }
            if link(temporary, path) == 0 {
                syncDirectory(folder)
                return URL(fileURLWithPath: path)
            }
            guard errno == EEXIST else { throw DurableFileError(errno: errno) }
            attempt += 1
        }
    }

    /// Deletes `PREFIX-PID` files whose process is gone: what a writer killed mid-way leaves.
    private static func removeAbandonedTemporaries(in folder: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            // kill(pid, 0) sends nothing; ESRCH means no such process.
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    // MARK: Injected faults (tests)

    /// A system call that can be made to fail.
    enum Call: Sendable, Hashable {
        case write, sync, truncate, create
    }

    /// Makes calls on files under `pathPrefix` fail with `errno`: `call`, after `skipping`
    /// successful ones, `times` times (nil: every time from then on).
    struct Fault: Sendable {
        var call: Call
        var errno: Int32
        var pathPrefix: String
        var skipping = 0
        var times: Int? = 1
    }

    private static let faults = Mutex<[Fault]>([])

    /// Arms a fault; `removeFaults(under:)` disarms it.
    static func inject(_ fault: Fault) {
        faults.withLock { $0.append(fault) }
    }

    /// Disarms every fault on files under `pathPrefix`.
    static func removeFaults(under pathPrefix: String) {
        faults.withLock { $0.removeAll { $0.pathPrefix == pathPrefix } }
    }

    private static func injectedFault(_ call: Call, descriptor: Int32) -> Int32? {
        // The common case, no fault armed, costs one lock and no path lookup.
        guard faults.withLock({ !$0.isEmpty }) else { return nil }
        return injectedFault(call, path: path(of: descriptor))
    }

    private static func injectedFault(_ call: Call, path: String?) -> Int32? {
        guard let path else { return nil }
        return faults.withLock { faults -> Int32? in
            guard let index = faults.firstIndex(where: { $0.call == call && path.hasPrefix($0.pathPrefix) }) else { return nil }
            if faults[index].skipping > 0 {
                faults[index].skipping -= 1
                return nil
            }
            let error = faults[index].errno
            if let times = faults[index].times {
                if times <= 1 { faults.remove(at: index) } else { faults[index].times = times - 1 }
            }
            return error
        }
    }

    /// The path an open descriptor refers to (Linux's `/proc/self/fd`); nil elsewhere.
    private static func path(of descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A store system call failed with `errno`.
struct DurableFileError: Error {
    var errno: Int32
}
