import LitCoderCore
import Testing
@testable import LitCoderUI

/// Values at their edges in the workbench and in review: a text of only white space is no
/// text, a number too small to keep is refused, a union is in codebook order.
@Suite struct ValueEdgeTests {
    static var speakersCodebook: Codebook {
        var codebook = Fixtures.codebook
        codebook.dimensions.append(Dimension(id: "speakers", label: "Speakers", kind: .number))
        return codebook
    }

    @Test func theWorkbenchClearsATextOfOnlyWhiteSpaceAndSaysSo() {
        var h = WorkbenchTests.Harness()
        h.perform(.previousDimension)
        #expect(h.workbench.focusedDimension?.id == "comment")
        // Nothing there yet: nothing to write, but the coder is told what the blanks mean.
        h.perform(.toggleCode)
        h.type("   ")
        h.press(.enter)
        #expect(h.log.isEmpty, "\(h.log)")
        #expect(h.workbench.message?.text == "only white space: comment is not coded")
        h.perform(.toggleCode)
        h.type("acted only")
        h.press(.enter)
        #expect(h.log.last?.text == "acted only")
        h.perform(.toggleCode)
        h.press(.control("u"))
        h.type(" \t ")
        h.press(.enter)
        #expect(h.log.count == 2 && h.log.last?.text == "" && h.log.last?.dimension == "comment", "\(h.log)")
        #expect(h.workbench.currentCoding.texts["comment"] == nil)
        #expect(h.workbench.message?.text == "only white space: comment is not coded")
    }

    @Test(arguments: [("1e-400", "small"), ("-3e-320", "small"), ("1e400", "large")])
    func theWorkbenchRefusesANumberOutsideTheMagnitudes(_ typed: String, _ size: String) {
        var h = WorkbenchTests.Harness(codebook: Self.speakersCodebook)
        h.perform(.previousDimension)
        #expect(h.workbench.focusedDimension?.id == "speakers")
        h.perform(.toggleCode)
        h.type(typed)
        h.press(.enter)
        #expect(h.log.isEmpty, "nothing saved: \(h.log)")
        #expect(h.workbench.message?.text == "'\(typed)' is too \(size) for litcoder to keep exactly; "
            + "a number is 0 or of a magnitude between 1e-300 and 1e300")
    }

    @Test func theWorkbenchWritesANumberInItsCanonicalForm() {
        var h = WorkbenchTests.Harness(codebook: Self.speakersCodebook)
        h.perform(.previousDimension)
        h.perform(.toggleCode)
        h.type("10000000000000000")
        h.press(.enter)
        #expect(h.log.last?.text == "1e16")
    }

    @Test func reviewRefusesANumberThatUnderflows() throws {
        let p = ValueReviewFixture.p
        let states = [
            CodingState(coder: "alice", replaying: [ValueReviewFixture.event(1, "alice", p[0], "speakers", text: "10")]),
            CodingState(coder: "bob", replaying: [ValueReviewFixture.event(1, "bob", p[0], "speakers", text: "12")]),
        ]
        var review = ValueReviewFixture.review(codebook: Self.speakersCodebook, states: states)
        #expect(review.current?.dimension == "speakers")
        let written = ValueReviewFixture.press([.character("e"), .control("u")] + ReviewFixture.type("1e-400") + [.enter], on: &review)
        #expect(written.isEmpty)
        #expect(review.message?.text == "'1e-400' is too small for litcoder to keep exactly; a number is 0 or of a magnitude between 1e-300 and 1e300")
        #expect(review.mode == .writing(text: Array("1e-400")), "the value stays to be fixed")
    }

    @Test func reviewRefusesATextOfOnlyWhiteSpace() {
        var review = ValueReviewFixture.review()
        ValueReviewFixture.press([.right], on: &review)
        #expect(review.current?.dimension == "comment")
        let written = ValueReviewFixture.press([.character("e"), .control("u")] + ReviewFixture.type(" \t ") + [.enter], on: &review)
        #expect(written.isEmpty)
        #expect(review.message?.text == "write a value, or Esc")
    }

    /// alice chose voice-assistant, bob healthcare and call-centre: met in that order, but the
    /// codebook lists healthcare, call-centre, voice-assistant, and the union is written so.
    @Test func reviewWritesAUnionInCodebookOrder() throws {
        let p = ReviewFixture.paperIds
        let states = [
            ReviewFixture.state("alice", [(p[0], "motivation", ["voice-assistant"])]),
            ReviewFixture.state("bob", [(p[0], "motivation", ["healthcare", "call-centre"])]),
        ]
        let list = DisagreementList(codebook: Fixtures.codebook, states: states, corpus: Corpus(papers: Fixtures.papers))
        var review = Review(codebook: Fixtures.codebook, adjudicator: "ana", coders: ["alice", "bob"], items: list.items,
                            papers: Fixtures.papers, consensus: CodingState(coder: CoderName.consensus))
        #expect(review.current?.dimension == "motivation")
        let written = ReviewFixture.press([.character("u"), .enter], on: &review)
        #expect(written.first?.codes == ["healthcare", "call-centre", "voice-assistant"], "\(written)")
        #expect(written.first?.sources == ["alice", "bob"])
    }
}
