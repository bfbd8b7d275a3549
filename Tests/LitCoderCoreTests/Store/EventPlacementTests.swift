import Foundation
import Testing
@testable import LitCoderCore

/// Which events belong in which log (`EventPlacement`), and that no writer puts one where
/// every reader would leave it out.
@Suite struct EventPlacementTests {
    static let hash = String(repeating: "a", count: 64)

    /// One row per case: the event's op and coder, the log's owner, whether it belongs there.
    @Test(arguments: [
        (CodingEvent.Operation.set, "maya", "maya", true),
        (.note, "maya", "maya", true),
        (.flag, "maya", "maya", true),
        (.done, "maya", "maya", true),
        (.view, "maya", "maya", true),
        (.adjudicate, "maya", "maya", false),
        (.set, "jon", "maya", false),
        (.adjudicate, "_consensus", "_consensus", true),
        (.adjudicate, "lee", "_consensus", false),
        (.set, "_consensus", "_consensus", false),
        (.note, "_consensus", "_consensus", false),
        (.done, "maya", "_consensus", false),
        (.view, "_consensus", "_consensus", false),
    ])
    func anEventBelongsOnlyInItsOwnersLog(op: CodingEvent.Operation, coder: String, owner: String, belongs: Bool) {
        let event = CodingEvent(coder: coder, paper: "p1", op: op, dimension: "relevance", codes: [], codebook: Self.hash)
        #expect((EventPlacement.problem(of: event, inLogOf: owner) == nil) == belongs)
    }

    @Test func aWriterRefusesAnAdjudicateInACodersLogAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("codings/maya.jsonl")
        let log = try CodingLog.open(url: url, coder: "maya", codebookHash: Self.hash)
        try log.append(.set(paper: "p1", dimension: "relevance", codes: ["ser-core"], coder: "maya", codebook: ""))
        let before = try folder.read("codings/maya.jsonl")
        let decision = CodingEvent.adjudicate(paper: "p1", dimension: "relevance", codes: ["ser-core"], sources: ["maya"],
                                              adjudicator: "maya", codebook: Self.hash)
        #expect {
            try log.append(contentsOf: [.set(paper: "p2", dimension: "relevance", codes: ["ser-core"], coder: "maya", codebook: ""), decision])
        } throws: { error in
            (error as? CodingLogError)?.description == "\(url.path): refusing an 'adjudicate' event (a consensus decision) in maya's log; "
                + "consensus decisions belong in codings/_consensus.jsonl; nothing was saved"
        }
        #expect(try folder.read("codings/maya.jsonl") == before, "none of the batch is written")
        #expect(log.state.lastSeq == 1)
        log.close()
    }
}
