import Foundation
import Testing
@testable import LitCoderCore

/// The store under a failing disk, through `DurableFile`'s injected faults: a full disk
/// (ENOSPC), a failing one (EIO), a read-only folder (EROFS). Whatever fails, the log holds
/// exactly what it held before or the whole batch, never part of one, and the error says which.
@Suite struct StoreFaultTests {
    let hash = String(repeating: "cd", count: 32)

    private func open(_ folder: TemporaryFolder) throws -> CodingLog {
        try CodingLog.open(url: folder.file("codings/alice.jsonl"), coder: "alice", codebookHash: hash)
    }

    private func bytes(_ folder: TemporaryFolder, _ name: String = "codings/alice.jsonl") -> [UInt8] {
        FileManager.default.contents(atPath: folder.file(name).path).map { [UInt8]($0) } ?? []
    }

    private func threeChanges() -> [CodingEvent] {
        [CodingEvent(coder: "alice", paper: "p2", op: .set, dimension: "motivation", codes: ["hci"]),
         CodingEvent(coder: "alice", paper: "p2", op: .note, text: "a note"),
         CodingEvent(coder: "alice", paper: "p2", op: .done, value: true)]
    }

    /// A fault on a write or on the fsync after it.
    struct Case: Sendable, CustomTestStringConvertible {
        var call: DurableFile.Call
        var errno: Int32
        var testDescription: String { "\(call) fails with \(String(cString: strerror(errno)))" }
    }

    static let appendFaults = [Case(call: .write, errno: ENOSPC), Case(call: .write, errno: EIO),
                               Case(call: .sync, errno: EIO), Case(call: .write, errno: EROFS)]

    @Test(arguments: appendFaults)
    func oneSetOfSeveralChangesIsSavedWholeOrNotAtAll(fault: Case) throws {
        let folder = try TemporaryFolder()
        defer { DurableFile.removeFaults(under: folder.url.path) }
        let log = try open(folder)
        try log.append(CodingEvent(coder: "alice", paper: "p1", op: .view))
        let before = bytes(folder)

        DurableFile.inject(.init(call: fault.call, errno: fault.errno, pathPrefix: folder.url.path))
        do {
            try log.append(contentsOf: threeChanges())
            Issue.record("the append succeeded despite the fault")
        } catch let error as CodingLogError {
            #expect(error.description == "\(folder.file("codings/alice.jsonl").path): write failed: \(String(cString: strerror(fault.errno))); none of the 3 changes was saved (the log is as it was before)")
        }
        #expect(bytes(folder) == before, "the log changed")
        #expect(log.state.coding(for: "p2").note.isEmpty)

        // The next append, with the disk working again, takes the next seq: nothing was half-counted.
        let saved = try log.append(contentsOf: threeChanges())
        #expect(saved.map(\.seq) == [2, 3, 4])
        log.close()
        let contents = try CodingLog.read(url: folder.file("codings/alice.jsonl"))
        #expect(contents.events.map(\.seq) == [1, 2, 3, 4])
        #expect(contents.health.isClean, "\(contents.diagnostics)")
    }

    @Test func aWriteThatCannotEvenBeCutBackSaysSomeChangesMayBeThere() throws {
        let folder = try TemporaryFolder()
        defer { DurableFile.removeFaults(under: folder.url.path) }
        let log = try open(folder)
        DurableFile.inject(.init(call: .sync, errno: EIO, pathPrefix: folder.url.path))
        DurableFile.inject(.init(call: .truncate, errno: EIO, pathPrefix: folder.url.path))
        #expect {
            try log.append(contentsOf: threeChanges())
        } throws: { error in
            "\(error)".hasSuffix("write failed: Input/output error, and the log could not be cut back to its last saved event; some of the 3 changes may be in it, the rest is not: check with 'litcoder show' before trying again")
        }
    }

    /// A log whose last line a killed writer left unfinished.
    private func tornLog(_ folder: TemporaryFolder) throws -> (complete: String, torn: String) {
        let complete = #"{"v":1,"seq":1,"time":"2026-01-01T00:00:00.000Z","coder":"alice","paper":"p1","op":"view","codebook":"x"}"# + "\n"
        let torn = #"{"v":1,"seq":2,"time":"2026-01-01T00:00:01.000Z","coder":"ali"#
        try folder.write("codings/alice.jsonl", complete + torn)
        return (complete, torn)
    }

    private func asideFiles(_ folder: TemporaryFolder) throws -> [String] {
        try folder.names(in: "codings").filter { $0.contains(".torn") }
    }

    @Test(arguments: [Case(call: .create, errno: ENOSPC), Case(call: .write, errno: ENOSPC),
                      Case(call: .sync, errno: EIO), Case(call: .create, errno: EROFS)])
    func movingATornTailAsideOnAFailingDiskLeavesNoFileAndChangesNothing(fault: Case) throws {
        let folder = try TemporaryFolder()
        defer { DurableFile.removeFaults(under: folder.url.path) }
        let (complete, torn) = try tornLog(folder)
        DurableFile.inject(.init(call: fault.call, errno: fault.errno, pathPrefix: folder.url.path))
        #expect {
            _ = try open(folder)
        } throws: { error in
            "\(error)".hasSuffix("alice.jsonl: cannot move its unfinished last line aside: \(String(cString: strerror(fault.errno))); nothing was changed or saved")
        }
        #expect(try asideFiles(folder) == [], "an empty or partial copy was left")
        #expect(bytes(folder) == Array((complete + torn).utf8))

        DurableFile.removeFaults(under: folder.url.path)
        let log = try open(folder)
        log.close()
        let aside = try asideFiles(folder)
        #expect(aside.count == 1)
        #expect(bytes(folder, "codings/\(aside[0])") == Array(torn.utf8))
        #expect(bytes(folder) == Array(complete.utf8))
    }

    @Test func aWriterStoppedAfterTheCopyButBeforeTheCutMakesNoSecondCopy() throws {
        let folder = try TemporaryFolder()
        defer { DurableFile.removeFaults(under: folder.url.path) }
        let (complete, torn) = try tornLog(folder)
        // The copy is made, then cutting the log fails: as if the writer were killed between the two.
        DurableFile.inject(.init(call: .truncate, errno: EIO, pathPrefix: folder.url.path))
        #expect(throws: CodingLogError.self) { _ = try open(folder) }
        #expect(try asideFiles(folder).count == 1)
        #expect(bytes(folder) == Array((complete + torn).utf8))

        let log = try open(folder)
        #expect(log.health.tornSetAsideTo == (try asideFiles(folder)).first)
        log.close()
        #expect(try asideFiles(folder).count == 1, "a second copy of the same torn line was made")
        #expect(bytes(folder) == Array(complete.utf8))
    }

    @Test func aTemporaryCopyLeftByAKilledWriterIsRemoved() throws {
        let folder = try TemporaryFolder()
        _ = try tornLog(folder)
        // A pid no process has: the writer that made this temporary file is gone.
        var pid: Int32 = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid += 1 }
        try folder.write("codings/.alice.jsonl.torn.tmp-\(pid)", "{\"v\":1,\"se")
        let log = try open(folder)
        log.close()
        let names = try folder.names(in: "codings")
        #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
        #expect(names.filter { $0.contains(".torn-") }.count == 1)
    }

    @Test func oneDurableAppendForABatchOfEvents() throws {
        let folder = try TemporaryFolder()
        defer { DurableFile.removeFaults(under: folder.url.path) }
        let log = try open(folder)
        // A second write or fsync would meet this fault: the batch must need exactly one of each.
        DurableFile.inject(.init(call: .write, errno: EIO, pathPrefix: folder.url.path, skipping: 1))
        DurableFile.inject(.init(call: .sync, errno: EIO, pathPrefix: folder.url.path, skipping: 1))
        let saved = try log.append(contentsOf: threeChanges())
        #expect(saved.map(\.seq) == [1, 2, 3])
        #expect(saved.allSatisfy { $0.time == saved[0].time && $0.codebook == hash })
        log.close()
        #expect(try CodingLog.read(url: folder.file("codings/alice.jsonl")).events == saved)
    }
}
