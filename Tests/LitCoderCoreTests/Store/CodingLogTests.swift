import Foundation
import Testing
@testable import LitCoderCore

@Suite struct CodingLogTests {
    let hash = String(repeating: "ab", count: 32)

    private func openLog(_ folder: TemporaryFolder, timeout: Duration = .seconds(2)) throws -> CodingLog {
        try CodingLog.open(url: folder.file("codings/alice.jsonl"), coder: "alice", codebookHash: hash, lockTimeout: timeout)
    }

    @Test func roundTripKeepsEveryEventAndTheState() throws {
        let folder = try TemporaryFolder()
        var written: [CodingEvent] = []
        do {
            let log = try openLog(folder)
            written.append(try log.append(.set(paper: "p1", dimension: "motivation", codes: ["healthcare", "hci"], coder: "x", codebook: "")))
            written.append(try log.append(.setText(paper: "p1", dimension: "notes", text: "quote \" and\nnewline, ünïcødé 🎙", coder: "x", codebook: "")))
            written.append(try log.append(CodingEvent(coder: "alice", paper: "p2", op: .flag, value: true)))
            written.append(try log.append(CodingEvent(coder: "alice", paper: "p2", op: .note, text: "unsure\\about\tthis")))
            written.append(try log.append(CodingEvent(coder: "alice", paper: "p1", op: .done, value: true)))
            log.close()
        }
        #expect(written.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(written.allSatisfy { $0.coder == "alice" && $0.codebook == hash && $0.v == 1 && !$0.time.isEmpty })
        let contents = try CodingLog.read(url: folder.file("codings/alice.jsonl"))
        #expect(contents.events == written)
        #expect(contents.diagnostics.isEmpty)
        #expect(contents.health.isClean)
        let reopened = try openLog(folder)
        #expect(try reopened.history() == written)
        #expect(reopened.state.coding(for: "p1").codes(for: "motivation") == ["healthcare", "hci"])
        #expect(reopened.state.coding(for: "p1").texts["notes"] == "quote \" and\nnewline, ünïcødé 🎙")
        #expect(reopened.state.coding(for: "p2").note == "unsure\\about\tthis")
        #expect(reopened.state.coding(for: "p2").flagged)
        #expect(try reopened.append(CodingEvent(coder: "alice", paper: "p3", op: .view)).seq == 6)
    }

    @Test func eachEventIsOneLineInAFixedKeyOrder() throws {
        let folder = try TemporaryFolder()
        let log = try openLog(folder)
        try log.append(CodingEvent(time: "2026-01-02T03:04:05.678Z", coder: "alice", paper: "p1", op: .set,
                                   dimension: "dataset", codes: ["iemocap"]))
        log.close()
        #expect(try folder.read("codings/alice.jsonl") ==
            #"{"v":1,"seq":1,"time":"2026-01-02T03:04:05.678Z","coder":"alice","paper":"p1","op":"set","dim":"dataset","codes":["iemocap"],"codebook":"\#(hash)"}"# + "\n")
    }

    @Test func anEventWithoutCodebookHashIsRefused() throws {
        let folder = try TemporaryFolder()
        let log = try CodingLog.open(url: folder.file("codings/alice.jsonl"), coder: "alice")
        #expect(throws: CodingLogError.self) { try log.append(CodingEvent(coder: "alice", paper: "p1", op: .view)) }
        #expect(try folder.read("codings/alice.jsonl").isEmpty)
    }

    @Test func aSecondWriterWaitsThenFailsNamingTheHolder() throws {
        let folder = try TemporaryFolder()
        let first = try openLog(folder)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try openLog(folder, timeout: .milliseconds(400))
            Issue.record("the second writer got the lock")
        } catch let error as CodingLogError {
            let waited = clock.now - start
            #expect(waited >= .milliseconds(400))
            guard case .locked(_, let holder) = error else {
                Issue.record("expected .locked, got \(error)")
                return
            }
            #expect(holder?.contains("pid \(getpid())") == true, "holder: \(holder ?? "nil")")
            #expect(error.description.contains("another litcoder is writing"))
        }
        first.close()
        let second = try openLog(folder, timeout: .milliseconds(400))
        #expect(try second.append(CodingEvent(coder: "alice", paper: "p1", op: .view)).seq == 1)
    }

    @Test func aWaitingWriterGetsTheLockWhenTheHolderCloses() throws {
        let folder = try TemporaryFolder()
        try folder.write("codings/alice.jsonl", "")
        // Another holder of the same kind of lock, released from another thread after 200 ms.
        let holder = Glibc.open(folder.file("codings/alice.jsonl").path, O_RDONLY)
        #expect(flock(holder, LOCK_EX) == 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) { Glibc.close(holder) }
        let log = try openLog(folder, timeout: .seconds(2))
        #expect(try log.history().isEmpty)
    }

    @Test func aTornLastLineIsMovedAsideAndTheNextEventIsKept() throws {
        let folder = try TemporaryFolder()
        do {
            let log = try openLog(folder)
            try log.append(CodingEvent(coder: "alice", paper: "p1", op: .flag, value: true))
            try log.append(CodingEvent(coder: "alice", paper: "p2", op: .flag, value: true))
        }
        let complete = try folder.read("codings/alice.jsonl")
        let torn = #"{"v":1,"seq":3,"time":"2026-01-0"#
        try folder.write("codings/alice.jsonl", complete + torn)

        let readOnly = try CodingLog.read(url: folder.file("codings/alice.jsonl"))
        #expect(readOnly.events.count == 2)
        #expect(readOnly.health.tornLine == 3)
        #expect(readOnly.diagnostics.contains { $0.line == 3 && $0.message.contains("unfinished") })
        #expect(try folder.read("codings/alice.jsonl") == complete + torn, "reading changes nothing")

        let log = try openLog(folder)
        #expect(try log.history().count == 2)
        let diagnostic = try #require(log.diagnostics.first)
        #expect(diagnostic.line == 3)
        #expect(diagnostic.severity == .warning)
        let asideName = try #require(log.health.tornSetAsideTo)
        #expect(asideName.hasPrefix("alice.jsonl.torn-"))
        #expect(try folder.read("codings/\(asideName)") == torn)
        #expect(try folder.read("codings/alice.jsonl") == complete)
        let next = try log.append(CodingEvent(coder: "alice", paper: "p3", op: .done, value: true))
        #expect(next.seq == 3)
        log.close()
        let after = try CodingLog.read(url: folder.file("codings/alice.jsonl"))
        #expect(after.events.map(\.paper) == ["p1", "p2", "p3"])
        #expect(after.health.isClean)
    }

    @Test func aLogOfOnlyATornLineOpensEmpty() throws {
        let folder = try TemporaryFolder()
        try folder.write("codings/alice.jsonl", #"{"v":1,"se"#)
        let log = try openLog(folder)
        #expect(try log.history().isEmpty)
        #expect(log.health.tornSetAsideTo != nil)
        #expect(try log.append(CodingEvent(coder: "alice", paper: "p1", op: .view)).seq == 1)
    }

    @Test func aMalformedLineInTheMiddleIsReportedAndKept() throws {
        let folder = try TemporaryFolder()
        do {
            let log = try openLog(folder)
            try log.append(CodingEvent(coder: "alice", paper: "p1", op: .flag, value: true))
        }
        let first = try folder.read("codings/alice.jsonl")
        let garbage = "this is not json, someone edited the file\n"
        let third = first.replacingOccurrences(of: "\"seq\":1", with: "\"seq\":2").replacingOccurrences(of: "p1", with: "p2")
        try folder.write("codings/alice.jsonl", first + garbage + third)

        let log = try openLog(folder)
        #expect(try log.history().map(\.paper) == ["p1", "p2"])
        #expect(log.health.malformedLines == 1)
        let diagnostic = try #require(log.diagnostics.first)
        #expect(diagnostic.line == 2)
        #expect(diagnostic.description.contains("alice.jsonl:2: error: malformed event"))
        try log.append(CodingEvent(coder: "alice", paper: "p3", op: .view))
        log.close()
        let text = try folder.read("codings/alice.jsonl")
        #expect(text.hasPrefix(first + garbage + third), "the malformed line stays where it was")
    }

    @Test(arguments: [
        // (seqs in the file, expected problem count, words in the first message)
        ([1, 2, 3], 0, ""),
        ([1, 3], 1, "seq 2 is missing"),
        ([1, 5], 1, "seq 2–4 are missing"),
        ([1, 2, 2], 1, "repeats"),
        ([2, 1], 2, "jumps from 0 to 2"),
    ])
    func sequenceGapsAndRepeatsAreReported(seqs: [Int], problems: Int, words: String) throws {
        let folder = try TemporaryFolder()
        let lines = seqs.map { seq in
            String(decoding: EventLineEncoder.line(for: CodingEvent(seq: seq, time: "t", coder: "alice", paper: "p\(seq)", op: .view, codebook: hash)), as: UTF8.self)
        }
        try folder.write("alice.jsonl", lines.joined())
        let contents = try CodingLog.read(url: folder.file("alice.jsonl"))
        #expect(contents.events.count == seqs.count, "every event is still applied")
        #expect(contents.health.sequenceProblems == problems)
        if problems > 0 { #expect(contents.diagnostics.first?.message.contains(words) == true, "\(contents.diagnostics)") }
    }

    @Test func anEventFromANewerSchemaIsReportedAndLeftOut() throws {
        let folder = try TemporaryFolder()
        try folder.write("alice.jsonl", """
            {"v":1,"seq":1,"time":"t","coder":"alice","paper":"p1","op":"flag","value":true,"codebook":"h"}
            {"v":3,"seq":2,"time":"t","coder":"alice","paper":"p2","op":"flag","value":true,"codebook":"h","future":1}

            """)
        let contents = try CodingLog.read(url: folder.file("alice.jsonl"))
        #expect(contents.events.map(\.paper) == ["p1"])
        #expect(contents.health.newerSchemaLines == 1)
        #expect(contents.diagnostics.first?.line == 2)
        #expect(contents.diagnostics.first?.message.contains("newer litcoder") == true)
    }

    @Test func aMissingLogReadsAsEmpty() throws {
        let folder = try TemporaryFolder()
        let contents = try CodingLog.read(url: folder.file("nobody.jsonl"))
        #expect(contents.events.isEmpty && contents.diagnostics.isEmpty)
    }

    @Test func crlfLineEndingsAndBlankLinesAreTolerated() throws {
        let folder = try TemporaryFolder()
        try folder.write("alice.jsonl",
            "{\"v\":1,\"seq\":1,\"time\":\"t\",\"coder\":\"alice\",\"paper\":\"p1\",\"op\":\"view\",\"codebook\":\"h\"}\r\n\r\n"
            + "{\"v\":1,\"seq\":2,\"time\":\"t\",\"coder\":\"alice\",\"paper\":\"p2\",\"op\":\"view\",\"codebook\":\"h\"}\r\n")
        let contents = try CodingLog.read(url: folder.file("alice.jsonl"))
        #expect(contents.events.map(\.paper) == ["p1", "p2"])
        #expect(contents.diagnostics.isEmpty)
    }

    @Test func theLockSidecarNamesTheHolderAndGoesAwayOnClose() throws {
        let folder = try TemporaryFolder()
        let log = try openLog(folder)
        let sidecar = try folder.read("codings/alice.jsonl.lock")
        #expect(sidecar.contains("pid: \(getpid())"))
        #expect(sidecar.contains("started: "))
        log.close()
        #expect(!FileManager.default.fileExists(atPath: folder.file("codings/alice.jsonl.lock").path))
    }
}

/// Which logs make their owner a coder: a decision (any event but a view) this litcoder reads.
@Suite struct LogDecisionTests {
    static let view = #"{"v":1,"seq":1,"time":"2026-01-01T00:00:00.000Z","coder":"e","paper":"p1","op":"view","codebook":"h"}"#
    static let note = #"{"v":1,"seq":2,"time":"2026-01-01T00:00:00.000Z","coder":"e","paper":"p1","op":"note","text":"x","codebook":"h"}"#
    static let newer = #"{"v":9,"seq":2,"time":"2026-01-01T00:00:00.000Z","coder":"e","paper":"p1","op":"set","dim":"d","codes":["a"],"codebook":"h"}"#

    @Test(arguments: [
        ("", false), ("\n\n", false), (view + "\n", false), (view + "\n" + view + "\n", false),
        (view + "\n" + note + "\n", true), (view + "\r\n" + note + "\r\n", true),
        ("not json\n" + view + "\n", false), (newer + "\n", false),
        // A decision still being written (no newline yet) is not one yet.
        (view + "\n" + note, false),
    ])
    func aLogHoldsDecisionsOnlyWithAnEventButAView(text: String, expected: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decisions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("e.jsonl")
        try Data(text.utf8).write(to: url)
        #expect(CodingLog.holdsDecisions(url: url) == expected)
        #expect(!CodingLog.holdsDecisions(url: folder.appendingPathComponent("none.jsonl")))
    }
}
