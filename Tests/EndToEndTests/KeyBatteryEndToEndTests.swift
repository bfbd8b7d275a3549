import Foundation
import LitCoderCore
import Testing

/// The built workbench in tmux under every TERM a coder is likely to have, sent the raw bytes
/// of keys it does not bind, escape sequences, terminal reports, mouse reports and pastes:
/// none of it may code anything, and the workbench keeps running. Also: the terminal is given
/// back with bracketed paste off, and SIGTERM or SIGHUP end it within a second, lock released.
@Suite(.serialized) struct KeyBatteryEndToEndTests {
    static let terms = ["xterm-256color", "screen-256color", "tmux-256color", "xterm", "linux", "vt100"]

    /// Byte sequences as terminals send them: `Tests/Fixtures/key-battery.tsv`.
    static let battery: [(String, [UInt8])] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/key-battery.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            let bytes = line[line.index(after: tab)...].split(separator: " ").compactMap { UInt8($0, radix: 16) }
            return (String(line[..<tab]), bytes)
        }
    }()

    static func esc(_ text: String) -> [UInt8] { [0x1B] + Array(text.utf8) }

    static let fixture = WorkbenchEndToEndTests.fixture

    func project() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-keys-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: dir)
        return dir
    }

    func code(_ project: URL) -> [String] {
        [LitcoderBinary.url.path, "code", "--project", project.path, "--coder", "alice"]
    }

    func codingEvents(_ project: URL) throws -> [CodingEvent] {
        let log = project.appendingPathComponent("codings/alice.jsonl")
        guard FileManager.default.fileExists(atPath: log.path) else { return [] }
        return try CodingLog.read(url: log).events.filter { $0.op != .view }
    }

    @Test(arguments: terms)
    func noUnboundKeyOrSequenceCodesAnything(term: String) throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = TmuxDriver(name: "keys-\(term)")
        defer { tmux.stop() }
        // After the workbench, a line-mode `cat -v` shows whether bracketed paste was left on.
        tmux.start(code(dir), in: dir, width: 100, height: 30, term: term, afterwards: "cat -v")
        guard tmux.wait(for: "paper 1/5") else { return }
        #expect(tmux.screen.contains("▾ Motivation (any)"), "a multi-select dimension has the focus")
        #expect(Self.battery.count > 60)
        for (name, bytes) in Self.battery {
            tmux.bytes(bytes)
            Thread.sleep(forTimeInterval: 0.02)
            #expect(try codingEvents(dir).isEmpty, "\(term): \(name) coded something")
        }
        // A paste from tmux itself: bracketed only because the workbench switched the mode on.
        tmux.paste("1 2 3")
        tmux.wait(for: "Paste ignored")
        tmux.bytes(Self.esc("[1;5B"))
        tmux.wait(for: "unbound key Ctrl-↓")
        let screen = tmux.screen
        #expect(screen.contains("paper 1/5"), "\(term): the workbench still runs:\n\(screen)")
        #expect(!screen.contains("[x]"), "\(term): a code is ticked:\n\(screen)")
        #expect(try codingEvents(dir).isEmpty, "\(term)")
        tmux.keys("q")
        #expect(tmux.exitStatus() == 0, "\(term)")
        // Bracketed paste is off again: the paste reaches `cat` as typed text, with no markers.
        tmux.paste("after-exit\n")
        tmux.wait(for: "after-exit")
        #expect(!tmux.screen.contains("200~"), "\(term): bracketed paste left on:\n\(tmux.screen)")
    }

    /// The pid in the log's lock sidecar: the workbench process.
    func workbenchPID(_ project: URL) -> pid_t? {
        let sidecar = project.appendingPathComponent("codings/alice.jsonl.lock")
        guard let text = try? String(contentsOf: sidecar, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("pid: ") }.flatMap { pid_t($0.dropFirst(5)) }
    }

    /// Seconds until `pid` has ended (gone, or a zombie its parent has not reaped yet), up to `limit`.
    func secondsUntilGone(_ pid: pid_t, limit: Double = 5) -> Double {
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let end = stat.lastIndex(of: ")") else { break }
            // The state follows the command name in parentheses: "123 (litcoder) Z …".
            if stat[stat.index(after: end)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z") { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return Date().timeIntervalSince(start)
    }

    /// Busy in the external editor (which ignores the signal): SIGTERM still ends the
    /// workbench within a second, gives the terminal back, and the lock is free at once.
    @Test func sigtermEndsTheWorkbenchWithinASecondWhateverItDoes() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let editor = dir.appendingPathComponent("slow-editor.sh")
        try "#!/bin/sh\ntrap '' TERM\nsleep 20\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let tmux = TmuxDriver(name: "sigterm")
        defer { tmux.stop() }
        tmux.start(["env", "EDITOR=\(editor.path)", "VISUAL="] + code(dir), in: dir, width: 100, height: 30)
        guard tmux.wait(for: "paper 1/5") else { return }
        tmux.keys("1")
        tmux.wait(for: "✓ saved")
        tmux.keys("E")
        Thread.sleep(forTimeInterval: 0.5)
        let pid = try #require(workbenchPID(dir))
        kill(pid, SIGTERM)
        let seconds = secondsUntilGone(pid)
        print("SIGTERM while in the editor: ended after \(seconds) s")
        #expect(seconds < 1.0, "ended \(seconds) s after SIGTERM")
        #expect(tmux.exitStatus() == 143)
        // Nothing saved is lost, and the lock is free: another writer gets it at once.
        #expect(try codingEvents(dir).map(\.op) == [.set])
        let set = try LitcoderBinary.run(["set", "P002", "--flag", "--coder", "alice", "--project", dir.path], in: dir)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try codingEvents(dir).map(\.op) == [.set, .flag])
    }

    /// The terminal closes (tmux kills the pane: SIGHUP): the workbench ends within a second.
    @Test func hangupEndsTheWorkbenchWithinASecond() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = TmuxDriver(name: "hangup")
        defer { tmux.stop() }
        tmux.start(code(dir), in: dir, width: 100, height: 30)
        guard tmux.wait(for: "paper 1/5") else { return }
        tmux.keys("2")
        tmux.wait(for: "✓ saved")
        let pid = try #require(workbenchPID(dir))
        tmux.tmux("kill-session", "-t", tmux.session)
        let seconds = secondsUntilGone(pid)
        print("terminal closed: ended after \(seconds) s")
        #expect(seconds < 1.0, "ended \(seconds) s after the terminal closed")
        #expect(try codingEvents(dir).map(\.codes) == [["call-centre"]])
        let set = try LitcoderBinary.run(["set", "P002", "--flag", "--coder", "alice", "--project", dir.path], in: dir)
        #expect(set.status == 0, "\(set.stderr)")
    }
}
