import Foundation
import Testing

/// The real binary on a really full disk and on a read-only one (a small tmpfs): one clear
/// error, exit status 1, and no file half written, left behind, or read later as data.
@Suite(.enabled(if: SmallDisk.canMount, "mounting a small tmpfs needs root (CAP_SYS_ADMIN); the disk fault tests are skipped"))
struct DiskFaultTests {
    private func project(on disk: SmallDisk) throws -> FaultProject {
        let project = try FaultProject(in: disk.url)
        try RISFile.write(to: project.url("extra.ris"))
        return project
    }

    private func files(_ project: FaultProject) -> [String] {
        (project.names(in: "") + project.names(in: "codings").map { "codings/\($0)" } + project.names(in: "corpus").map { "corpus/\($0)" })
    }

    @Test func setOnAFullDiskSavesNeitherChangeAndSaysSo() throws {
        let disk = try SmallDisk(kilobytes: 2048)
        let project = try project(on: disk)
        try disk.padToPage("project/codings/maya.jsonl")
        let before = project.bytes("codings/maya.jsonl")
        try disk.fill()
        let result = try project.run(["set", FaultProject.papers[1], "motivation=in-car", "--note", "on a full disk", "--coder", "maya"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: codings/maya.jsonl: write failed: No space left on device; none of the 2 changes was saved (the log is as it was before)\n")
        #expect(project.bytes("codings/maya.jsonl") == before)

        disk.free()
        let again = try project.run(["set", FaultProject.papers[1], "motivation=in-car", "--note", "on a full disk", "--coder", "maya"])
        #expect(again.status == 0, "\(again.stderr)")
        let validate = try project.run(["validate"])
        #expect(validate.stdout.hasSuffix(": no problems\n"), "\(validate.stdout)")
    }

    @Test func aTornLineIsNotMovedAsideOnAFullDiskAndMovedOnceThereIsRoom() throws {
        let disk = try SmallDisk(kilobytes: 2048)
        let project = try project(on: disk)
        try disk.padToPage("project/codings/maya.jsonl")
        let torn = Array(#"{"v":1,"seq":3,"time":"2026-01-01T00:00:00.000Z","coder":"ma"#.utf8)
        let handle = try FileHandle(forWritingTo: project.url("codings/maya.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: torn)
        try handle.close()
        let before = project.bytes("codings/maya.jsonl")
        try disk.fill()

        let result = try project.run(["set", FaultProject.papers[1], "motivation=in-car", "--coder", "maya"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: codings/maya.jsonl: cannot move its unfinished last line aside: No space left on device; nothing was changed or saved\n")
        #expect(project.bytes("codings/maya.jsonl") == before)
        #expect(!files(project).contains { $0.contains(".torn") || $0.contains(".tmp-") }, "\(files(project))")

        disk.free()
        let again = try project.run(["set", FaultProject.papers[1], "motivation=in-car", "--coder", "maya"])
        #expect(again.status == 0, "\(again.stderr)")
        let aside = project.names(in: "codings").filter { $0.contains(".torn") }
        #expect(aside.count == 1, "\(aside)")
        #expect(aside.first.map { project.bytes("codings/\($0)") } == torn)
    }

    @Test func exportToAFullDiskWritesNothing() throws {
        let disk = try SmallDisk(kilobytes: 2048)
        let project = try project(on: disk)
        let before = files(project)
        try disk.fill()
        let result = try project.run(["export", "--format", "csv", "--coder", "maya", "-o", "coded.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(files(project) == before, "a partial export or a temporary file was left")
    }

    @Test func importOnAFullDiskLeavesTheCorpusAsItWas() throws {
        let disk = try SmallDisk(kilobytes: 2048)
        let project = try project(on: disk)
        let corpus = project.names(in: "corpus").first ?? ""
        let before = project.bytes("corpus/\(corpus)")
        let listing = files(project)
        try disk.fill()
        let result = try project.run(["import", "extra.ris"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        #expect(project.bytes("corpus/\(corpus)") == before)
        #expect(files(project) == listing, "a temporary file was left")
    }

    @Test func aReadOnlyProjectCanBeReadButNotWritten() throws {
        let disk = try SmallDisk(kilobytes: 2048)
        let project = try project(on: disk)
        try disk.makeReadOnly()
        for command in [["status"], ["validate"], ["agree", "--bootstrap", "0"], ["export", "--format", "csv", "--all"]] {
            let result = try project.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let attempts: [([String], String)] = [
            (["set", FaultProject.papers[1], "motivation=in-car", "--coder", "maya"], "error: codings/maya.jsonl: cannot open: Read-only file system\n"),
            (["set", FaultProject.papers[1], "motivation=in-car", "--coder", "newcomer"], "Read-only file system"),
            (["export", "--format", "csv", "--all", "-o", "coded.csv"], "Read-only file system"),
            (["import", "extra.ris"], "Read-only file system"),
            (["consensus", "--auto-agreed", "--adjudicator", "ana"], "Read-only file system"),
        ]
        for (command, words) in attempts {
            let result = try project.run(command)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            // (An import into the sample project warns about the sample papers first.)
            #expect(result.stderr.split(separator: "\n").contains { $0.hasPrefix("error: ") }, "\(command): \(result.stderr)")
            #expect(result.stderr.contains(words), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
        }
    }
}

/// A one-record RIS file to import.
enum RISFile {
    static func write(to url: URL) throws {
        try "TY  - JOUR\nTI  - Speech emotion on a full disk\nPY  - 2021\nAB  - An abstract.\nER  - \n"
            .write(to: url, atomically: true, encoding: .utf8)
    }
}
