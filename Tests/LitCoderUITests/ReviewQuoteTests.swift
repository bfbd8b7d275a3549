import LitCoderCore
import Testing
@testable import LitCoderUI

/// Review shows each coder's quotes under the codes they are evidence for; a quote whose words
/// are no longer where it points is counted, never shown over other words.
///
/// Offsets into P001's abstract were counted with Python's `str.find` (code points):
/// "clinical depression screening" 9–38, "patient interviews" 113–131,
/// "Models trained on IEMOCAP" 68–93.
@Suite struct ReviewQuoteTests {
    static let hash = QuoteSelectionTests.abstractHash

    static func state(_ coder: String, codes: [String], quotes: [(String, Int, Int, String)]) -> CodingState {
        var events = [CodingEvent(seq: 1, coder: coder, paper: "P001", op: .set, dimension: "motivation", codes: codes)]
        for (code, start, end, text) in quotes {
            var event = CodingEvent.evidence(paper: "P001", dimension: "motivation", code: code,
                                             quote: EvidenceQuote(field: .abstract, start: start, end: end, text: text, fieldHash: hash),
                                             attached: true, coder: coder, codebook: "")
            event.seq = events.count + 1
            events.append(event)
        }
        return CodingState(coder: coder, replaying: events)
    }

    static func review() -> Review {
        let states = [
            state("alice", codes: ["healthcare", "voice-assistant"],
                  quotes: [("healthcare", 9, 38, "clinical depression screening"), ("healthcare", 113, 131, "patient interviews")]),
            // bob's second quote does not stand: those offsets hold "Models trained on IEMOCAP".
            state("bob", codes: ["healthcare"],
                  quotes: [("healthcare", 9, 38, "clinical depression screening"), ("healthcare", 68, 93, "smart speakers at home, ok")]),
        ]
        let list = DisagreementList(codebook: Fixtures.codebook, states: states, corpus: Corpus(papers: Fixtures.papers))
        return Review(codebook: Fixtures.codebook, adjudicator: "ana", coders: ["alice", "bob"], items: list.items,
                      papers: Fixtures.papers, consensus: CodingState(coder: CoderName.consensus))
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func eachCodersQuotesStandUnderTheirCodes(width: Int, height: Int) throws {
        var review = Self.review()
        _ = review.update(.resize(width: width, height: height))
        #expect(review.current?.dimension == "motivation")
        let canvas = ReviewView().render(review, width: width, height: height)
        GoldenScreen.check(canvas, named: "review-quotes-\(width)x\(height)")
        let lines = canvas.lines
        let heading = try #require(lines.firstIndex { $0.hasPrefix("[1] alice") })
        let column = lines[heading...].map { String($0.prefix(width / 2)).trimmingCharacters(in: .whitespaces) }
        #expect(Array(column.prefix(5)) == [
            "[1] alice", "= healthcare", "“clinical depression screening”", "“patient interviews”", "≠ voice-assistant",
        ])
        let bob = lines[heading...].map { String($0.dropFirst(width / 2)).trimmingCharacters(in: .whitespaces) }
        #expect(Array(bob.prefix(4)) == ["[2] bob", "= healthcare", "“clinical depression screening”", "1 stale quote (validate)"])
        #expect(!canvas.text.contains("smart speakers"))
    }
}
