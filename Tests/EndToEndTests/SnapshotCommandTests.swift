import Foundation
import Testing

/// Every command that reads the logs says exactly the same with log snapshots as without them:
/// fresh, used again, behind a log that grew, for bytes a log no longer starts with, damaged,
/// swapped between coders, deleted. The fixture holds every kind of line: renamed codes, texts,
/// notes, done marks, a quote, a malformed line, decisions by hand in the consensus log.
@Suite struct SnapshotCommandTests {
    static let commands: [[String]] = [
        ["status"], ["status", "--format", "json"], ["validate"], ["summary"], ["summary", "--coder", "alice"],
        ["agree", "--bootstrap", "50"], ["agree", "--format", "json", "--bootstrap", "50"], ["disagreements"],
        ["export", "--format", "csv", "--coder", "alice"], ["export", "--format", "csv-long"],
        ["export", "--format", "json"], ["export", "--format", "html"], ["export", "--format", "methods"],
        ["export", "--format", "jsonl", "--consensus"], ["mismatches", "--coder", "alice"], ["show", "p1", "--coder", "alice"],
    ]

    /// alice is the coder of the commands that read one coder's log.
    static let never = ["LITCODER_SNAPSHOT_MIN_BYTES": "999999999999", "LITCODER_CODER": "alice"]
    static let always = ["LITCODER_SNAPSHOT_MIN_BYTES": "0", "LITCODER_CODER": "alice"]

    struct Outcome: Equatable, CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    static func run(_ fixture: TruthFixture, _ arguments: [String], _ environment: [String: String]) throws -> Outcome {
        let result = try LitcoderBinary.run(arguments, in: fixture.root, environment: environment)
        return Outcome(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    static func fixture() throws -> TruthFixture {
        let fixture = try TruthFixture()
        for arguments in [["consensus", "--auto-agreed", "--adjudicator", "ana"],
                          ["evidence", "p2", "relevance", "ser", "About speech", "--coder", "alice"]] {
            let result = try run(fixture, arguments, never)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        try fixture.decideByHand(after: 5)
        try append("{\"v\":1,\"seq\":\n", to: "alice", in: fixture)
        return fixture
    }

    static func append(_ text: String, to coder: String, in fixture: TruthFixture) throws {
        let handle = try FileHandle(forWritingTo: fixture.root.appendingPathComponent("codings/\(coder).jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    static func snapshot(_ coder: String, in fixture: TruthFixture) -> URL {
        fixture.root.appendingPathComponent(".litcoder-cache/\(coder).snapshot")
    }

    static func inode(_ url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.systemFileNumber] as? Int
    }

    @Test(arguments: commands)
    func sameOutputWithSnapshotsInEveryState(arguments: [String]) throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let cache = fixture.root.appendingPathComponent(".litcoder-cache")
        func check(_ what: String) throws {
            let expected = try Self.run(fixture, arguments, Self.never)
            #expect(try Self.run(fixture, arguments, Self.always) == expected, "\(what): \(arguments)")
        }

        // Fresh: the first run writes the snapshots, the second reads them.
        let expected = try Self.run(fixture, arguments, Self.never)
        #expect(expected.status == 0 || arguments == ["validate"], "\(expected)")
        #expect(!expected.stdout.isEmpty, "\(expected)")
        try check("written")
        let alice = Self.snapshot("alice", in: fixture)
        let written = try #require(Self.inode(alice), "a snapshot of alice's log was written")
        try check("read back")
        #expect(Self.inode(alice) == written, "the snapshot was used, not written again")

        // Behind: the log grew after the snapshot.
        let set = try Self.run(fixture, ["set", "p2", "relevance=out", "--coder", "alice"], Self.never)
        #expect(set.status == 0, "\(set.stderr)")
        try Self.append("not json\n", to: "alice", in: fixture)
        try check("behind the log")

        // For other bytes: the log edited in place, its length unchanged.
        let log = fixture.root.appendingPathComponent("codings/alice.jsonl")
        let text = try String(contentsOf: log, encoding: .utf8)
        try text.replacingOccurrences(of: "\"German\"", with: "\"German\"".uppercased()).write(to: log, atomically: true, encoding: .utf8)
        try check("log edited in place")

        // Damaged: a byte changed in the middle of every snapshot.
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.hasSuffix(".snapshot") {
            let url = cache.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count / 2] ^= 0x20
            try bytes.write(to: url)
        }
        try check("damaged")

        // Swapped: bob's snapshot in alice's place.
        #expect(try Self.run(fixture, ["status"], Self.always).status == 0)
        try? FileManager.default.removeItem(at: alice)
        try FileManager.default.copyItem(at: Self.snapshot("bob", in: fixture), to: alice)
        try check("another coder's")

        // Deleted.
        try FileManager.default.removeItem(at: cache)
        try check("deleted")
    }

    /// A `.litcoder-cache` that is a link to a folder not there now (a disk not mounted) is the
    /// user's: the commands say what they say without snapshots and leave the link as it was.
    @Test func aCacheLinkToAMissingFolderIsLeftAlone() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let cache = fixture.root.appendingPathComponent(".litcoder-cache")
        let target = fixture.root.appendingPathComponent("unmounted/cache").path
        try FileManager.default.createSymbolicLink(atPath: cache.path, withDestinationPath: target)
        for arguments in [["status"], ["validate"]] {
            let expected = try Self.run(fixture, arguments, Self.never)
            #expect(try Self.run(fixture, arguments, Self.always) == expected, "\(arguments)")
            #expect(try Self.run(fixture, arguments, Self.always) == expected, "\(arguments), again")
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: cache.path)) == target,
                    "the link is still there, pointing where it did")
        }
        #expect(!FileManager.default.fileExists(atPath: target), "nothing made where the link points")
    }

    /// A snapshot holds what one build of litcoder made of a log. Another build (an upgrade, a
    /// rebuild, a teammate's through a synced folder) may word a problem or judge a line
    /// otherwise, so it reads the log whole and writes its own snapshot; here the other build
    /// is a copy of the binary.
    @Test func aSnapshotWrittenByAnotherBuildIsNotUsed() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let copy = fixture.root.appendingPathComponent("other-build/litcoder")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: LitcoderBinary.url, to: copy)
        func runCopy(_ arguments: [String]) throws -> Outcome {
            let process = Process()
            process.executableURL = copy
            process.arguments = arguments
            process.currentDirectoryURL = fixture.root
            process.environment = ProcessInfo.processInfo.environment.merging(Self.always) { $1 }
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return Outcome(status: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
        let alice = Self.snapshot("alice", in: fixture)
        let expected = try Self.run(fixture, ["validate"], Self.never)
        #expect(try Self.run(fixture, ["validate"], Self.always) == expected)
        let mine = try #require(Self.inode(alice))
        #expect(try runCopy(["validate"]) == expected)
        let theirs = try #require(Self.inode(alice))
        #expect(theirs != mine, "the other build read the log whole and wrote its own snapshot")
        #expect(try runCopy(["validate"]) == expected)
        #expect(Self.inode(alice) == theirs, "and uses its own")
        #expect(try Self.run(fixture, ["validate"], Self.always) == expected)
        #expect(Self.inode(alice) != theirs)
    }

    /// A snapshot holds a log's codings: whoever may not read the log may not read its
    /// snapshot either, whatever the umask; and only its owner writes it.
    @Test(arguments: [(0o600, 0o600), (0o640, 0o640), (0o644, 0o644), (0o664, 0o644), (0o606, 0o604)] as [(Int, Int)])
    func aSnapshotIsNoMoreReadableThanItsLog(permissions: Int, expected: Int) throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let log = fixture.root.appendingPathComponent("codings/alice.jsonl")
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: log.path)
        #expect(try Self.run(fixture, ["status"], Self.always).status == 0)
        let snapshot = Self.snapshot("alice", in: fixture)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: snapshot.path)[.posixPermissions] as? Int)
        #expect(mode == expected, "the snapshot of a log of mode \(String(permissions, radix: 8)) has mode \(String(mode, radix: 8))")
    }

    /// git never sees the snapshots, in a project made by `init` or not.
    @Test func gitIgnoresTheSnapshots() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let status = try Self.run(fixture, ["status"], Self.always)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(FileManager.default.fileExists(atPath: Self.snapshot("alice", in: fixture).path))
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", fixture.root.path, "init", "-q"]
        try git.run()
        git.waitUntilExit()
        try #require(git.terminationStatus == 0, "git is needed for this test")
        let list = Process()
        list.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        list.arguments = ["git", "-C", fixture.root.path, "status", "--porcelain", "--untracked-files=all"]
        let out = Pipe()
        list.standardOutput = out
        try list.run()
        let listed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        list.waitUntilExit()
        #expect(listed.contains("codings/alice.jsonl"))
        #expect(!listed.contains(".litcoder-cache"), "\(listed)")
    }
}
