import Foundation
import LitCoderCore
import LitCoderUI
import Testing

/// The built binary's workbench in a real terminal (tmux), on a copy of `Fixtures/workbench`.
@Suite(.serialized) struct WorkbenchEndToEndTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workbench")

    /// A fresh copy of the fixture project.
    func project() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-wb-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: dir)
        return dir
    }

    func events(_ project: URL, coder: String = "alice") throws -> [CodingEvent] {
        try CodingLog.read(url: project.appendingPathComponent("codings/\(coder).jsonl")).events
    }

    func code(_ project: URL, _ extra: [String] = []) -> [String] {
        [LitcoderBinary.url.path, "code", "--project", project.path, "--coder", "alice"] + extra
    }

    @Test func codesThreePapersWithTheKeysAndQuits() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = TmuxDriver(name: "three")
        defer { tmux.stop() }
        tmux.start(code(dir), in: dir, width: 100, height: 30)
        guard tmux.wait(for: "paper 1/5") else { return }
        tmux.keys("1", "Enter")
        tmux.wait(for: "paper 2/5")
        tmux.keys("3", "Tab", "2", "Enter")
        tmux.wait(for: "paper 3/5")
        tmux.keys("2", "Tab", "Tab", "2", "f", "Enter")
        tmux.wait(for: "3 done")
        tmux.wait(for: "✓ saved")
        tmux.keys("q")
        #expect(tmux.exitStatus() == 0)
        let log = try events(dir)
        #expect(log.map(\.op) == [.set, .done, .set, .set, .done, .set, .set, .flag, .done, .view])
        #expect(log.first?.codes == ["healthcare"] && log.first?.paper == "P001")
        #expect(log[3].dimension == "datasets" && log[3].codes == ["emodb"])
        #expect(log[6].dimension == "setting" && log[6].codes == ["natural"] && log[6].paper == "P003")
        #expect(log.last?.paper == "P004")
        #expect(log.map(\.seq) == Array(1...10))

        // Resumes where it left off.
        let again = TmuxDriver(name: "resume")
        defer { again.stop() }
        again.start(code(dir), in: dir, width: 100, height: 30)
        again.wait(for: "paper 4/5")
        again.keys("u")
        again.wait(for: "Undid done of P003")
        again.keys("q")
        #expect(again.exitStatus() == 0)
        let undone = try events(dir).last
        #expect(undone?.op == .done && undone?.value == false && undone?.paper == "P003")
    }

    /// The editor must run in the terminal's foreground process group (a full-screen editor in
    /// a background group cannot read the keyboard), and what the terminal sends while it runs
    /// (here the answer to a cursor-position query the "editor" asks and never reads) must not
    /// reach the workbench as keys.
    @Test func theEditorRunsInTheForegroundAndItsTerminalTrafficIsNoKeys() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let editor = dir.appendingPathComponent("editor.sh")
        try """
            #!/bin/sh
            note="$1"
            set -- $(cat /proc/$$/stat)
            if [ "$5" = "$8" ]; then echo "ran in the foreground" > "$note"; else echo "ran in the background" > "$note"; fi
            printf '\033[6n' > /dev/tty
            sleep 0.5

            """.write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let tmux = TmuxDriver(name: "editor")
        defer { tmux.stop() }
        tmux.start(["env", "EDITOR=\(editor.path)", "VISUAL="] + code(dir), in: dir, width: 100, height: 30)
        guard tmux.wait(for: "paper 1/5") else { return }
        tmux.keys("E")
        tmux.wait(for: "ran in the")
        tmux.wait(for: "✓ saved")
        Thread.sleep(forTimeInterval: 0.5)
        tmux.keys("q")
        #expect(tmux.exitStatus() == 0)
        let log = try events(dir)
        #expect(log.filter { $0.op != .view }.map(\.op) == [.note], "no keys but E were pressed: \(log)")
        #expect(log.first?.text == "ran in the foreground")
    }

    @Test func resizeRedrawsAtEverySize() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = TmuxDriver(name: "resize")
        defer { tmux.stop() }
        tmux.start(code(dir), in: dir, width: 100, height: 30)
        guard tmux.wait(for: "paper 1/5") else { return }
        tmux.keys("1")
        for (width, height, marker) in [(60, 20, "paper 1/5"), (30, 8, "Please enlarge"), (130, 40, "✓ saved")] {
            tmux.resize(width: width, height: height)
            tmux.wait(for: marker)
            let lines = tmux.screen.split(separator: "\n", omittingEmptySubsequences: false)
            for line in lines { #expect(DisplayWidth.of(String(line)) <= width, "\(line)") }
        }
        tmux.keys("2", "q")
        #expect(tmux.exitStatus() == 0)
        #expect(try events(dir).compactMap(\.codes).last == ["healthcare", "call-centre"])
    }

    @Test func hostileLongAndRightToLeftTextStaysInItsPane() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = TmuxDriver(name: "hostile")
        defer { tmux.stop() }
        tmux.start(code(dir, ["--paper", "P004"]), in: dir, width: 100, height: 30)
        guard tmux.wait(for: "paper 4/5") else { return }
        let screen = tmux.screen
        #expect(screen.contains("^[[31mred^[[0m"))
        #expect(screen.contains("情感识别"))
        #expect(screen.contains("مرحبا"))
        #expect(!tmux.paneTitle.contains("pwned"))
        // The separator between the panes stays in one column on every row.
        let columns = Set(screen.split(separator: "\n").dropLast().compactMap { line -> Int? in
            guard let bar = line.firstIndex(of: "│") else { return nil }
            return DisplayWidth.of(String(line[..<bar]))
        })
        #expect(columns.count == 1, "\(columns)\n\(screen)")
        tmux.keys("Right")
        tmux.wait(for: "word0 word1")
        tmux.keys("PageDown", "PageDown", "PageDown")
        tmux.wait(for: "lines ")
        tmux.keys("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// A family emoji, flags and combining marks are one cell group each: drawn whole, and the
    /// pane separator stays in one column on every row.
    @Test func graphemeClustersAreDrawnWholeAndKeepTheColumns() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let paper = #"{"id":"E1","title":"Family 👨‍👩‍👧‍👦 flag 🇩🇪 é end","year":2024,"abstract":"A family 👨‍👩‍👧‍👦 and flags 🇩🇪🇫🇷, a coder 👩‍💻, café and a wave 👋🏽 in every line of text here. 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👦 🇩🇪🇩🇪🇩🇪🇩🇪 ééé end."}"#
        try (paper + "\n").write(to: dir.appendingPathComponent("corpus/papers.jsonl"), atomically: true, encoding: .utf8)
        let tmux = TmuxDriver(name: "clusters")
        defer { tmux.stop() }
        tmux.start(code(dir), in: dir, width: 100, height: 30)
        guard tmux.wait(for: "paper 1/1") else { return }
        for (width, height) in [(100, 30), (61, 24)] {
            tmux.resize(width: width, height: height)
            Thread.sleep(forTimeInterval: 0.5)
            let screen = tmux.screen
            // tmux 3.3 keeps at most three faces of the family in its cell, so look for those.
            #expect(screen.contains("👨\u{200D}👩\u{200D}👧"), "\(screen)")
            #expect(screen.contains("🇩🇪🇫🇷") && screen.contains("👩\u{200D}💻") && screen.contains("cafe\u{301}"), "\(screen)")
            // All rows but the status bar, whose "│" separates its two halves.
            let columns = Set(screen.split(separator: "\n").dropLast().compactMap { line -> Int? in
                guard let bar = line.firstIndex(of: "│") else { return nil }
                return DisplayWidth.of(String(line[..<bar]))
            })
            if width == 100 { #expect(columns.count == 1, "\(columns)\n\(screen)") }
            for line in screen.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= width, "\(line)") }
        }
        tmux.keys("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func anotherCodersCodesAndNotesNeverShow() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bob = try CodingLog.open(url: dir.appendingPathComponent("codings/bob.jsonl"), coder: "bob", codebookHash: "test")
        try bob.append(.set(paper: "P001", dimension: "motivation", codes: ["call-centre"], coder: "bob", codebook: ""))
        try bob.append(CodingEvent(coder: "bob", paper: "P001", op: .note, text: "BOBSNOTE"))
        bob.close()
        let tmux = TmuxDriver(name: "blind")
        defer { tmux.stop() }
        tmux.start(code(dir), in: dir, width: 100, height: 30)
        guard tmux.wait(for: "paper 1/5") else { return }
        let screen = tmux.screen
        #expect(screen.contains("[ ] Call centre"))
        #expect(!screen.contains("BOBSNOTE"))
        tmux.keys("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func secondWorkbenchForTheSameCoderIsRefused() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = TmuxDriver(name: "first")
        defer { first.stop() }
        first.start(code(dir), in: dir, width: 100, height: 30)
        guard first.wait(for: "paper 1/5") else { return }
        let second = TmuxDriver(name: "second")
        defer { second.stop() }
        second.start(code(dir), in: dir, width: 200, height: 10)
        second.wait(for: "another litcoder is writing this log")
        #expect(second.exitStatus() == 1)
        first.keys("q")
        #expect(first.exitStatus() == 0)
    }

    @Test func pipedStdoutExitsTwoWithOneClearLine() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out.txt")
        let tmux = TmuxDriver(name: "piped")
        defer { tmux.stop() }
        tmux.start(code(dir), in: dir, width: 100, height: 30, pipingStdoutTo: output)
        #expect(tmux.exitStatus() == 2)
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.contains("standard output is not a terminal"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.split(separator: "\n").count == 1)
    }

    @Test(arguments: [["code"], []])
    func withoutATerminalExitsTwo(arguments: [String]) throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try LitcoderBinary.run(arguments + ["--project", dir.path], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a terminal"))
        #expect(result.stdout.isEmpty)
    }
}
