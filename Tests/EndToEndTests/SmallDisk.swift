import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs mounted for one test, to meet a really full disk (ENOSPC) or a read-only one
/// (EROFS). Mounting needs root (CAP_SYS_ADMIN); tests check `SmallDisk.canMount` and are
/// skipped, with a note saying why, where it cannot be done.
final class SmallDisk {
    let url: URL
    private let holder: ScratchFolder
    private var filler: URL { url.appendingPathComponent(".filler") }

    /// Whether a tmpfs can be mounted here (tried once).
    static let canMount: Bool = {
        guard let disk = try? SmallDisk(kilobytes: 64) else { return false }
        return disk.mounted
    }()

    private var mounted = false

    init(kilobytes: Int) throws {
        holder = try ScratchFolder("disk")
        url = holder.url.appendingPathComponent("mnt")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        mounted = mount("tmpfs", url.path, "tmpfs", 0, "size=\(kilobytes)k,mode=0755") == 0
        if !mounted { throw SmallDiskError(reason: "mount: \(String(cString: strerror(errno)))") }
    }

    deinit {
        if mounted { umount2(url.path, Int32(MNT_DETACH)) }
    }

    /// Fills every free byte with a hidden file, so the next write that needs room fails.
    func fill() throws {
        let fd = open(filler.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw SmallDiskError(reason: "cannot create the filler") }
        defer { close(fd) }
        let block = [UInt8](repeating: 0x2E, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        _ = write(fd, block, 1)
        var info = statvfs()
        statvfs(url.path, &info)
        guard info.f_bavail == 0 else { throw SmallDiskError(reason: "the disk is not full: \(info.f_bavail) blocks free") }
    }

    /// Makes room again.
    func free() { unlink(filler.path) }

    /// Makes the whole disk read-only.
    func makeReadOnly() throws {
        guard mount(nil, url.path, nil, UInt(MS_REMOUNT | MS_RDONLY), nil) == 0 else {
            throw SmallDiskError(reason: "remount read-only: \(String(cString: strerror(errno)))")
        }
    }

    /// Grows `relative` with a line of spaces (which a log reader skips) to a whole number of
    /// pages, so that the next append needs a new page: on a full tmpfs, bytes that still fit in
    /// a file's last page are written without complaint.
    func padToPage(_ relative: String) throws {
        let path = url.appendingPathComponent(relative).path
        var info = stat()
        guard stat(path, &info) == 0 else { throw SmallDiskError(reason: "no \(relative)") }
        let size = Int(info.st_size)
        var pad = (4096 - size % 4096) % 4096
        if pad == 1 { pad += 4096 }  // room for at least one space and the newline
        guard pad > 0 else { return }
        let line = [UInt8](repeating: 0x20, count: pad - 1) + [0x0A]
        let fd = open(path, O_WRONLY | O_APPEND)
        defer { close(fd) }
        guard line.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == pad else {
            throw SmallDiskError(reason: "cannot pad \(relative)")
        }
    }
}

struct SmallDiskError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
