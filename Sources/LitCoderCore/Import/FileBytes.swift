import Dispatch
import Foundation

/// Reads whole files into byte arrays.
enum FileBytes {
    /// The file's bytes, read straight into one array: going through `Data` would hold a
    /// large export in memory twice.
    static func contents(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        // A folder has no bytes; a device (/dev/zero, /dev/urandom) has bytes without end.
        let kind = info.st_mode & S_IFMT
        guard kind != S_IFDIR, kind != S_IFCHR, kind != S_IFBLK else { return nil }
        guard info.st_size > 0 else {
            // A pipe or a /proc file reports size 0 yet has bytes to read.
            return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        }
        let size = Int(info.st_size)
        // Large files are read in a piece per core at once: what reading costs is copying out
        // of the page cache into fresh pages the kernel must first zero, and every core can do that.
        let pieces = size >= 8 << 20 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)) : 1
        // Filled by pread(2) directly: zero-filling 100 MB first would only be overwritten.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            nonisolated(unsafe) let target = base
            let done = UnsafeMutableBufferPointer<Int>.allocate(capacity: pieces)
            done.initialize(repeating: 0)
            defer { done.deallocate() }
            nonisolated(unsafe) let counts = done
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                let lower = size * piece / pieces
                let upper = size * (piece + 1) / pieces
                var read = 0
                while lower + read < upper {
                    let n = pread(fd, target + lower + read, upper - lower - read, off_t(lower + read))
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { break }
                    read += n
                }
                counts[piece] = read
            }
            // A file cut short while being read yields what was there, up to the first gap.
            var length = 0
            for piece in 0..<pieces {
                length += done[piece]
                if done[piece] < size * (piece + 1) / pieces - size * piece / pieces { break }
            }
            initialized = length
        }
        return bytes
    }
}
