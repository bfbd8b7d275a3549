import Foundation
import Testing

/// A coder's log replaced by something litcoder cannot read is an error naming it in every
/// command that reads all coders, never a coder silently left out of the numbers.
@Suite struct UnreadableLogTests {
    enum Breakage: String, CaseIterable, Sendable {
        case folder, danglingLink, noPermission

        /// Puts the breakage in place of `log`; the words the error must contain.
        func apply(to log: URL) throws -> String {
            switch self {
            case .folder:
                try FileManager.default.removeItem(at: log)
                try FileManager.default.createDirectory(at: log, withIntermediateDirectories: false)
                return "the log cannot be read: is a folder, not a log file"
            case .danglingLink:
                try FileManager.default.removeItem(at: log)
                try FileManager.default.createSymbolicLink(atPath: log.path, withDestinationPath: "../elsewhere/bob.jsonl")
                return "the log cannot be read: is a symbolic link to ../elsewhere/bob.jsonl, which does not exist"
            case .noPermission:
                chmod(log.path, 0)
                return "the log cannot be read: cannot open: Permission denied"
            }
        }

        /// As whom to run: root reads any file, so the no-permission case runs as `nobody`.
        var userID: Int? { self == .noPermission && getuid() == 0 ? LitcoderBinary.unprivilegedUser : nil }

        var isPossible: Bool { self != .noPermission || getuid() != 0 || LitcoderBinary.canSwitchUser }
    }

    /// Every command that reads all coders' logs (or compares coders).
    static let commands: [[String]] = [
        ["validate"], ["status"], ["status", "--format", "json"], ["agree"], ["disagreements"],
        ["consensus", "--auto-agreed", "--adjudicator", "ana"], ["summary", "--all"],
        ["export", "--format", "csv", "--all"], ["export", "--format", "methods"], ["export", "--format", "html", "-o", "-"],
    ]

    @Test(arguments: Breakage.allCases, commands)
    func anUnreadableLogIsAnErrorNamingIt(breakage: Breakage, command: [String]) throws {
        guard breakage.isPossible else {
            print("note: skipping \(breakage): as root, a file without permission can only be met as another user, and setpriv is missing")
            return
        }
        let folder = try ScratchFolder("unreadable")
        let project = try FaultProject(in: folder.url, coders: ["maya", "jon", "bob"], papers: 1)
        let words = try breakage.apply(to: project.url("codings/bob.jsonl"))
        let result = try project.run(command, userID: breakage.userID)
        #expect(result.status == 1, "\(command): \(result.stdout)\(result.stderr)")
        let said = result.stdout + result.stderr
        #expect(said.contains("codings/bob.jsonl: error: \(words)"), "\(command) did not name the log: \(said)")
        #expect(said.contains(words), "\(command): \(said)")
        #expect(!project.names(in: "codings").contains("_consensus.jsonl"), "a consensus was built without bob")
        if command == ["validate"] { #expect(result.stdout.contains("1 unreadable): 1 error"), "\(result.stdout)") }
    }

    @Test func statusStillShowsTheReadableCodersAndMarksTheOther() throws {
        let folder = try ScratchFolder("unreadable")
        let project = try FaultProject(in: folder.url, coders: ["maya", "jon", "bob"])
        _ = try Breakage.folder.apply(to: project.url("codings/bob.jsonl"))
        let result = try project.run(["status"])
        #expect(result.status == 1)
        let rows = result.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains("bob         ?      ?     ?        ?  cannot be read"), "\(result.stdout)")
        #expect(rows.contains("maya        2   2/44     0        0  ok"), "\(result.stdout)")
    }

    @Test func anUnreadableConsensusIsAnErrorNotAnAbsentOne() throws {
        let folder = try ScratchFolder("unreadable")
        let project = try FaultProject(in: folder.url)
        try FileManager.default.createSymbolicLink(atPath: project.url("codings/_consensus.jsonl").path,
                                                   withDestinationPath: "gone.jsonl")
        for command in [["summary", "--consensus"], ["export", "--format", "csv", "--consensus"], ["validate"], ["status"]] {
            let result = try project.run(command)
            #expect(result.status == 1, "\(command): \(result.stdout)\(result.stderr)")
            #expect((result.stdout + result.stderr).contains("is a symbolic link to gone.jsonl, which does not exist"),
                    "\(command): \(result.stdout)\(result.stderr)")
            #expect(!(result.stdout + result.stderr).contains("no consensus yet"), "\(command)")
        }
    }

    @Test func aCommandAboutOneCoderIsNotStoppedByAnotherCodersLog() throws {
        let folder = try ScratchFolder("unreadable")
        let project = try FaultProject(in: folder.url, coders: ["maya", "jon", "bob"])
        _ = try Breakage.folder.apply(to: project.url("codings/bob.jsonl"))
        let mine = try project.run(["summary", "--coder", "maya"])
        #expect(mine.status == 0, "\(mine.stderr)")
        let bobs = try project.run(["summary", "--coder", "bob"])
        #expect(bobs.status == 1)
        #expect(bobs.stderr.contains("codings/bob.jsonl: error: the log cannot be read: is a folder, not a log file"), "\(bobs.stderr)")
        let set = try project.run(["set", FaultProject.papers[0], "motivation=in-car", "--coder", "bob"])
        #expect(set.status == 1)
        #expect(set.stderr.contains("codings/bob.jsonl: is a folder, not a log file"), "\(set.stderr)")
    }

    @Test func aCodingsFolderThatCannotBeListedIsAnErrorNotAnEmptyProject() throws {
        let folder = try ScratchFolder("unreadable")
        let project = try FaultProject(in: folder.url, papers: 1)
        try FileManager.default.moveItem(at: project.url("codings"), to: project.url("codings.moved"))
        try Data("not a folder".utf8).write(to: project.url("codings"))
        for command in [["status"], ["validate"], ["agree"], ["export", "--format", "csv", "--all"]] {
            let result = try project.run(command)
            #expect(result.status == 1, "\(command): \(result.stdout)\(result.stderr)")
            #expect((result.stdout + result.stderr).contains("codings/: error: the folder of coding logs cannot be read: is a file, not a folder"),
                    "\(command): \(result.stdout)\(result.stderr)")
        }
    }
}
