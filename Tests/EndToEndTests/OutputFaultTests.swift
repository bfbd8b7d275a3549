import Foundation
import Testing

/// Standard output that fails: a full disk behind it (`> /dev/full`) ends the command with one
/// line and exit status 74 once its work is done, never a crash; a reader that went away
/// (`| head -1`) ends it quietly.
@Suite struct OutputFaultTests {
    /// Commands that print to standard output, with whether they write a file first.
    static let commands: [[String]] = [
        ["status"], ["status", "--format", "json"], ["show", FaultProject.papers[0], "--coder", "maya"], ["validate"],
        ["set", FaultProject.papers[1], "motivation=in-car", "--note", "checked", "--coder", "maya"],
        ["import", "--dry-run", "extra.ris"], ["export", "--format", "csv", "--coder", "maya"],
        ["agree", "--bootstrap", "0"], ["summary", "--all"], ["codings", "import", "codings.csv", "--coder", "ana", "--dry-run"],
    ]

    static let extraRIS = "TY  - JOUR\nTI  - An extra paper on speech\nPY  - 2020\nER  - \n"
    static let codingsCSV = "paper,coder,dimension,code\n\(FaultProject.papers[0]),ana,motivation,in-car\n"

    /// Runs `arguments` in the project with standard output going to `output`.
    private func run(_ arguments: [String], in project: FaultProject, output: FileHandle) throws -> (Process, String) {
        let process = Process()
        process.executableURL = LitcoderBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = project.root
        process.standardOutput = output
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process, said)
    }

    @Test(arguments: commands)
    func aFullStandardOutputGivesOneLineAndExit74(command: [String]) throws {
        let folder = try ScratchFolder("output")
        let project = try FaultProject(in: folder.url)
        try Self.extraRIS.write(to: project.url("extra.ris"), atomically: true, encoding: .utf8)
        try Self.codingsCSV.write(to: project.url("codings.csv"), atomically: true, encoding: .utf8)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let (process, said) = try run(command, in: project, output: full)
        #expect(process.terminationReason == .exit, "\(command) crashed: \(said)")
        #expect(process.terminationStatus == 74, "\(command): \(said)")
        #expect(said.hasSuffix("error: cannot write to standard output: No space left on device; the command itself finished, but what it printed is incomplete\n"),
                "\(command): \(said)")
        #expect(!said.contains("Fatal error"))
        if command.first == "set" {
            // The change was saved before the report failed, and the log's lock note went with the lock.
            let show = try project.run(["show", FaultProject.papers[1], "--coder", "maya"])
            #expect(show.stdout.contains("in-car"), "\(show.stdout)")
            #expect(show.stdout.contains("checked"), "\(show.stdout)")
            #expect(!project.names(in: "codings").contains("maya.jsonl.lock"))
        }
    }

    @Test(arguments: commands)
    func aClosedPipeEndsTheCommandQuietly(command: [String]) throws {
        let folder = try ScratchFolder("output")
        let project = try FaultProject(in: folder.url)
        try Self.extraRIS.write(to: project.url("extra.ris"), atomically: true, encoding: .utf8)
        try Self.codingsCSV.write(to: project.url("codings.csv"), atomically: true, encoding: .utf8)
        let pipe = Pipe()
        // The reader is gone before the command writes: `litcoder … | head -0`.
        try pipe.fileHandleForReading.close()
        let (process, said) = try run(command, in: project, output: pipe.fileHandleForWriting)
        // As for any command in a pipeline: ended by SIGPIPE, which shells do not report.
        #expect(process.terminationReason == .uncaughtSignal, "\(command): \(said)")
        #expect(process.terminationStatus == SIGPIPE, "\(command): \(said)")
        #expect(!said.contains("error"), "\(command): \(said)")
        if command.first == "set" {
            #expect(!project.names(in: "codings").contains("maya.jsonl.lock"), "the lock's note was left behind")
            let show = try project.run(["show", FaultProject.papers[1], "--coder", "maya"])
            #expect(show.stdout.contains("in-car"))
        }
    }

    @Test func aKilledExportsTemporaryFileIsRemovedByTheNextExport() throws {
        let folder = try ScratchFolder("output")
        let project = try FaultProject(in: folder.url)
        // What an export killed between writing and renaming leaves: a pid no process has.
        var pid: Int32 = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid += 1 }
        let abandoned = ".coded.csv.tmp-\(pid)-12345"
        try Data("half an export".utf8).write(to: project.url(abandoned))
        let result = try project.run(["export", "--format", "csv", "--coder", "maya", "-o", "coded.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!project.names(in: "").contains(abandoned), "\(project.names(in: ""))")
        #expect(project.names(in: "").contains("coded.csv"))
    }
}
