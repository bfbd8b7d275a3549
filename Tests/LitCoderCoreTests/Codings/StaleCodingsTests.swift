import Foundation
import Testing
@testable import LitCoderCore

@Suite struct StaleCodingsTests {
    static let codebook = Codebook(id: "t", title: "T", version: "2", dimensions: [
        Dimension(id: "motivation", label: "M", kind: .multi,
                  codes: [Code(id: "health", label: "H", replaces: ["healthcare"]), Code(id: "technical", label: "T")]),
        Dimension(id: "representation", label: "R", kind: .single,
                  codes: [Code(id: "categorical", label: "C", replaces: ["classes"]), Code(id: "dimensional", label: "D")]),
        Dimension(id: "languages", label: "L", kind: .text),
        Dimension(id: "score", label: "S", kind: .number, minimum: 0, maximum: 7),
    ], contentHash: "new")

    static func set(_ seq: Int, _ paper: String, _ dimension: String, _ codes: [String]? = nil, text: String? = nil,
                    hash: String = "old") -> CodingEvent {
        CodingEvent(seq: seq, coder: "ana", paper: paper, op: .set, dimension: dimension, codes: codes, text: text, codebook: hash)
    }

    @Test(arguments: [
        ([set(1, "p1", "motivation", ["health"])], nil),
        ([set(1, "p1", "motive", ["health"])], StaleCoding.Problem.unknownDimension),
        ([set(1, "p1", "motivation", ["health", "hci"])], .unknownCodes(["hci"])),
        ([set(1, "p1", "languages", ["english"])], .codesOnTextDimension),
        ([set(1, "p1", "motivation", text: "free text")], .textOnCodedDimension),
        ([set(1, "p1", "representation", ["categorical", "dimensional"])], .severalCodesOnSingleDimension(["categorical", "dimensional"])),
        // The latest decision is what counts: a later recode clears the stale one.
        ([set(1, "p1", "motivation", ["hci"]), set(2, "p1", "motivation", ["technical"], hash: "new")], nil),
        // A cleared dimension is no decision at all.
        ([set(1, "p1", "motive", ["x"]), set(2, "p1", "motive", [])], nil),
        ([set(1, "gone", "motivation", ["health"])], .unknownPaper),
        // A replaced id is read as the code that replaced it: not stale, and one code, not two.
        ([set(1, "p1", "motivation", ["healthcare", "technical"])], nil),
        ([set(1, "p1", "representation", ["classes", "categorical"])], nil),
        ([set(1, "p1", "motivation", ["healthcare", "hci"])], .unknownCodes(["hci"])),
        ([set(1, "p1", "score", text: "3.5")], nil),
        ([set(1, "p1", "score", text: "many")], .invalidNumber("'many' is not a number; score takes a number such as 0 (a decimal point, not a comma)")),
        ([set(1, "p1", "score", text: "9")], .invalidNumber("9 is above score's maximum, 7")),
        // A number the log holds with more digits than a double keeps exactly (written by hand
        // or by another tool) is reported: it is compared by its decimal, not as the number read.
        ([set(1, "p1", "score", text: "3.0000000000000004")],
         .invalidNumber("'3.0000000000000004' has 17 significant digits; litcoder keeps a number exactly up to 15 (round it, e.g. to 3)")),
        // One that underflows is reported too: it is not 0.
        ([set(1, "p1", "score", text: "1e-400")],
         .invalidNumber("'1e-400' is too small for litcoder to keep exactly; a number is 0 or of a magnitude between 1e-300 and 1e300")),
        // Only white space is no value, as "" is: nothing to be stale.
        ([set(1, "p1", "score", text: " \t ")], nil),
        // An old log's spelling of a number is still that number.
        ([set(1, "p1", "score", text: "3.0")], nil),
        ([set(1, "p1", "score", ["x"])], .codesOnTextDimension),
    ] as [([CodingEvent], StaleCoding.Problem?)])
    func findsWhatTheCodebookNoLongerHas(events: [CodingEvent], expected: StaleCoding.Problem?) {
        let corpus = Corpus(papers: [Paper(id: "p1", title: "P1")])
        let stale = StaleCodings.find(in: events, codebook: Self.codebook, corpus: corpus)
        #expect(stale.map(\.problem) == (expected.map { [$0] } ?? []))
    }

    @Test func reportsTheEventAndItsCodebook() throws {
        let stale = StaleCodings.find(in: [Self.set(7, "p1", "motivation", ["hci"], hash: "0123456789abcdef")], codebook: Self.codebook)
        let first = try #require(stale.first)
        #expect(first.seq == 7)
        #expect(first.codebookHash == "0123456789abcdef")
        #expect(first.message == "paper 'p1', motivation: code 'hci' is not in the codebook (coded under codebook 0123456789ab)")
    }

    /// Replayed with the codebook's renaming, a log written with old ids reads as the new ones.
    @Test func replayReadsReplacedIdsAsTheirNewCodes() {
        let events = [Self.set(1, "p1", "motivation", ["healthcare", "technical"]), Self.set(2, "p2", "motivation", ["health", "healthcare"]),
                      Self.set(3, "p1", "representation", ["classes"]), Self.set(4, "p3", "other", ["healthcare"])]
        let state = CodingState(coder: "ana", renaming: Self.codebook.renaming, replaying: events)
        #expect(state.coding(for: "p1").codes == ["motivation": ["health", "technical"], "representation": ["categorical"]])
        #expect(state.coding(for: "p2").codes(for: "motivation") == ["health"], "an old and a new id are one code")
        #expect(state.coding(for: "p3").codes(for: "other") == ["healthcare"], "only the dimension that renamed it maps it")
        let raw = CodingState(coder: "ana", replaying: events)
        #expect(raw.coding(for: "p1").codes(for: "motivation") == ["healthcare", "technical"], "without renaming the log's ids stay")
    }

    /// Papers in the order the log first decided anything about them, each paper's dimensions
    /// in the order first decided; each finding at the latest decision, with its position
    /// among all the events read (views too), which is how `validate` finds its line.
    @Test func findingsComeInLogOrderAtTheLatestDecision() {
        let view = CodingEvent(seq: 2, coder: "ana", paper: "p9", op: .view, codebook: "old")
        let events = [
            Self.set(1, "p2", "motivation", ["hci"]),
            view,
            Self.set(3, "p1", "representation", ["categorical"]),
            Self.set(4, "p1", "motive", ["x"]),
            Self.set(5, "p1", "representation", ["categorical", "dimensional"]),
            Self.set(6, "p2", "motivation", ["bogus"]),
            Self.set(7, "p1", "motive", ["y"]),
        ]
        let corpus = Corpus(papers: [Paper(id: "p1", title: "P1"), Paper(id: "p9", title: "P9")])
        let stale = StaleCodings.find(in: events, codebook: Self.codebook, corpus: corpus)
        #expect(stale.map(\.paper) == ["p2", "p2", "p1", "p1"])
        #expect(stale.map(\.dimension) == ["", "motivation", "representation", "motive"])
        #expect(stale.map(\.problem) == [.unknownPaper, .unknownCodes(["bogus"]),
                                         .severalCodesOnSingleDimension(["categorical", "dimensional"]), .unknownDimension])
        #expect(stale.map(\.seq) == [6, 6, 5, 7])
        #expect(stale.map(\.position) == [5, 5, 4, 6])
    }

    /// A decision that was fine and is then made stale is found; one made stale and then
    /// recoded is not.
    @Test func onlyTheLatestDecisionCounts() {
        let events = [
            Self.set(1, "p1", "motivation", ["technical"]),
            Self.set(2, "p1", "motivation", ["gone"]),
            Self.set(3, "p1", "representation", ["gone"]),
            Self.set(4, "p1", "representation", ["dimensional"]),
        ]
        let stale = StaleCodings.find(in: events, codebook: Self.codebook)
        #expect(stale.map(\.dimension) == ["motivation"])
        #expect(stale.map(\.problem) == [.unknownCodes(["gone"])])
        #expect(stale.map(\.position) == [1])
    }
}
