import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a project keeps its log snapshots (`.litcoder-cache/CODER.snapshot`), and when a log
/// is long enough to have one.
///
/// A snapshot is derived data: what reading a log's first N bytes under one codebook gave (the
/// replayed state, the stale codings found, the problems reported), so that the next reader
/// checks those bytes against the hash it records and reads only what was appended since.
/// Deleting the folder is always safe: the next reader rebuilds what it needs from the logs.
/// Writing one is best effort: a folder that cannot be written costs speed, never a result.
public struct LogSnapshots: Sendable {
    /// The folder; it holds a `.gitignore` of `*`, so git never sees what is inside.
    public var folder: URL
    /// Logs shorter than this are read whole every time (default 4 MiB, about 18,000 events:
    /// a few hundredths of a second); `LITCODER_SNAPSHOT_MIN_BYTES` sets it (0: every log).
    public var minimumBytes: Int
    /// The build of litcoder that reads and writes them (`currentBuild`); nil: none is used.
    var build: UInt64?

    public static let defaultMinimumBytes = 4 << 20
    static let fileExtension = "snapshot"
    /// The first bytes of every snapshot: its format, version 2.
    static let magic = Array("litcoder log snapshot 2\n".utf8)
    /// The magic, then the build, the payload's length and the payload's checksum.
    static let headerSize = magic.count + 24

    public init(folder: URL, minimumBytes: Int? = nil) {
        self.init(folder: folder, minimumBytes: minimumBytes, build: Self.currentBuild)
    }

    init(folder: URL, minimumBytes: Int?, build: UInt64?) {
        self.folder = folder
        self.minimumBytes = minimumBytes ?? Self.minimumBytesFromEnvironment()
        self.build = build
    }

    /// This litcoder's build: a hash of its executable file's device, inode, size and time of
    /// last change; nil when it cannot be known.
    ///
    /// A snapshot is what one build made of a log. Another one (an upgrade, a rebuild, a
    /// teammate's litcoder writing through a synced folder) may word a problem, or judge a
    /// line, otherwise, and must not report what this one found: it reads the log whole once
    /// and writes its own snapshot.
    static let currentBuild: UInt64? = {
        #if os(Linux)
        let path = "/proc/self/exe"
        #else
        guard let path = Bundle.main.executablePath else { return nil }
        #endif
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        let changed = "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
        #else
        let changed = "\(info.st_ctimespec.tv_sec).\(info.st_ctimespec.tv_nsec)"
        #endif
        return XXHash64.hash(Array("\(info.st_dev) \(info.st_ino) \(info.st_size) \(changed)".utf8))
    }()

    static func minimumBytesFromEnvironment() -> Int {
        guard let text = ProcessInfo.processInfo.environment["LITCODER_SNAPSHOT_MIN_BYTES"], let value = Int(text),
              value >= 0 else { return defaultMinimumBytes }
        return value
    }

    func url(owner: String) -> URL { folder.appendingPathComponent("\(owner).\(Self.fileExtension)") }

    /// The file of `owner`'s snapshot when it is whole (magic, length and checksum agree), was
    /// written by this build and is no larger than `limit` bytes, with where its payload starts;
    /// nil otherwise.
    func payload(owner: String, limit: Int) -> (file: [UInt8], start: Int)? {
        guard let build else { return nil }
        let fd = open(url(owner: owner).path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        let header = Self.headerSize
        guard size >= header, size <= limit else { return nil }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, size - filled, off_t(filled)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            filled += n
        }
        let whole = bytes.withUnsafeBytes { raw -> Bool in
            guard raw.starts(with: Self.magic) else { return false }
            var reader = SnapshotReader(UnsafeRawBufferPointer(rebasing: raw[Self.magic.count...]))
            guard (try? reader.uint64()) == build, let length = try? reader.int(), length == size - header,
                  let checksum = try? reader.uint64() else { return false }
            return XXHash64.hash(UnsafeRawBufferPointer(rebasing: raw[header...])) == checksum
        }
        return whole ? (bytes, header) : nil
    }

    /// Writes `owner`'s snapshot whole or not at all, with `permissions`; any failure is
    /// ignored (the logs are the truth, and the next reader reads them whole).
    func save(owner: String, payload: [UInt8], permissions: mode_t) {
        guard let build else { return }
        // Only a folder this call made, holding nothing but its `.gitignore` after a failed write
        // (a full disk), is taken away again. Whatever else has the name (a link to a folder not
        // mounted now, a file) is the user's: mkdir(2) fails on it, so does the write, and it
        // stays as it was. (FileManager's fileExists follows links: a dangling one looked like
        // no folder, so it was judged made here and removed.)
        let ignore = folder.appendingPathComponent(".gitignore")
        let created = mkdir(folder.path, 0o777) == 0
        guard created || errno == EEXIST else { return }
        do {
            if !FileManager.default.fileExists(atPath: ignore.path) {
                try? AtomicFile.create(ignore, with: Array(
                    "# Log snapshots: rebuildable from codings/, safe to delete, never committed.\n*\n".utf8))
            }
            try AtomicFile.replace(url(owner: owner), with: Self.file(payload: payload, build: build), permissions: permissions)
        } catch {
            // Another reader may have written its snapshot here meanwhile: that one stays.
            if created, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
               names.allSatisfy({ $0 == ".gitignore" }) {
                unlink(ignore.path)
                rmdir(folder.path)
            }
        }
    }

    /// A snapshot file: the header (`headerSize` bytes), then `payload`.
    static func file(payload: [UInt8], build: UInt64) -> [UInt8] {
        var file = magic
        withUnsafeBytes(of: build.littleEndian) { file.append(contentsOf: $0) }
        withUnsafeBytes(of: Int64(payload.count).littleEndian) { file.append(contentsOf: $0) }
        withUnsafeBytes(of: XXHash64.hash(payload).littleEndian) { file.append(contentsOf: $0) }
        return file + payload
    }
}
