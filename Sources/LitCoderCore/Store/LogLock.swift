import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The advisory lock that makes one process at a time the writer of a log.
///
/// The lock itself is `flock(2)` on the log's descriptor (the corresponding C call is
/// `flock(fd, LOCK_EX)`), so the kernel releases it when the writer exits, however it exits.
/// Beside it the holder writes a small sidecar, `CODER.jsonl.lock` (pid, host, command, start
/// time), purely so that a process kept waiting can say who holds the lock; on Linux the holder's
/// pid is also read from `/proc/locks`, which cannot be stale.
struct LogLock {
    let logPath: String
    var sidecarPath: String { logPath + ".lock" }

    /// Takes the lock on `descriptor`, polling until `timeout`; throws `.locked` naming the holder.
    func acquire(descriptor: Int32, timeout: Duration, displayPath: String) throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            if error == EINTR { continue }
            guard error == EWOULDBLOCK else { throw CodingLogError.cannotOpen(path: displayPath, errno: error) }
            if clock.now >= deadline {
                throw CodingLogError.locked(path: displayPath, holder: holderDescription(descriptor: descriptor))
            }
            usleep(20_000)
        }
        writeSidecar()
    }

    /// Removes the sidecar; called while the lock is still held, so it never removes a successor's.
    func releaseSidecar() {
        unlink(sidecarPath)
    }

    private func writeSidecar() {
        let info = ProcessInfo.processInfo
        let command = CommandLine.arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        let text = "pid: \(getpid())\nhost: \(info.hostName)\ncommand: \(command)\nstarted: \(Timestamp.now())\n"
        // Written in place: it is informational only, and a torn sidecar merely reads as unknown.
        let fd = open(sidecarPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }

    /// "pid 123 `litcoder code --coder alice` on host lab-1 since 2026-…", or what is known of it.
    func holderDescription(descriptor: Int32) -> String? {
        let sidecar = readSidecar()
        let kernelPid = Self.flockHolderPid(descriptor: descriptor)
        guard let pid = kernelPid ?? sidecar["pid"].flatMap(Int32.init) else { return nil }
        var parts = ["pid \(pid)"]
        let sidecarIsCurrent = sidecar["pid"] == String(pid)
        if let command = Self.commandLine(pid: pid) ?? (sidecarIsCurrent ? sidecar["command"] : nil) {
            parts.append("'\(command)'")
        }
        if sidecarIsCurrent {
            if let host = sidecar["host"] { parts.append("on host \(host)") }
            if let started = sidecar["started"] { parts.append("since \(started)") }
        }
        return parts.joined(separator: " ")
    }

    private func readSidecar() -> [String: String] {
        guard let text = try? String(contentsOfFile: sidecarPath, encoding: .utf8) else { return [:] }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { fields[key] = value }
        }
        return fields
    }

    /// The pid holding a FLOCK on the same inode, from `/proc/locks` (Linux only).
    ///
    /// A line reads `1: FLOCK  ADVISORY  WRITE 4242 08:01:131090 0 EOF`; waiting requests
    /// are marked `->` and skipped. The device is compared when it matches, but the inode alone
    /// decides, because overlay file systems report a different device to `stat` than to the lock.
    static func flockHolderPid(descriptor: Int32) -> Int32? {
        var info = stat()
        guard fstat(descriptor, &info) == 0,
              let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        let inode = String(info.st_ino)
        var candidate: Int32?
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", fields[3] == "WRITE" else { continue }
            let location = fields[5].split(separator: ":")
            guard location.count == 3, location[2] == inode, let pid = Int32(fields[4]) else { continue }
            if pid == getpid() && candidate != nil { continue }
            candidate = pid
        }
        return candidate
    }

    /// The command line of a running process, from `/proc/PID/cmdline` (Linux only).
    static func commandLine(pid: Int32) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
        let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard var first = words.first else { return nil }
        first = (first as NSString).lastPathComponent
        return ([first] + words.dropFirst().map { $0.contains(" ") ? "'\($0)'" : $0 }).joined(separator: " ")
    }
}
