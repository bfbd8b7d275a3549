import Foundation
import Testing

/// Runs a program inside tmux on a private server, types at it and reads its screen: the
/// workbench tested in a real terminal emulator, from a plain clone (no helper scripts).
final class TmuxDriver {
    let socket: String
    let session = "wb"
    let statusFile: URL

    init(name: String) {
        socket = "litcoder-e2e-\(getpid())-\(name)"
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).status")
        try? FileManager.default.removeItem(at: statusFile)
    }

    deinit { stop() }

    /// Whether tmux can run here. Without it the tests are skipped, except under CI=true,
    /// where that is a failure (CI installs tmux).
    static func availableOrSkip(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let found = (try? run(["tmux", "-V"]).status) == 0
        if !found {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("tmux is not installed; CI must have it", sourceLocation: sourceLocation)
            } else {
                print("note: skipped: tmux is not installed")
            }
        }
        return found
    }

    /// Runs a command and returns its status and output.
    ///
    /// posix_spawn rather than Foundation's Process: the tmux server a command forks keeps
    /// every descriptor and the signal mask it inherits, so the child gets a file (never a
    /// pipe) for output and a clean signal mask, and is reaped with waitpid.
    @discardableResult
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-tmux-\(UUID().uuidString).out")
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
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, cArguments, environ)
        guard spawned == 0 else { throw CocoaError(.executableNotLoadable) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let data = FileManager.default.contents(atPath: file.path) ?? Data()
        let exited = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exited, String(decoding: data, as: UTF8.self))
    }

    @discardableResult
    func tmux(_ arguments: String...) -> String {
        (try? Self.run(["tmux", "-L", socket] + arguments).output) ?? ""
    }

    private func startServer(_ arguments: [String]) {
        _ = try? Self.run(["tmux", "-L", socket] + arguments)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Starts `command` in `directory` in a window of the given size; its exit status is kept.
    /// - Parameters:
    ///   - stdout: a file to send standard output to through a pipe, instead of the terminal.
    ///   - term: the TERM the command sees (tmux itself emulates the same terminal whatever it says).
    ///   - afterwards: what the pane runs once the command ended (a shell command line).
    func start(_ command: [String], in directory: URL, width: Int, height: Int, pipingStdoutTo stdout: URL? = nil,
               term: String = "xterm-256color", afterwards: String = "sleep 600") {
        var run = "env TERM=\(Self.quote(term)) LANG=C.UTF-8 " + command.map(Self.quote).joined(separator: " ")
        if stdout != nil { run += " 2>&1" }
        run = "{ \(run); echo $? > \(Self.quote(statusFile.path)); }"
        if let stdout { run += " | cat > \(Self.quote(stdout.path))" }
        let line = "cd \(Self.quote(directory.path)) && \(run); \(afterwards)"
        startServer(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), line])
    }

    func keys(_ keys: String...) { tmux(["send-keys", "-t", session] + keys) }
    /// Sends these bytes to the program exactly as given, in one write (`send-keys -H`).
    func bytes(_ bytes: [UInt8]) { tmux(["send-keys", "-t", session, "-H"] + bytes.map { String(format: "%02x", $0) }) }
    /// Pastes `text` as the terminal would: wrapped in bracketed-paste markers only if the
    /// program asked for them (`paste-buffer -p`).
    func paste(_ text: String) {
        tmux(["set-buffer", "-b", "litcoder-test", "--", text])
        tmux(["paste-buffer", "-p", "-d", "-b", "litcoder-test", "-t", session])
    }
    /// The process id of the program the pane runs first.
    var panePID: Int32? { Int32(tmux("display", "-p", "-t", session, "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)) }
    func type(_ text: String) { tmux("send-keys", "-t", session, "-l", text) }
    func resize(width: Int, height: Int) { tmux("resize-window", "-t", session, "-x", String(width), "-y", String(height)) }
    var screen: String { tmux("capture-pane", "-p", "-t", session) }
    /// The screen with its colours and attributes as SGR sequences (`capture-pane -e`).
    var styledScreen: String { tmux("capture-pane", "-p", "-e", "-t", session) }
    var paneTitle: String { tmux("display", "-p", "-t", session, "#{pane_title}") }

    private func tmux(_ arguments: [String]) { _ = try? Self.run(["tmux", "-L", socket] + arguments) }

    /// Waits until `text` is on screen; false (with the screen recorded) if it never appears.
    @discardableResult
    func wait(for text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if screen.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("'\(text)' never appeared; screen:\n\(screen)", sourceLocation: sourceLocation)
        return false
    }

    /// The program's exit status once it has ended, waiting up to `seconds`.
    func exitStatus(seconds: Double = 10) -> Int32? {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    func stop() {
        _ = try? Self.run(["tmux", "-L", socket, "kill-server"])
        try? FileManager.default.removeItem(at: statusFile)
    }
}
