import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves a log's unfinished last line to `CODER.jsonl.torn-TIMESTAMP` before the writer
/// appends, in steps that a kill or a full disk at any point leaves harmless.
///
/// 1. The torn bytes are read from the log.
/// 2. If an earlier attempt already copied exactly these bytes (a writer killed between the
///    copy and the cut), that copy is kept and no second one is made.
/// 3. Otherwise they are written to a hidden temporary file, synced, and only then linked
///    under the `.torn-` name (`DurableFile.createUnique`): no empty or half copy appears,
///    even when the disk is full.
/// 4. Only then is the log cut back to its last complete line, and synced.
///
/// A failure at any step throws `setAsideFailed` and leaves the log as it was.
enum TornTailMove {
    /// The name every copy of `log`'s torn tails starts with.
    static func stem(of log: URL) -> String { log.lastPathComponent + ".torn" }

    /// Sets the torn tail aside; returns where its bytes are now.
    static func setAside(_ torn: LogScanner.TornTail, descriptor: Int32, url: URL,
                         displayPath: String) throws(CodingLogError) -> URL {
        let bytes = try read(torn, descriptor: descriptor, displayPath: displayPath)
        let aside: URL
        if let earlier = existingCopy(of: bytes, beside: url) {
            aside = earlier
        } else {
            do {
                aside = try DurableFile.createUnique(base: url.path + ".torn-" + Timestamp.fileNameSafeNow(),
                                                     stem: stem(of: url), contents: bytes)
            } catch {
                throw .setAsideFailed(path: displayPath, errno: error.errno)
            }
        }
        // Only once the copy is on disk may the log lose those bytes.
        var failure = DurableFile.truncate(descriptor, to: torn.offset)
        if failure == 0 { failure = DurableFile.sync(descriptor) }
        guard failure == 0 else { throw .setAsideFailed(path: displayPath, errno: failure) }
        return aside
    }

    private static func read(_ torn: LogScanner.TornTail, descriptor: Int32,
                             displayPath: String) throws(CodingLogError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: torn.length)
        var done = 0
        while done < torn.length {
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(descriptor, base + done, torn.length - done, off_t(torn.offset + done))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw .setAsideFailed(path: displayPath, errno: n < 0 ? errno : EIO) }
            done += n
        }
        return bytes
    }

    /// A `.torn-` file beside the log holding exactly `bytes`, if an earlier attempt made one.
    private static func existingCopy(of bytes: [UInt8], beside log: URL) -> URL? {
        let folder = log.deletingLastPathComponent()
        let prefix = stem(of: log) + "-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        for name in names.sorted() where name.hasPrefix(prefix) {
            let candidate = folder.appendingPathComponent(name)
            var info = stat()
            // Compare sizes first: reading every old copy would make each move cost them all.
            guard stat(candidate.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count,
                  let data = FileManager.default.contents(atPath: candidate.path), data.elementsEqual(bytes) else { continue }
            return candidate
        }
        return nil
    }
}
