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
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
        guard info.st_size > 0 else {
            // A pipe or a /proc file reports size 0 yet has bytes to read.
            return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        }
        let size = Int(info.st_size)
        // Filled by read(2) directly: zero-filling 100 MB first would only be overwritten.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size, let base = buffer.baseAddress {
                let n = read(fd, base + done, size - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            // A file cut short while being read yields what was there.
            initialized = done
        }
        return bytes
    }
}
