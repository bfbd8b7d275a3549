import Foundation

/// The built `litcoder` in tmux on a project: time from launch to the first frame, and from
/// SIGTERM (idle, and while waiting for an editor that ignores it) or a closed terminal
/// (tmux kills the pane: SIGHUP) to the end of the process.
struct EndToEndSignals {
    let project: URL
    /// A tmux server of its own for each measurement (a server still shutting down refuses
    /// a new session under its name).
    private var socket = "litcoder-bench-\(getpid())"

    init(project: URL) { self.project = project }

    mutating func run() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("litcoder")
        guard FileManager.default.isExecutableFile(atPath: binary.path), shell(["tmux", "-V"]) != nil else {
            print("end to end: skipped (needs tmux and the litcoder binary beside this one)")
            return
        }
        let editor = project.appendingPathComponent("slow-editor.sh")
        try "#!/bin/sh\ntrap '' TERM\nsleep 20\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        print("end to end in tmux (\(binary.lastPathComponent) code --paper huge, TERM=xterm-256color):")
        for (number, ending) in ["SIGTERM", "SIGTERM in the editor", "terminal closed"].enumerated() {
            socket = "litcoder-bench-\(getpid())-\(number)"
            defer { _ = shell(["tmux", "-L", socket, "kill-server"]) }
            let command = "env TERM=xterm-256color LANG=C.UTF-8 EDITOR=\(editor.path) VISUAL= \(binary.path) code --project \(project.path) --coder alice --paper huge; sleep 60"
            let clock = ContinuousClock()
            let launched = clock.now
            _ = shell(["tmux", "-L", socket, "new-session", "-d", "-s", "w", "-x", "120", "-y", "40", command])
            guard waitFor("huge · 2024", seconds: 30) else {
                let screen = shell(["tmux", "-L", socket, "capture-pane", "-p", "-t", "w"]) ?? "(no screen)"
                print("  \(ending): the workbench did not show its first frame; the screen:\n\(screen)")
                return
            }
            let firstFrame = clock.now - launched
            guard let pid = workbenchPID() else { return }
            if ending == "SIGTERM in the editor" {
                _ = shell(["tmux", "-L", socket, "send-keys", "-t", "w", "E"])
                Thread.sleep(forTimeInterval: 0.5)
            }
            let signalled = clock.now
            if ending == "terminal closed" {
                _ = shell(["tmux", "-L", socket, "kill-session", "-t", "w"])
            } else {
                kill(pid, SIGTERM)
            }
            while isRunning(pid), clock.now - signalled < .seconds(10) { Thread.sleep(forTimeInterval: 0.002) }
            print("  \(ending): first frame \(format(firstFrame)) s after launch (corpus loading included); "
                  + "ended \(format(clock.now - signalled)) s after the signal")
            try? FileManager.default.removeItem(at: project.appendingPathComponent("codings"))
        }
    }

    private func format(_ duration: Duration) -> String {
        Measurement.format(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// The pid in the coder's lock sidecar.
    private func workbenchPID() -> pid_t? {
        let sidecar = project.appendingPathComponent("codings/alice.jsonl.lock")
        guard let text = try? String(contentsOf: sidecar, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("pid: ") }.flatMap { pid_t($0.dropFirst(5)) }
    }

    /// Whether `pid` still runs (a zombie waiting to be reaped has ended).
    private func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: end)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    private func waitFor(_ text: String, seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if shell(["tmux", "-L", socket, "capture-pane", "-p", "-t", "w"])?.contains(text) == true { return true }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return false
    }

    /// Runs a command, its output to a file; nil when it fails.
    ///
    /// posix_spawn, not Foundation's Process: the tmux server a command forks keeps the
    /// descriptors and signal mask it inherits, and Process waits on them.
    private func shell(_ arguments: [String]) -> String? {
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("litcoder-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, arguments[0], &actions, &attributes, cArguments, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard status == 0 else { return nil }
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }
}
