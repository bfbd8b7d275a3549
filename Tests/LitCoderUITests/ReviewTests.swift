import LitCoderCore
import Testing
@testable import LitCoderUI

/// Three coders who disagree on two papers of `Fixtures` (and agree on a third).
enum ReviewFixture {
    static let coders = ["alice", "bob", "carol"]

    static func state(_ coder: String, _ codings: [(String, String, [String])], note: (String, String)? = nil) -> CodingState {
        var events = codings.enumerated().map { i, c in
            CodingEvent(seq: i + 1, coder: coder, paper: c.0, op: .set, dimension: c.1, codes: c.2)
        }
        if let note { events.append(CodingEvent(seq: events.count + 1, coder: coder, paper: note.0, op: .note, text: note.1)) }
        return CodingState(coder: coder, replaying: events)
    }

    static var paperIds: [String] { Fixtures.papers.map(\.id) }

    static var states: [CodingState] {
        let p = paperIds
        return [
            state("alice", [(p[0], "motivation", ["healthcare", "voice-assistant"]), (p[0], "setting", ["acted"]),
                            (p[1], "setting", ["natural"])], note: (p[0], "clinical framing in the intro")),
            state("bob", [(p[0], "motivation", ["healthcare"]), (p[0], "setting", ["acted"]), (p[1], "setting", ["induced"])]),
            state("carol", [(p[0], "motivation", ["voice-assistant", "healthcare"]), (p[0], "setting", ["acted"])]),
        ]
    }

    static func review(consensus: [CodingEvent] = []) -> Review {
        let list = DisagreementList(codebook: Fixtures.codebook, states: states, corpus: Corpus(papers: Fixtures.papers))
        return Review(codebook: Fixtures.codebook, adjudicator: "ana", coders: coders, items: list.items, papers: Fixtures.papers,
                      consensus: CodingState(coder: CoderName.consensus, replaying: consensus))
    }

    /// Presses keys, playing the store: every write succeeds. Returns the events written.
    @discardableResult
    static func press(_ keys: [Key], on review: inout Review) -> [CodingEvent] {
        var written: [CodingEvent] = []
        for key in keys {
            var effects = review.update(.key(key))
            while !effects.isEmpty {
                if case .append(var event) = effects.removeFirst() {
                    event.seq = review.consensus.lastSeq + 1
                    written.append(event)
                    effects += review.update(.saved(event))
                }
            }
        }
        return written
    }

    static func type(_ text: String) -> [Key] { text.map { .character($0) } }
}

@Suite struct ReviewTests {
    @Test func walksOnlyTheDisagreements() {
        let review = ReviewFixture.review()
        let p = ReviewFixture.paperIds
        #expect(review.items.map { "\($0.paper)/\($0.dimension)" } == ["\(p[0])/motivation", "\(p[1])/setting"])
        #expect(review.resolvedCount == 0)
        #expect(review.current?.dimension == "motivation")
    }

    @Test func takingACodersCodesRecordsAdjudicatorSourcesAndReason() throws {
        var review = ReviewFixture.review()
        let written = ReviewFixture.press([.character("2")] + ReviewFixture.type("narrow reading") + [.enter], on: &review)
        let event = try #require(written.first)
        #expect(event.op == .adjudicate)
        #expect(event.codes == ["healthcare"])
        #expect(event.sources == ["bob"])
        #expect(event.adjudicator == "ana")
        #expect(event.reason == "narrow reading")
        #expect(event.automatic == false)
        #expect(review.resolvedCount == 1)
        #expect(review.current?.dimension == "setting", "moves on to the next unresolved disagreement")
    }

    @Test(arguments: [
        (Key.character("u"), ["healthcare", "voice-assistant"], ["alice", "bob", "carol"]),
        (Key.character("i"), ["healthcare"], ["alice", "bob", "carol"]),
        (Key.character("1"), ["healthcare", "voice-assistant"], ["alice", "carol"]),
    ])
    func unionIntersectionAndTake(_ key: Key, _ codes: [String], _ sources: [String]) throws {
        var review = ReviewFixture.review()
        let written = ReviewFixture.press([key, .enter], on: &review)
        #expect(written.first?.codes == codes)
        #expect(written.first?.sources == sources)
        #expect(written.first?.reason == nil, "an empty reason is left out")
    }

    @Test func editingChoosesCodesByHand() throws {
        var review = ReviewFixture.review()
        // Tick the first code (healthcare) and the third (voice-assistant), untick healthcare.
        let keys: [Key] = [.character("e"), .character(" "), .down, .down, .character(" "), .up, .up, .character(" "), .enter, .enter]
        let written = ReviewFixture.press(keys, on: &review)
        #expect(written.first?.codes == ["voice-assistant"])
        #expect(written.first?.sources == ["alice", "carol"], "coders who chose any of the codes, as none chose exactly these")
    }

    @Test func aSingleSelectDimensionRefusesAUnionAndAnEmptyIntersection() {
        var review = ReviewFixture.review()
        ReviewFixture.press([.right], on: &review)
        #expect(review.current?.dimension == "setting")
        #expect(review.update(.key(.character("u"))) == [.bell])
        #expect(review.message?.kind == .warning)
        #expect(review.update(.key(.character("i"))) == [.bell])
        #expect(review.mode == .normal)
    }

    @Test func escapeAbandonsADecisionAndAFailedWriteIsShown() {
        var review = ReviewFixture.review()
        ReviewFixture.press([.character("1"), .escape], on: &review)
        #expect(review.mode == .normal)
        #expect(review.resolvedCount == 0)
        _ = review.update(.key(.character("1")))
        let effects = review.update(.key(.enter))
        #expect(effects.count == 1)
        #expect(review.update(.saveFailed("disk full")) == [.bell])
        #expect(review.saveStatus == .failed("disk full"))
        #expect(review.resolvedCount == 0)
    }

    @Test func startsAtTheFirstUnresolvedDisagreement() {
        let p = ReviewFixture.paperIds
        let review = ReviewFixture.review(consensus: [
            .adjudicate(paper: p[0], dimension: "motivation", codes: ["healthcare"], sources: ["bob"], adjudicator: "ana", codebook: ""),
        ])
        #expect(review.resolvedCount == 1)
        #expect(review.current?.paper == p[1])
    }

    @Test func theSessionWritesThroughTheStoreAndQuits() {
        let backend = MemoryBackend(width: 80, height: 24, script: [
            .key(.character("i")), .key(.enter), .key(.character("q")),
        ])
        var stored: [CodingEvent] = []
        let session = ReviewSession(review: ReviewFixture.review(), backend: backend) { draft in
            var event = draft
            event.seq = stored.count + 1
            stored.append(event)
            return event
        }
        #expect(session.run(pollInterval: .milliseconds(1)) == .quit)
        #expect(stored.map(\.codes) == [["healthcare"]])
        #expect(session.review.resolvedCount == 1)
        #expect(backend.screen.text.contains("1 of 2 resolved"))
    }
}

/// With assignments, every chosen coder keeps the same number on every paper.
@Suite struct AssignedReviewTests {
    /// The first paper is bob's and carol's, the second alice's and bob's: so alice is not
    /// assigned to the first, carol not to the second.
    static func review() -> Review {
        let p = ReviewFixture.paperIds
        let plan = CodingPlan(assignments: Assignments(entries: [.init(paper: p[0], coders: ["bob", "carol"]),
                                                                 .init(paper: p[1], coders: ["alice", "bob"])]))
        var list = DisagreementList(codebook: Fixtures.codebook, states: plan.compared(ReviewFixture.states),
                                    corpus: Corpus(papers: Fixtures.papers))
        list.items = plan.limit(list.items)
        return Review(codebook: Fixtures.codebook, adjudicator: "ana", coders: ReviewFixture.coders, items: list.items,
                      papers: Fixtures.papers, consensus: CodingState(coder: CoderName.consensus))
    }

    /// On the first paper (motivation: bob healthcare, carol healthcare and voice-assistant),
    /// 1 is alice, who is not assigned; 2 is bob; 3 is carol. On the second (setting: alice
    /// natural, bob induced), 2 is bob again and 3 is carol, not assigned.
    @Test func aKeyMeansTheSameCoderOnEveryPaper() throws {
        var review = Self.review()
        let p = ReviewFixture.paperIds
        #expect(review.items.map { "\($0.paper)/\($0.dimension)" } == ["\(p[0])/motivation", "\(p[1])/setting"])
        #expect(ReviewFixture.press([.character("1")], on: &review).isEmpty)
        #expect(review.message?.text == "alice is not assigned to this paper")
        let first = ReviewFixture.press([.character("2"), .enter], on: &review)
        #expect(first.map(\.codes) == [["healthcare"]])
        #expect(first.map(\.sources) == [["bob"]])
        #expect(review.current?.paper == p[1])
        #expect(ReviewFixture.press([.character("3")], on: &review).isEmpty)
        #expect(review.message?.text == "carol is not assigned to this paper")
        let second = ReviewFixture.press([.character("2"), .enter], on: &review)
        #expect(second.map(\.codes) == [["induced"]])
        #expect(second.map(\.sources) == [["bob"]])
    }

    @Test func aCoderNotAssignedKeepsTheirColumn() throws {
        var review = Self.review()
        _ = review.update(.resize(width: 80, height: 24))
        let canvas = ReviewView().render(review, width: 80, height: 24)
        GoldenScreen.check(canvas, named: "review-assigned-80x24")
        let lines = canvas.lines
        let heading = try #require(lines.first { $0.contains("[1] alice") })
        #expect(heading.contains("[2] bob") && heading.contains("[3] carol"), "\(heading)")
        let below = try #require(lines.firstIndex(of: heading)).advanced(by: 1)
        #expect(lines[below].hasPrefix("(not assigned)"), "\(lines[below])")
    }
}

/// Golden screens of the review screen in a set of states, at four sizes.
@Suite struct ReviewScreenTests {
    static let sizes = [(120, 40), (80, 24), (60, 20), (30, 8)]
    static let states: [(name: String, keys: [Key])] = [
        ("review-first", []),
        ("review-reason", [.character("1")] + ReviewFixture.type("clinical and assistant")),
        ("review-editing", [.right, .character("e"), .down, .character(" ")]),
        ("review-decided", [.character("i"), .enter, .left]),
    ]
    static let cases: [(String, Int, Int)] = states.flatMap { state in sizes.map { (state.name, $0.0, $0.1) } }

    @Test(arguments: cases)
    func screen(state: String, width: Int, height: Int) throws {
        let spec = try #require(Self.states.first { $0.name == state })
        var review = ReviewFixture.review()
        _ = review.update(.resize(width: width, height: height))
        ReviewFixture.press(spec.keys, on: &review)
        let canvas = ReviewView().render(review, width: width, height: height)
        GoldenScreen.check(canvas, named: "\(state)-\(width)x\(height)")
        for line in canvas.lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
    }
}

/// Choosing codes by hand in a dimension of 84 codes: the cursor row is always on screen.
@Suite struct ReviewLongListTests {
    @Test(arguments: [(120, 40), (80, 24)])
    func theCursorRowIsAlwaysShown(width: Int, height: Int) {
        let codebook = CodeListTests.codebook
        let codes = codebook.dimensions[1].codes
        let p = ReviewFixture.paperIds
        let states = [
            ReviewFixture.state("alice", [(p[0], "dataset", ["set-1"])]),
            ReviewFixture.state("bob", [(p[0], "dataset", ["set-2"])]),
        ]
        let list = DisagreementList(codebook: codebook, states: states, corpus: Corpus(papers: Fixtures.papers))
        var review = Review(codebook: codebook, adjudicator: "ana", coders: ["alice", "bob"], items: list.items, papers: Fixtures.papers,
                            consensus: CodingState(coder: CoderName.consensus))
        _ = review.update(.resize(width: width, height: height))
        ReviewFixture.press([.character("e")], on: &review)
        for index in codes.indices {
            let canvas = ReviewView().render(review, width: width, height: height)
            let rows = (0..<height).map { y in (0..<width).map { canvas[$0, y] } }
            let cursor = rows.filter { row in row.contains { $0.style.contains(.reverse) && $0.text == "[" } }
                .map { $0.map(\.text).joined() }
            #expect(cursor.count == 1 && cursor.first?.contains("[ ] \(codes[index].id)") == true, "\(index): \(cursor)")
            ReviewFixture.press([.down], on: &review)
        }
    }
}

/// Texts, numbers and dimensions one coder left empty, on the review screen.
enum ValueReviewFixture {
    static var p: [String] { ReviewFixture.paperIds }

    static func event(_ seq: Int, _ coder: String, _ paper: String, _ dimension: String, codes: [String]? = nil,
                      text: String? = nil) -> CodingEvent {
        CodingEvent(seq: seq, coder: coder, paper: paper, op: .set, dimension: dimension, codes: codes, text: text)
    }

    /// P002: comments agree once normalised. P003: alice codes the setting, bob only the
    /// motivation (so setting is "not coded by bob"), and their comments differ.
    static var states: [CodingState] {
        [
            CodingState(coder: "alice", replaying: [
                event(1, "alice", p[1], "comment", text: "Clinical framing"),
                event(2, "alice", p[2], "setting", codes: ["natural"]), event(3, "alice", p[2], "motivation", codes: ["call-centre"]),
                event(4, "alice", p[2], "comment", text: "Hebrew"),
            ]),
            CodingState(coder: "bob", replaying: [
                event(1, "bob", p[1], "comment", text: "  clinical   FRAMING "),
                event(2, "bob", p[2], "motivation", codes: ["call-centre"]), event(3, "bob", p[2], "comment", text: "English"),
            ]),
        ]
    }

    static func review(codebook: Codebook = Fixtures.codebook, states: [CodingState] = states) -> Review {
        let list = DisagreementList(codebook: codebook, states: states, corpus: Corpus(papers: Fixtures.papers))
        return Review(codebook: codebook, adjudicator: "ana", coders: states.map(\.coder), items: list.items, papers: Fixtures.papers,
                      consensus: CodingState(coder: CoderName.consensus))
    }
}

@Suite struct ValueReviewTests {
    @Test func walksTextDifferencesAndDimensionsLeftEmptyButNotNormalisedAgreements() {
        let review = ValueReviewFixture.review()
        let p = ValueReviewFixture.p
        #expect(review.items.map { "\($0.paper)/\($0.dimension)/\($0.kind.rawValue)" }
                == ["\(p[2])/setting/not-coded", "\(p[2])/comment/differ"])
        #expect(review.items.first?.kindPhrase == "not coded by bob")
    }

    @Test func takingTheCoderWhoLeftItEmptyDecidesNotCoded() throws {
        var review = ValueReviewFixture.review()
        let written = ValueReviewFixture.press([.character("2"), .enter], on: &review)
        let event = try #require(written.first)
        #expect(event.dimension == "setting" && event.codes == [] && event.text == nil)
        #expect(event.sources == ["bob"] && event.automatic == false)
        #expect(review.resolvedCount == 1, "deciding 'not coded' is a decision")
        #expect(review.current?.dimension == "comment")
    }

    @Test func aTextIsTakenFromACoderOrWrittenByHand() throws {
        var review = ValueReviewFixture.review()
        ValueReviewFixture.press([.right], on: &review)
        #expect(review.update(.key(.character("u"))) == [.bell], "no union of texts")
        #expect(review.message?.text == "u combines codes; take a coder's value (1–9) or write your own (e)")
        let taken = ValueReviewFixture.press([.character("1"), .enter], on: &review)
        #expect(taken.first?.text == "Hebrew" && taken.first?.codes == nil && taken.first?.sources == ["alice"])
        ValueReviewFixture.press([.left, .right], on: &review)
        // e starts from the decision taken; Ctrl-U clears it, and what is typed is the decision.
        let written = ValueReviewFixture.press([.character("e"), .control("u")] + ReviewFixture.type(" english ") + [.enter, .enter],
                                               on: &review)
        #expect(written.first?.text == "english")
        #expect(written.first?.sources == ["bob"], "bob wrote the same text, in another case")
        ValueReviewFixture.press([.right], on: &review)
        let screen = ReviewView().render(review, width: 100, height: 30).lines.joined(separator: "\n")
        #expect(screen.contains("consensus: \"english\" — ana from bob"), "\(screen)")
    }

    @Test func aNumberIsCheckedAndWrittenCanonically() throws {
        var codebook = Fixtures.codebook
        codebook.dimensions.append(Dimension(id: "speakers", label: "Speakers", kind: .number, minimum: 1, maximum: 100))
        let p = ValueReviewFixture.p
        let states = [
            CodingState(coder: "alice", replaying: [ValueReviewFixture.event(1, "alice", p[0], "speakers", text: "10")]),
            CodingState(coder: "bob", replaying: [ValueReviewFixture.event(1, "bob", p[0], "speakers", text: "12")]),
        ]
        var review = ValueReviewFixture.review(codebook: codebook, states: states)
        #expect(review.current?.dimension == "speakers")
        ValueReviewFixture.press([.character("e"), .control("u")] + ReviewFixture.type("11,5") + [.enter], on: &review)
        #expect(review.message?.text == "'11,5' is not a number; speakers takes a number such as 1 (a decimal point, not a comma)")
        #expect(review.mode == .writing(text: Array("11,5")), "the value stays to be fixed")
        let written = ValueReviewFixture.press([.control("u")] + ReviewFixture.type("11.50") + [.enter, .enter], on: &review)
        #expect(written.first?.text == "11.5" && written.first?.sources == [])
    }
}

extension ValueReviewFixture {
    @discardableResult
    static func press(_ keys: [Key], on review: inout Review) -> [CodingEvent] { ReviewFixture.press(keys, on: &review) }
}

/// Golden screens of a text disagreement and of a dimension one coder left empty.
@Suite struct ValueReviewScreenTests {
    static let states: [(name: String, keys: [Key])] = [
        ("review-not-coded", []),
        ("review-text", [.right]),
        ("review-text-writing", [.right, .character("e")] + ReviewFixture.type(", English")),
    ]
    static let cases: [(String, Int, Int)] = states.flatMap { state in ReviewScreenTests.sizes.map { (state.name, $0.0, $0.1) } }

    @Test(arguments: cases)
    func screen(state: String, width: Int, height: Int) throws {
        let spec = try #require(Self.states.first { $0.name == state })
        var review = ValueReviewFixture.review()
        _ = review.update(.resize(width: width, height: height))
        ValueReviewFixture.press(spec.keys, on: &review)
        let canvas = ReviewView().render(review, width: width, height: height)
        GoldenScreen.check(canvas, named: "\(state)-\(width)x\(height)")
        for line in canvas.lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
    }
}

@Suite struct OutdatedAutomaticDecisionTests {
    /// An automatic decision on what is now a disagreement (the coders changed their codes
    /// since) is not a decision the review counts as taken: it is open until decided by hand.
    @Test func anAutomaticDecisionOnADisagreementLeavesItOpen() {
        let p = ReviewFixture.paperIds
        let review = ReviewFixture.review(consensus: [
            .adjudicate(paper: p[0], dimension: "motivation", codes: ["healthcare"], sources: ["alice", "bob", "carol"],
                        adjudicator: "ana", automatic: true, codebook: ""),
        ])
        #expect(review.resolvedCount == 0)
        #expect(review.current?.paper == p[0], "it starts there, as undecided")
        #expect(review.currentDecision?.provenance.automatic == true, "and shows what the consensus holds")
    }
}
