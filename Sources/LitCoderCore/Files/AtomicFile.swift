import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file all at once: a reader, or a crash, sees the old file (or none) or the new
/// one, never a mixture, and a full disk never leaves half a file under the real name.
///
/// The new bytes go to a temporary file in the same folder (a rename is atomic only within one
/// file system), which is fsync'd, moved into place, and then the folder is fsync'd so the
/// move itself survives a power cut. The C equivalent is the classic `open(O_EXCL)`, `write`,
/// `fsync`, `rename`, `fsync(dirfd)` sequence. `replace` moves with `rename(2)`, over whatever
/// file is there; `create` moves with `link(2)`, which fails when the name is taken, so the
/// check and the move are one step and a file that appears meanwhile is never clobbered.
public enum AtomicFile {
    /// What to do when a file already has the name.
    public enum Existing: Sendable {
        /// Replace it, keeping its permissions.
        case replace
        /// Leave it and fail with `AtomicFileError.exists` (no clobbering).
        case refuse
    }

    /// Writes `data` (a `Data`, a `[UInt8]` …) to `url`, replacing any file there; keeps an
    /// existing file's permissions unless `permissions` are given.
    public static func replace(_ url: URL, with data: some ContiguousBytes, permissions: mode_t? = nil) throws {
        try write(url, existing: .replace, permissions: permissions) { write in try data.withUnsafeBytes { try write($0) } }
    }

    /// Replaces `url` with the bytes `produce` hands, piece by piece, to the function it is
    /// given, so a large file need never be whole in memory.
    public static func replace(_ url: URL,
                               streaming produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        try write(url, existing: .replace, streaming: produce)
    }

    /// Writes `data` to `url` only if no file has that name; else `AtomicFileError.exists`.
    public static func create(_ url: URL, with data: some ContiguousBytes) throws {
        try write(url, existing: .refuse) { write in try data.withUnsafeBytes { try write($0) } }
    }

    /// Writes the bytes `produce` hands to `url`; `existing` says whether a file already there
    /// is replaced or kept (with an error); the new file has `permissions`, else those of the
    /// file it replaces, else 0644. Throws `AtomicFileError`, or what `produce` throws; either
    /// way the old file stays and the partial new one is removed.
    public static func write(_ url: URL, existing: Existing, permissions: mode_t? = nil,
                             streaming produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        let target = url.path
        var current = stat()
        let exists = stat(target, &current) == 0
        if exists, current.st_mode & S_IFMT == S_IFDIR { throw AtomicFileError.isFolder(path: target) }
        if exists, existing == .refuse { throw AtomicFileError.exists(path: target) }
        removeAbandonedTemporaries(of: url)
        let temporary = folder.appendingPathComponent(
            "\(temporaryPrefix(of: url))\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let mode: mode_t = permissions ?? (exists ? current.st_mode & 0o7777 : 0o644)

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw AtomicFileError.systemCall(operation: "create a temporary file in", path: folder.path, errno: errno) }
        // Whatever happens below, the temporary file must not be left behind next to the user's data.
        defer { unlink(temporary) }
        do {
            var written = 0
            var flushed = 0
            try produce { bytes in
                let failure = DurableFile.writeAll(fd, bytes)
                guard failure == 0 else { throw AtomicFileError.systemCall(operation: "write", path: target, errno: failure) }
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
            guard fsync(fd) == 0 else { throw AtomicFileError.systemCall(operation: "fsync", path: target, errno: errno) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw AtomicFileError.systemCall(operation: "close", path: target, errno: errno) }
        switch existing {
        case .replace:
            guard rename(temporary, target) == 0 else {
                throw AtomicFileError.systemCall(operation: "rename a temporary file onto", path: target, errno: errno)
            }
        case .refuse:
            // The temporary name is unlinked on the way out; the target keeps the bytes.
            guard link(temporary, target) == 0 else {
                if errno == EEXIST { throw AtomicFileError.exists(path: target) }
                throw AtomicFileError.systemCall(operation: "link a temporary file to", path: target, errno: errno)
            }
        }
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

    /// Makes a rename in `path` durable.
    private static func syncFolder(_ path: String) throws(AtomicFileError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFileError.systemCall(operation: "open the folder", path: path, errno: errno) }
        defer { close(fd) }
        // Some file systems refuse fsync on a directory (EINVAL); the rename is then as durable as they allow.
        if fsync(fd) != 0 && errno != EINVAL {
            throw AtomicFileError.systemCall(operation: "fsync the folder", path: path, errno: errno)
        }
    }
}

/// Why a file could not be written; the file that had the name, if any, is untouched.
public enum AtomicFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file has the name and the write was asked not to replace it.
    case exists(path: String)
    /// The name is a folder's.
    case isFolder(path: String)
    /// A system call failed, with its errno (`open`, `write`, `fsync`, `rename` …).
    case systemCall(operation: String, path: String, errno: Int32)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) already exists; nothing was written"
        case .isFolder(let path): "\(path) is a folder; nothing was written"
        case .systemCall(let operation, let path, let errno):
            "cannot \(operation) \(path): \(String(cString: strerror(errno))); the existing file, if any, is unchanged"
        }
    }
}
