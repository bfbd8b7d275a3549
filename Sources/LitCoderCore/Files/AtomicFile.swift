import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file's contents all at once: a reader, or a crash, sees the old file or the new
/// one, never a mixture.
///
/// The new bytes go to a temporary file in the same folder (a rename is atomic only within one
/// file system), which is fsync'd, renamed over the target, and then the folder is fsync'd so
/// the rename itself survives a power cut. The C equivalent is the classic
/// `open(O_EXCL)`, `write`, `fsync`, `rename`, `fsync(dirfd)` sequence.
public enum AtomicFile {
    /// Writes `data` (a `Data`, a `[UInt8]` …) to `url`, replacing any file there; keeps an
    /// existing file's permissions.
    public static func replace(_ url: URL, with data: some ContiguousBytes) throws {
        try replace(url) { write in try data.withUnsafeBytes { try write($0) } }
    }

    /// Replaces `url` with the bytes `produce` hands, piece by piece, to the function it is
    /// given, so a large file need never be whole in memory. If `produce` throws, the old file
    /// stays and the partial new one is removed.
    public static func replace(_ url: URL,
                               streaming produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        let target = url.path
        removeAbandonedTemporaries(of: url)
        let temporary = folder.appendingPathComponent(
            "\(temporaryPrefix(of: url))\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        var existing = stat()
        let mode: mode_t = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw AtomicFileError(operation: "create a temporary file in", path: folder.path, errno: errno) }
        var renamed = false
        // Whatever fails below, the temporary file must not be left behind next to the user's data.
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            var written = 0
            var flushed = 0
            try produce { bytes in
                try writeAll(bytes, to: fd, path: temporary)
                written += bytes.count
                // Large files: start writing back what is written so far, so the final fsync
                // has little left to wait for (a 100 MB corpus: about half its time).
                if written - flushed >= earlyWritebackSize {
                    startWriteback(fd, from: flushed, count: written - flushed)
                    flushed = written
                }
            }
            // open() applied the umask; set the intended mode explicitly.
            _ = fchmod(fd, mode)
            guard fsync(fd) == 0 else { throw AtomicFileError(operation: "fsync", path: temporary, errno: errno) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw AtomicFileError(operation: "close", path: temporary, errno: errno) }
        guard rename(temporary, target) == 0 else {
            throw AtomicFileError(operation: "rename a temporary file onto", path: target, errno: errno)
        }
        renamed = true
        try syncFolder(folder.path)
    }

    /// How much written data makes `replace` start its writeback before the final fsync.
    static let earlyWritebackSize = 8 << 20

    /// Asks the kernel to start writing `count` bytes from `offset` to disk without waiting:
    /// Linux's `sync_file_range(fd, offset, count, SYNC_FILE_RANGE_WRITE)`. Durability still
    /// comes from the fsync after; this only moves the work earlier. Elsewhere, nothing.
    private static func startWriteback(_ fd: Int32, from offset: Int, count: Int) {
        #if os(Linux)
        if let syncFileRange { _ = syncFileRange(fd, Int64(offset), Int64(count), 2) }  // 2: SYNC_FILE_RANGE_WRITE
        #endif
    }

    #if os(Linux)
    /// `sync_file_range`, looked up at run time: Glibc's Swift module does not export it.
    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    }()
    #endif

    /// `.NAME.tmp-`: temporary files for `url` are `.NAME.tmp-PID-RANDOM`, hidden beside it.
    static func temporaryPrefix(of url: URL) -> String { ".\(url.lastPathComponent).tmp-" }

    /// Deletes temporary files a killed writer left beside `url`: those whose process is gone.
    ///
    /// A writer killed between creating its temporary file and renaming it cannot clean up;
    /// the next write does. A file whose process still runs may be another writer's, so it stays.
    static func removeAbandonedTemporaries(of url: URL) {
        let prefix = temporaryPrefix(of: url)
        let folder = url.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            // kill(pid, 0) sends nothing; ESRCH means no such process.
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError(operation: "write", path: path, errno: errno)
            }
            offset += n
        }
    }

    /// Makes a rename in `path` durable.
    private static func syncFolder(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFileError(operation: "open the folder", path: path, errno: errno) }
        defer { close(fd) }
        // Some file systems refuse fsync on a directory (EINVAL); the rename is then as durable as they allow.
        if fsync(fd) != 0 && errno != EINVAL {
            throw AtomicFileError(operation: "fsync the folder", path: path, errno: errno)
        }
    }
}

/// Why a file could not be replaced; the old file, if any, is untouched.
public struct AtomicFileError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var errno: Int32

    public init(operation: String, path: String, errno: Int32) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    public var description: String {
        "cannot \(operation) \(path): \(String(cString: strerror(errno))); the existing file is unchanged"
    }
}
