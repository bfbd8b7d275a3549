import Foundation
import LitCoderCore
import Testing

/// init, set, status and show through the built binary, in fresh project folders.
@Suite struct CommandTests {
    static let codebookYAML = """
        id: mini
        title: Mini codebook
        version: "1"
        dimensions:
          - id: motivation
            label: Stated motivation
            kind: multi
            codes:
              - {id: healthcare, label: Healthcare, definition: Health., aliases: [depression]}
              - {id: hci, label: HCI, definition: Interaction.}
          - id: setting
            label: Setting
            kind: single
            codes:
              - {id: lab, label: Lab, definition: In a lab.}
              - {id: wild, label: In the wild, definition: Outside.}
          - id: comment
            label: Comment
            kind: text

        """
    static let corpusJSONL = """
        {"id":"smith2020","title":"Detecting depression from speech","authors":["Smith, Ann","Müller, Jörg"],"year":2020,"abstract":"Clinical speech."}
        {"id":"lee2021","title":"Voice assistants","authors":["Lee, K"],"year":2021,"abstract":"Assistants."}

        """

    /// A temporary folder holding the mini codebook and corpus and a project `proj` made from them.
    final class Sandbox {
        let root: URL
        var project: URL { root.appendingPathComponent("proj") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try Data(CommandTests.codebookYAML.utf8).write(to: root.appendingPathComponent("mini.yaml"))
            try Data(CommandTests.corpusJSONL.utf8).write(to: root.appendingPathComponent("papers.jsonl"))
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func initProject() throws -> LitcoderBinary.Result {
            try LitcoderBinary.run(["init", "proj", "--codebook", "mini.yaml", "--corpus", "papers.jsonl"], in: root)
        }

        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> LitcoderBinary.Result {
            try LitcoderBinary.run(arguments, in: project, environment: environment)
        }

        func log(_ coder: String) throws -> LogContents {
            try CodingLog.read(url: project.appendingPathComponent("codings/\(coder).jsonl"))
        }
    }

    @Test func initMakesAProjectAndRefusesToOverwriteIt() throws {
        let box = try Sandbox()
        let first = try box.initProject()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 papers"))
        for path in ["litcoder.yaml", "codebooks/mini.yaml", "corpus/papers.jsonl", "codings"] {
            #expect(FileManager.default.fileExists(atPath: box.project.appendingPathComponent(path).path), "\(path)")
        }
        let again = try box.initProject()
        #expect(again.status == 1)
        #expect(again.stderr.contains("already has a litcoder.yaml"))
    }

    @Test func initWithAMissingCorpusCreatesNothing() throws {
        let box = try Sandbox()
        let result = try LitcoderBinary.run(["init", "proj", "--codebook", "mini.yaml", "--corpus", "nope.jsonl"], in: box.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("nope.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: box.project.appendingPathComponent("litcoder.yaml").path))
    }

    @Test func setSavesThroughTheStoreAndShowReadsItBack() throws {
        let box = try Sandbox()
        _ = try box.initProject()
        let set = try box.run(["set", "smith2020", "motivation=hci,healthcare", "setting=lab", "comment=loud, clear",
                               "--note", "check dataset", "--flag", "--coder", "alice"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("saved 5 changes"))
        let log = try box.log("alice")
        #expect(log.events.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(log.events.allSatisfy { $0.codebook.count == 64 }, "every event records the codebook hash")

        let show = try box.run(["show", "smith2020", "--coder", "alice"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("motivation: healthcare, hci"))
        #expect(show.stdout.contains("comment: loud, clear"))
        #expect(show.stdout.contains("note: check dataset"))
        #expect(show.stdout.contains("flagged: yes, done: no"))

        let json = try box.run(["show", "smith2020", "--coder", "alice", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["suggestions"] as? [String: [String]])?["motivation"] == ["healthcare"])
        #expect(((object?["coding"] as? [String: Any])?["codes"] as? [String: [String]])?["setting"] == ["lab"])

        let clear = try box.run(["set", "smith2020", "motivation=", "--unflag", "--done", "--coder", "alice"])
        #expect(clear.status == 0)
        let again = try box.run(["set", "smith2020", "motivation=", "--coder", "alice"])
        #expect(again.stdout.contains("unchanged"))
        let after = try box.run(["show", "smith2020", "--coder", "alice"])
        #expect(after.stdout.contains("motivation: —"))
        // The text form lists the alias suggestions too, apart from the codings.
        #expect(after.stdout.contains("Suggested by the codebook's aliases (not codings):\n  motivation: healthcare"),
                "\(after.stdout)")
        #expect(after.stdout.contains("flagged: no, done: yes"))
    }

    @Test(arguments: [
        (["set", "smith2020", "motivation=helthcare"], "did you mean 'healthcare'?"),
        (["set", "smith2020", "setting=lab,wild"], "takes one code"),
        (["set", "smyth2020", "setting=lab"], "did you mean 'smith2020'?"),
        (["set", "smith2020", "motivaton=hci"], "the dimensions are: motivation, setting, comment"),
        (["set", "smith2020"], "nothing to set"),
        (["set", "smith2020", "--flag", "--unflag"], "contradict"),
        (["show", "nobody"], "no paper 'nobody'"),
    ])
    func wrongArgumentsExit64AndWriteNothing(arguments: [String], words: String) throws {
        let box = try Sandbox()
        _ = try box.initProject()
        let result = try box.run(arguments + ["--coder", "alice"])
        #expect(result.status == 64)
        #expect(result.stderr.contains(words), "\(result.stderr)")
        #expect(try box.log("alice").events.isEmpty)
    }

    @Test func theCoderComesFromTheEnvironmentAndBadNamesAreRefused() throws {
        let box = try Sandbox()
        _ = try box.initProject()
        let viaEnvironment = try box.run(["set", "lee2021", "--done"], environment: ["LITCODER_CODER": "bob"])
        #expect(viaEnvironment.status == 0)
        #expect(try box.log("bob").events.count == 1)
        let reserved = try box.run(["set", "lee2021", "--done", "--coder", "_consensus"])
        #expect(reserved.status == 64)
        let slash = try box.run(["set", "lee2021", "--done", "--coder", "../x"])
        #expect(slash.status == 64)
    }

    @Test func statusShowsProgressOfEveryCoderAndLogHealth() throws {
        let box = try Sandbox()
        _ = try box.initProject()
        _ = try box.run(["set", "smith2020", "motivation=hci", "--done", "--coder", "alice"])
        _ = try box.run(["set", "lee2021", "setting=wild", "--flag", "--coder", "bob"])
        let bobLog = box.project.appendingPathComponent("codings/bob.jsonl")
        let handle = try FileHandle(forWritingTo: bobLog)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":1,"seq":3"#.utf8))
        try handle.close()

        let table = try box.run(["status"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("2 papers"))
        #expect(table.stdout.contains("alice"))
        #expect(table.stdout.contains("needs attention"))
        #expect(table.stdout.contains("unfinished last line 3"))
        #expect(!table.stdout.contains("hci") && !table.stdout.contains("wild"), "never anyone's codes")

        let json = try box.run(["status", "--format", "json"])
        let status = try JSONDecoder().decode(ProjectStatus.self, from: Data(json.stdout.utf8))
        #expect(status.coders.map(\.coder) == ["alice", "bob"])
        #expect(status.coders[0].done == 1 && status.coders[1].flagged == 1)
        #expect(status.coders[1].health.tornLine == 3)

        // The next write by bob sets the torn line aside and keeps both his events.
        let next = try box.run(["set", "lee2021", "--done", "--coder", "bob"])
        #expect(next.status == 0)
        #expect(next.stderr.contains("moved to bob.jsonl.torn-"))
        #expect(try box.log("bob").events.map(\.seq) == [1, 2, 3])
    }

    @Test func aSecondWriterIsToldWhoHoldsTheLog() throws {
        let box = try Sandbox()
        _ = try box.initProject()
        let holder = Process()
        holder.executableURL = LitcoderBinary.url(named: "litcoder-bench")
        holder.arguments = ["crash-writer", "--log", box.project.appendingPathComponent("codings/alice.jsonl").path, "--note-bytes", "10"]
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        defer {
            // SIGKILL: the test runner's blocked signals (SIGTERM among them) are inherited by its children.
            kill(holder.processIdentifier, SIGKILL)
            holder.waitUntilExit()
        }
        _ = output.fileHandleForReading.availableData  // it has the lock once it prints its first seq
        let clock = ContinuousClock()
        let start = clock.now
        let result = try box.run(["set", "lee2021", "--done", "--coder", "alice"])
        #expect(clock.now - start >= .seconds(2), "it waits before giving up")
        #expect(result.status == 1)
        #expect(result.stderr.contains("pid \(holder.processIdentifier)"), "\(result.stderr)")
        #expect(result.stderr.contains("crash-writer"))
    }

    @Test func initWithoutOptionsMakesTheBundledSample() throws {
        guard !BundledSample.codebook.isEmpty else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("the bundled sample is empty: run scripts/embed-sample once codebooks/ and corpus/ hold it")
            } else {
                print("skipped: the bundled sample is not embedded yet (scripts/embed-sample)")
            }
            return
        }
        let box = try Sandbox()
        // From a folder far from the clone: everything comes from inside the binary.
        let result = try LitcoderBinary.run(["init", "ser"], in: box.root)
        #expect(result.status == 0, "\(result.stderr)")
        let status = try LitcoderBinary.run(["status"], in: box.root.appendingPathComponent("ser"))
        #expect(status.status == 0, "\(status.stderr)")
    }
}
