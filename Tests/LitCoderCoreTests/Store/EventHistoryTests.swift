import Foundation
import Testing
@testable import LitCoderCore

/// Opening a log replays it without keeping its events; the history is read when asked for.
@Suite struct EventHistoryTests {
    struct ReadFailed: Error {}

    @Test func aLogsHistoryIsReadOnDemandAndFollowsAppends() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("codings/alice.jsonl")
        var written: [CodingEvent] = []
        do {
            let log = try CodingLog.open(url: url, coder: "alice", codebookHash: "h")
            written.append(try log.append(.set(paper: "p1", dimension: "motivation", codes: ["hci"], coder: "alice", codebook: "")))
            written.append(try log.append(CodingEvent(coder: "alice", paper: "p2", op: .note, text: "unsure")))
            #expect(try log.history() == written, "appended before the history was first read")
            written.append(try log.append(CodingEvent(coder: "alice", paper: "p2", op: .view)))
            #expect(try log.history() == written, "appended after")
            log.close()
        }
        let reopened = try CodingLog.open(url: url, coder: "alice", codebookHash: "h")
        #expect(reopened.state == CodingState(coder: "alice", replaying: written))
        #expect(try reopened.history() == written)
        #expect(try reopened.history().allSatisfy { !$0.time.isEmpty }, "the history keeps every event's time")
        reopened.close()
        #expect(try reopened.history() == written, "once read, the history outlives the lock")
        let unread = try CodingLog.open(url: url, coder: "alice", codebookHash: "h")
        unread.close()
        #expect(throws: CodingLogError.self) { try unread.history() }
    }

    @Test func replayingWithoutALockGivesTheSameStateAsOpening() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("codings/bob.jsonl")
        let log = try CodingLog.open(url: url, coder: "bob", codebookHash: "h")
        // A coder's log holds no `adjudicate` (EventPlacement): the rest of the random events.
        for event in CodingStateStorageTests.randomEvents(seed: 5, count: 150) where event.op != .adjudicate {
            try log.append(event)
        }
        // Every reader of a log that does not write it reads it through `LogFold`.
        let codebook = MiniProject.codebook
        let fold = try LogFold.read(url: url, coder: "bob", displayPath: url.path, codebook: codebook, snapshots: nil)
        #expect(fold.contents.diagnostics.isEmpty)
        #expect(fold.state == log.state)
        log.close()
        let missing = try LogFold.read(url: folder.file("codings/nobody.jsonl"), coder: "nobody", displayPath: "nobody.jsonl",
                                       codebook: codebook, snapshots: nil)
        #expect(missing.state == CodingState(coder: "nobody"))
    }

    @Test func aLoaderRunsOnceAndAFailedReadIsTriedAgain() throws {
        var calls = 0
        var fail = true
        let event = CodingEvent(seq: 1, coder: "a", paper: "p", op: .view)
        let history = EventHistory(loading: {
            calls += 1
            if fail { throw ReadFailed() }
            return [event]
        })
        #expect(throws: ReadFailed.self) { try history.events() }
        fail = false
        #expect(try history.events() == [event])
        #expect(try history.events() == [event])
        #expect(calls == 2)
        #expect(try EventHistory([event]).events() == [event])
    }
}
