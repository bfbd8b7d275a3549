import Foundation
import Testing
@testable import LitCoderCore

/// Long lines, torn tails and concurrent replays: the shapes a crashed writer leaves behind.
///
/// A log written by a writer that was killed holds notes of tens of kilobytes, often with an
/// unfinished last line. Reading it must give every complete event exactly, whatever the line
/// lengths relative to the scanner's read buffer, and several logs replayed at once (as a
/// parallel test run or the agreement screen does) must not disturb one another.
@Suite struct LogReplayStressTests {
    /// Events alternating long notes (plain and escaped) with short `set`s, as the crash writer writes.
    static func events(count: Int, noteBytes: Int, coder: String) -> [CodingEvent] {
        (1...count).map { seq in
            let paper = "p\(seq % 97)"
            switch seq % 4 {
            case 0:
                return CodingEvent(seq: seq, time: "2026-11-24T10:00:00.000Z", coder: coder, paper: paper, op: .note,
                                   text: String(repeating: "n", count: noteBytes + seq), codebook: "cb")
            case 1:
                return CodingEvent(seq: seq, time: "2026-11-24T10:00:00.000Z", coder: coder, paper: paper, op: .note,
                                   text: String(repeating: "\"é\\ ", count: noteBytes / 4 + seq), codebook: "cb")
            default:
                return CodingEvent(seq: seq, time: "2026-11-24T10:00:00.000Z", coder: coder, paper: paper, op: .set,
                                   dimension: "motivation", codes: ["healthcare", "call-centre-\(seq)"], codebook: "cb")
            }
        }
    }

    static func bytes(of events: [CodingEvent]) -> [UInt8] {
        events.flatMap { EventLineEncoder.line(for: $0) }
    }

    @Test(arguments: [100, 4_000, 64_000, 1 << 20, (4 << 20) + 7])
    func longLinesReadBackExactlyWithAnyTornTail(noteBytes: Int) throws {
        let folder = try TemporaryFolder("litcoder-stress")
        let events = Self.events(count: noteBytes > 100_000 ? 9 : 40, noteBytes: noteBytes, coder: "maya")
        let whole = Self.bytes(of: events)
        // Cut the last line at its start, its middle, and one byte before its newline.
        let lastLength = EventLineEncoder.line(for: events[events.count - 1]).count
        for cut in [0, lastLength / 2, lastLength - 1] {
            let kept = whole.count - lastLength + cut
            try Data(whole.prefix(kept)).write(to: folder.file("maya.jsonl"))
            let contents = try CodingLog.read(url: folder.file("maya.jsonl"))
            #expect(contents.events == Array(events.dropLast()), "cut at \(cut)")
            #expect(contents.health.malformedLines == 0)
            #expect((contents.health.tornLine != nil) == (cut > 0), "cut at \(cut)")
        }
    }

    @Test func concurrentReplaysOfLongLineLogsGiveTheWrittenEvents() async throws {
        let folder = try TemporaryFolder("litcoder-stress")
        let logs = 6
        var expected: [[CodingEvent]] = []
        for index in 0..<logs {
            let events = Self.events(count: 60, noteBytes: 10_000 + index * 9_000, coder: "c\(index)")
            try Data(Self.bytes(of: events)).write(to: folder.file("c\(index).jsonl"))
            expected.append(events)
        }
        let urls = (0..<logs).map { folder.file("c\($0).jsonl") }
        let results = try await withThrowingTaskGroup(of: (Int, [CodingEvent], CodingState).self) { group in
            for round in 0..<(logs * 4) {
                let index = round % logs
                let url = urls[index]
                group.addTask {
                    let log = try CodingLog.open(url: url, coder: "c\(index)", codebookHash: "cb", lockTimeout: .seconds(30))
                    defer { log.close() }
                    return (index, try log.history(), log.state)
                }
            }
            var all: [(Int, [CodingEvent], CodingState)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == logs * 4)
        for (index, events, state) in results {
            #expect(events == expected[index], "log \(index)")
            #expect(state == CodingState(coder: "c\(index)", replaying: expected[index]), "log \(index)")
        }
    }
}
