import Testing
@testable import LitCoderCore

@Suite struct StaleCodingsTests {
    @Test func codesAndDimensionsTheCodebookLostAreFoundNeverDropped() {
        let events = [
            CodingEvent(seq: 1, coder: "a", paper: "p1", op: .set, dimension: "motivation", codes: ["healthcare", "wellbeing"]),
            CodingEvent(seq: 2, coder: "a", paper: "p2", op: .set, dimension: "motivation", codes: ["wellbeing"]),
            CodingEvent(seq: 3, coder: "a", paper: "p2", op: .set, dimension: "motivation", codes: ["hci"]),
            CodingEvent(seq: 4, coder: "a", paper: "p3", op: .set, dimension: "elicitation", codes: ["acted"]),
            CodingEvent(seq: 5, coder: "a", paper: "p3", op: .set, dimension: "setting", codes: ["lab"]),
            CodingEvent(seq: 6, coder: "a", paper: "p3", op: .set, dimension: "comment", text: "fine"),
            CodingEvent(seq: 7, coder: "a", paper: "p3", op: .set, dimension: "remarks", text: "old text dimension"),
        ]
        let state = CodingState(coder: "a", replaying: events)
        let stale = StaleCodings.find(events: events, state: state, codebook: MiniProject.codebook)
        #expect(stale.items.map(\.summary) == [
            "dimension 'elicitation' (1 paper)", "motivation: 'wellbeing' (1 paper)", "dimension 'remarks' (1 paper)",
        ])
        #expect(stale.eventCount == 4, "events 1, 2, 4 and 7; event 2 was since recoded but stays in the history")
        #expect(stale.paperCount == 2)
        #expect(state.coding(for: "p1").codes(for: "motivation") == ["healthcare", "wellbeing"], "nothing is dropped")
    }

    @Test func aCleanLogHasNoStaleCodings() {
        let events = [CodingEvent(seq: 1, coder: "a", paper: "p1", op: .set, dimension: "setting", codes: ["wild"])]
        let stale = StaleCodings.find(events: events, state: CodingState(coder: "a", replaying: events), codebook: MiniProject.codebook)
        #expect(stale.isEmpty)
    }
}
