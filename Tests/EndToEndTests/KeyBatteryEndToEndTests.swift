import Foundation
import LitCoderCore
import Testing

/// The built workbench in tmux under every TERM a coder is likely to have, sent the raw bytes
/// of keys it does not bind, escape sequences, terminal reports, mouse reports and pastes:
/// none of it may code anything, and the workbench keeps running. Also: the terminal is given
/// back with bracketed paste off, and SIGTERM or SIGHUP end it within a second, lock released.
@Suite(.serialized) struct KeyBatteryEndToEndTests {
    static let terms = ["xterm-256color", "screen-256color", "tmux-256color", "xterm", "linux", "vt100"]

    /// Byte sequences as terminals send them (hex in comments where the bytes are not text).
    static let battery: [(String, [UInt8])] = [
        ("Home, vt220/tmux", esc("[1~")), ("End, vt220/tmux", esc("[4~")), ("Home, xterm", esc("[H")), ("End, xterm", esc("[F")),
        ("Home, application mode", esc("OH")), ("End, application mode", esc("OF")), ("Home, rxvt", esc("[7~")), ("End, rxvt", esc("[8~")),
        ("Insert", esc("[2~")), ("Delete", esc("[3~")), ("PgUp", esc("[5~")), ("PgDn", esc("[6~")),
        ("F1", esc("OP")), ("F2", esc("OQ")), ("F3", esc("OR")), ("F4", esc("OS")), ("F5", esc("[15~")), ("F6", esc("[17~")),
        ("F7", esc("[18~")), ("F8", esc("[19~")), ("F9", esc("[20~")), ("F10", esc("[21~")), ("F11", esc("[23~")), ("F12", esc("[24~")),
        ("F1, vt220", esc("[11~")), ("F4, vt220", esc("[14~")), ("F1, Linux console", esc("[[A")), ("F5, Linux console", esc("[[E")),
        ("Ctrl-F5", esc("[15;5~")), ("Shift-F1", esc("[1;2P")), ("Ctrl-F3", esc("[1;5R")), ("Ctrl-Alt-Delete", esc("[3;7~")),
        ("Shift-↑", esc("[1;2A")), ("Ctrl-→", esc("[1;5C")), ("Alt-↓", esc("[1;3B")), ("Ctrl-Home", esc("[1;5H")),
        ("Shift-Insert, rxvt", esc("[2$")), ("Ctrl-PgUp, rxvt", esc("[5^")), ("Shift-↑, rxvt", esc("[a")), ("Ctrl-↑, rxvt", esc("Oa")),
        ("Alt-↑, ESC prefix", esc("\u{1B}[A")), ("Alt-1", esc("1")), ("Alt-2", esc("2")), ("Alt-3", esc("3")), ("Alt-Space", esc(" ")),
        ("Alt-3, kitty", esc("[51;3u")), ("Ctrl-Shift-A, kitty", esc("[97;6u")), ("1 released, kitty", esc("[49;1:3u")),
        ("Alt-3, modifyOtherKeys", esc("[27;3;51~")), ("unknown key", esc("[99~")), ("Home as C1 CSI", [0xC2, 0x9B, 0x31, 0x7E]),
        ("title change", esc("]0;pwned\u{07}")), ("DCS reply", esc("P1$r0m\u{1B}\\")), ("APC", esc("_Gi=1;OK\u{1B}\\")),
        ("cursor position report", esc("[12;40R")), ("device attributes", esc("[?1;2c")), ("focus in", esc("[I")),
        ("bracketed paste of digits", esc("[200~1 2 3 4\u{1B}[201~")),
        ("X10 mouse click", esc("[M") + [0x20, 0x21, 0x21]), ("X10 mouse with digit coordinates", esc("[M") + [0x20, 0x31, 0x32]),
        ("X10 mouse release", esc("[M") + [0x23, 0x31, 0x32]), ("X10 mouse, far column", esc("[M") + [0x20, 0xFF, 0x25]),
        ("SGR mouse press", esc("[<0;10;5M")), ("SGR mouse release", esc("[<0;10;5m")), ("SGR wheel", esc("[<64;1;2M")),
        ("urxvt mouse", esc("[32;1;2M")),
    ]

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
