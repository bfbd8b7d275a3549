import Testing
@testable import LitCoderCore

@Suite struct CodingStateTests {
    @Test func latestEventForADimensionWins() {
        let events = [
            CodingEvent(seq: 1, coder: "a", paper: "p1", op: .set, dimension: "motivation", codes: ["healthcare"]),
            CodingEvent(seq: 2, coder: "a", paper: "p1", op: .set, dimension: "motivation", codes: ["hci", "healthcare"]),
            CodingEvent(seq: 3, coder: "a", paper: "p1", op: .set, dimension: "dataset", codes: ["iemocap"]),
            CodingEvent(seq: 4, coder: "a", paper: "p1", op: .set, dimension: "dataset", codes: []),
            CodingEvent(seq: 5, coder: "a", paper: "p1", op: .flag, value: true),
            CodingEvent(seq: 6, coder: "a", paper: "p2", op: .view),
        ]
        let state = CodingState(coder: "a", replaying: events)
        let p1 = state.coding(for: "p1")
        #expect(p1.codes(for: "motivation") == ["hci", "healthcare"])
        #expect(p1.codes["dataset"] == nil, "an empty selection is not coded")
        #expect(p1.flagged)
        #expect(!p1.done)
        #expect(state.lastViewed == "p2")
        #expect(state.eventCount == 6)
        #expect(state.lastSeq == 6)
    }
}
