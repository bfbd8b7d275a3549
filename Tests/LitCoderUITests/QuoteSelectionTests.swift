import LitCoderCore
import Testing
@testable import LitCoderUI

/// Choosing words of a paper as the evidence for a code, key by key, and what reaches the log.
///
/// P001's abstract and title (Fixtures) were counted by hand, and checked with Python's
/// `str.find`, which counts code points as litcoder's offsets do; the SHA-256 values were
/// computed with Python's hashlib from the same UTF-8 bytes:
///
///     0   "We study clinical depression screening from short voice recordings."   0–67
///     68  "Models trained on IEMOCAP transfer poorly to patient interviews, while
///          MSP-Podcast pretraining helps."                                      68–169
///     171 "We release code."  (after a blank line)                             171–187
///     title "Detecting depression from speech with deep emotion features"         0–59
@Suite struct QuoteSelectionTests {
    typealias Harness = WorkbenchTests.Harness
    static let abstractHash = "ed1ed58bad3977c9c5cd73293e699cf65fe2e428847997231aaaa5f3b7b99e3c"
    static let titleHash = "e4b3fd0779e88e29a178584d349f5d2d23a8a36e89be5a327b4157493e17f031"

    /// The first key the selection table binds to `action`, so the tests survive a key change.
    static func key(_ action: Action) -> Key {
        Keymap.selectionBindings.first { $0.action == action }?.keys.first ?? .unknown("unbound \(action)")
    }

    static func selection(_ h: Harness) -> (PaperField, Int, Int)? {
        guard case .selecting(let s) = h.workbench.mode else { return nil }
        return (s.field, s.start, s.end)
    }

    static func quote(_ field: PaperField, _ start: Int, _ end: Int, _ text: String) -> EvidenceQuote {
        EvidenceQuote(field: field, start: start, end: end, text: text, fieldHash: field == .title ? titleHash : abstractHash)
    }

    mutating func select(_ h: inout Harness, _ actions: Action...) {
        for action in actions { h.press(Self.key(action)) }
    }

    @Test mutating func theKeysMoveBySentenceAndWordAndExtend() throws {
        var h = Harness()
        h.perform(.selectQuote)
        let first = try #require(Self.selection(h))
        #expect(first == (.abstract, 0, 67))
        let cases: [(Action, PaperField, Int, Int)] = [
            (.nextSentence, .abstract, 68, 169),
            (.nextSentence, .abstract, 171, 187),  // a blank line ends a sentence
            (.previousSentence, .abstract, 68, 169),
            (.previousSentence, .abstract, 0, 67),
            (.nextWord, .abstract, 56, 67),  // a sentence selected: its last word
            (.nextWord, .abstract, 68, 74),  // "Models"
            (.extendWord, .abstract, 68, 82),  // "Models trained"
            (.extendWord, .abstract, 68, 85),  // "Models trained on"
            (.shrinkWord, .abstract, 68, 82),
            (.previousWord, .abstract, 68, 74),  // a longer selection: its first word
            (.previousWord, .abstract, 56, 67),  // "recordings."
            (.extendSentence, .abstract, 56, 169),  // to the end of the next sentence
            (.shrinkSentence, .abstract, 56, 67),
            (.previousSentence, .abstract, 0, 67),
            (.previousSentence, .title, 0, 59),  // before the abstract comes the title
            (.nextWord, .title, 51, 59),  // "features"
            (.nextWord, .abstract, 0, 2),  // on from the title's last word: the abstract's first
        ]
        for (action, field, start, end) in cases {
            h.press(Self.key(action))
            let now = try #require(Self.selection(h), "\(action)")
            #expect(now == (field, start, end), "\(action)")
        }
        #expect(h.log.isEmpty, "moving a selection writes nothing")
    }

    @Test func theEndsOfTheTextSayWhyNothingMoved() {
        var h = Harness()
        h.perform(.selectQuote)
        for _ in 0..<3 { h.press(Self.key(.nextSentence)) }
        #expect(Self.selection(h)! == (.abstract, 171, 187))
        #expect(h.lastEffects == [.bell])
        #expect(h.workbench.message?.text == "This is the last sentence")
        h.press(Self.key(.extendWord), Self.key(.extendWord), Self.key(.extendWord), Self.key(.extendWord))
        #expect(h.workbench.message?.text == "The abstract ends here; a quote stays within the title or the abstract")
        h.press(Self.key(.cancelSelection))
        #expect(h.workbench.mode == .normal)
        #expect(h.workbench.message?.text == "Stopped selecting; nothing was saved")
        #expect(h.log.isEmpty)
    }

    @Test func onASmallScreenSelectingHidesTheSummaryThatCoversThePaper() {
        var h = Harness()
        _ = h.workbench.update(.resize(width: 60, height: 20))
        h.perform(.toggleSummary)
        #expect(h.workbench.showSummary)
        h.perform(.selectQuote)
        #expect(!h.workbench.showSummary)
        let canvas = WorkbenchView().render(h.workbench, width: 60, height: 20)
        #expect(canvas.lines[3].hasPrefix("We study clinical depression screening"), "\(canvas.text)")
        // On a large screen the summary is below the paper and stays.
        var large = Harness()
        large.perform(.toggleSummary)
        large.perform(.selectQuote)
        #expect(large.workbench.showSummary)
    }

    @Test func enterCodesTheCodeAndAttachesTheQuote() throws {
        var h = Harness()
        h.perform(.selectQuote)
        h.press(Self.key(.nextSentence), .enter)
        #expect(h.workbench.mode == .normal)
        let words = "Models trained on IEMOCAP transfer poorly to patient interviews, while MSP-Podcast pretraining helps."
        #expect(h.log.count == 2)
        #expect(h.log[0].op == .set && h.log[0].dimension == "motivation" && h.log[0].codes == ["healthcare"])
        let event = h.log[1]
        #expect(event.op == .evidence && event.paper == "P001" && event.dimension == "motivation" && event.value == true)
        #expect(event.evidence == CodingEvent.Evidence(code: "healthcare", quote: Self.quote(.abstract, 68, 169, words)))
        #expect(h.workbench.message?.text == "Quoted “\(words)” for Healthcare (and coded it)")
        #expect(h.workbench.saveStatus == .saved)
        #expect(h.workbench.quoteMarks.standing == [EvidenceCode(dimension: "motivation", code: "healthcare"): 1])
    }

    @Test func severalQuotesPerCodeAndXRemovesTheOneChosen() throws {
        var h = Harness()
        h.perform(.selectQuote)
        h.press(.enter)  // sentence 1 on healthcare (coding it)
        h.perform(.selectQuote)  // starts where the last selection was
        #expect(Self.selection(h)! == (.abstract, 0, 67))
        h.press(Self.key(.previousSentence), .enter)  // the title, on healthcare too
        #expect(h.log.count == 3)
        let quotes = h.workbench.currentCoding.quotes(dimension: "motivation", code: "healthcare")
        let sentence = Self.quote(.abstract, 0, 67, "We study clinical depression screening from short voice recordings.")
        let title = Self.quote(.title, 0, 59, "Detecting depression from speech with deep emotion features")
        #expect(quotes == [title, sentence], "title first, then by place")

        // With two quotes, x selects the first and asks which; n goes to the next; x removes it.
        h.perform(.removeQuote)
        #expect(Self.selection(h)! == (.title, 0, 59))
        #expect(h.workbench.message?.text == "Healthcare has 2 quotes: n / N go to each, x removes the one selected")
        #expect(h.log.count == 3)
        h.press(Self.key(.nextQuote))
        #expect(Self.selection(h)! == (.abstract, 0, 67))
        #expect(h.workbench.message?.text == "Quote 2 of 2 of Healthcare")
        h.press(Self.key(.removeQuote))
        #expect(h.log.count == 4)
        #expect(h.log[3].op == .evidence && h.log[3].value == false && h.log[3].evidence?.quote == sentence)
        #expect(h.workbench.currentCoding.quotes(dimension: "motivation", code: "healthcare") == [title])
        // One quote left: x takes it off at once.
        h.perform(.removeQuote)
        #expect(h.log.count == 5 && h.log[4].value == false && h.log[4].evidence?.quote == title)
        #expect(h.workbench.currentCoding.codes(for: "motivation") == ["healthcare"], "the code stays")
        h.perform(.removeQuote)
        #expect(h.lastEffects == [.bell])
        #expect(h.workbench.message?.text == "Healthcare has no quote (v selects one)")
    }

    @Test func aNumberPutsTheCursorOnTheCodeThatTakesTheQuote() {
        var h = Harness()
        h.perform(.selectQuote)
        h.press(.character("3"), .enter)
        #expect(h.log.map(\.op) == [.set, .evidence])
        #expect(h.log[1].evidence?.code == "voice-assistant")
        // Tab on to a text dimension: no code to take it.
        h.perform(.selectQuote)
        for _ in 0..<3 { h.press(.tab) }
        #expect(h.workbench.focusedDimension?.id == "comment")
        h.press(.enter)
        #expect(h.lastEffects == [.bell])
        #expect(h.workbench.message?.text == "A quote is evidence for a code: Tab to a dimension with codes, then Enter")
        #expect(h.log.count == 2)
    }

    @Test func undoAndRedoTakeQuotesOffAndPutThemBack() {
        var h = Harness()
        h.press(.character("1"))  // code healthcare first: attaching is then one change
        h.perform(.selectQuote)
        h.press(.enter)
        let sentence = Self.quote(.abstract, 0, 67, "We study clinical depression screening from short voice recordings.")
        #expect(h.log.count == 2)
        h.perform(.undo)
        #expect(h.log.count == 3)
        #expect(h.log[2].op == .evidence && h.log[2].value == false && h.log[2].evidence?.quote == sentence)
        #expect(h.workbench.currentCoding.quotes(dimension: "motivation", code: "healthcare").isEmpty)
        #expect(h.workbench.message?.text == "Undid quote on healthcare of P001")
        #expect(h.workbench.currentCoding.codes(for: "motivation") == ["healthcare"])
        h.perform(.redo)
        #expect(h.log.count == 4 && h.log[3].value == true && h.log[3].evidence?.quote == sentence)
        #expect(h.workbench.currentCoding.quotes(dimension: "motivation", code: "healthcare") == [sentence])
        #expect(h.workbench.saveStatus == .saved)
    }

    @Test func undoReachesQuotesOfAnEarlierSession() {
        var first = Harness()
        first.perform(.selectQuote)
        first.press(.enter)
        // A new session over the same log: u takes the quote off, then the code.
        var h = Harness(events: first.log)
        #expect(h.workbench.quoteMarks.standing[EvidenceCode(dimension: "motivation", code: "healthcare")] == 1)
        h.perform(.undo)
        #expect(h.log.count == 3 && h.log[2].op == .evidence && h.log[2].value == false)
        h.perform(.undo)
        #expect(h.log.count == 4 && h.log[3].op == .set && h.log[3].codes == [])
    }

    @Test func savedShowsOnlyAfterTheQuoteIsOnDisk() {
        var workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", events: [])
        _ = workbench.update(.resize(width: 120, height: 40))
        for case .append(var coded) in workbench.update(.key(.character("1"))) {
            coded.seq = 1
            _ = workbench.update(.saved(coded))
        }
        #expect(workbench.saveStatus == .saved)
        _ = workbench.update(.key(.character("v")))
        let effects = workbench.update(.key(.enter))
        #expect(workbench.saveStatus == .saving)
        guard case .append(var event)? = effects.first else {
            Issue.record("no write: \(effects)")
            return
        }
        #expect(event.op == .evidence)
        #expect(workbench.currentCoding.quotes(dimension: "motivation", code: "healthcare").count == 1, "shown at once")
        event.seq = 2
        _ = workbench.update(.saved(event))
        #expect(workbench.saveStatus == .saved)
    }

    @Test func aQuoteWhoseWordsMovedIsReportedAndNotShown() throws {
        // Quoted when the abstract began with "We study"; the corpus now has two more words.
        let sentence = Self.quote(.abstract, 0, 67, "We study clinical depression screening from short voice recordings.")
        let events = [
            CodingEvent(seq: 1, coder: "alice", paper: "P001", op: .set, dimension: "motivation", codes: ["healthcare"]),
            CodingEvent.evidence(paper: "P001", dimension: "motivation", code: "healthcare", quote: sentence, attached: true,
                                 coder: "alice", codebook: ""),
        ].enumerated().map { index, event in
            var event = event
            event.seq = index + 1
            return event
        }
        var papers = Fixtures.papers
        papers[0].abstract = "Here, we study clinical depression screening from short voice recordings."
        var workbench = Workbench(codebook: Fixtures.codebook, papers: papers, coder: "alice", events: events)
        _ = workbench.update(.resize(width: 120, height: 40))
        let key = EvidenceCode(dimension: "motivation", code: "healthcare")
        #expect(workbench.quoteMarks.stale == [key: 1])
        #expect(workbench.quoteMarks.standing[key] == nil)
        #expect(workbench.quoteMarks.marks.isEmpty)
        let screen = WorkbenchView().render(workbench, width: 120, height: 40)
        #expect(screen.lines[3].hasPrefix("1 stale quote (litcoder validate)"))
        #expect(screen.lines.contains { $0.contains("1 [x] Healthcare  1 stale quote") })
        #expect(!GoldenScreen.styleMask(screen).contains("a"), "nothing underlined in the motivation tint")
    }

    @Test func aLongAbstractIsSelectedInAndScrolledToTheSelection() {
        // 20,000 sentences (469,000 scalars), laid out only as far as read.
        let abstract = (1...20_000).map { "Sentence \($0) is here." }.joined(separator: " ")
        let paper = Paper(id: "BIG", title: "Big", abstract: abstract)
        var workbench = Workbench(codebook: Fixtures.codebook, papers: [paper], coder: "alice", events: [])
        _ = workbench.update(.resize(width: 120, height: 40))
        _ = workbench.update(.key(.character("v")))
        for _ in 0..<100 { _ = workbench.update(.key(Self.key(.nextSentence))) }
        guard case .selecting(let selection) = workbench.mode else {
            Issue.record("not selecting")
            return
        }
        // "Sentence N is here." is 19 scalars for N < 10, 20 for N < 100, 21 for N ≤ 101; one space after each.
        let start = 9 * 20 + 90 * 21 + 22
        #expect((selection.start, selection.end) == (start, start + 21))
        #expect(workbench.scroll > 0, "scrolled to the selection")
    }
}

/// Every selection key, many times over, on every fixture paper (control characters, bidi
/// text, CJK, emoji, combining marks, a long abstract, an empty title): the selection always
/// covers whole characters of one field, a quote attached from it always stands, and every
/// frame draws inside the screen.
@Suite struct QuoteSelectionRobustnessTests {
    static let keys: [Key] = Keymap.selectionBindings.flatMap(\.keys).filter { $0 != .escape && $0 != .character("?") }

    @Test(arguments: Fixtures.papers.map(\.id) + ["empty", "title-only"])
    func theSelectionStaysInsideItsFieldWhateverIsPressed(paper id: String) throws {
        var papers = Fixtures.papers
        papers.append(Paper(id: "empty", title: "", abstract: ""))
        papers.append(Paper(id: "title-only", title: "情感 e\u{301} 👩\u{200D}💻 only", abstract: ""))
        var h = WorkbenchTests.Harness(start: nil)
        h.workbench = Workbench(codebook: Fixtures.codebook, papers: papers, coder: "alice", events: [], startPaper: id)
        _ = h.workbench.update(.resize(width: 80, height: 24))
        let paper = try #require(h.workbench.currentPaper)
        // A fixed walk through the keys: each key, then pairs of keys, so every key follows every other.
        var walk: [Key] = []
        for first in Self.keys { for second in Self.keys.prefix(8) { walk += [first, second] } }
        h.perform(.selectQuote)
        for (step, key) in walk.enumerated() {
            if case .normal = h.workbench.mode { h.perform(.selectQuote) }
            // Keys of the selection only: on the main screen → would go to the next paper.
            guard h.workbench.isSelecting else { continue }
            h.press(key)
            #expect(h.workbench.currentPaper?.id == id)
            if case .selecting(let selection) = h.workbench.mode {
                let text = paper.text(of: selection.field)
                guard selection.start >= 0, selection.start < selection.end, selection.end <= text.unicodeScalars.count else {
                    Issue.record("step \(step) \(key): \(selection.field) \(selection.start)–\(selection.end) of \(text.unicodeScalars.count)")
                    return
                }
                // Whole characters: the ends are character boundaries of the field.
                let scalars = text.unicodeScalars
                let lower = scalars.index(scalars.startIndex, offsetBy: selection.start)
                let upper = scalars.index(scalars.startIndex, offsetBy: selection.end)
                #expect(lower.samePosition(in: text) != nil && upper.samePosition(in: text) != nil, "step \(step)")
            }
            if step % 37 == 0 {
                let canvas = WorkbenchView().render(h.workbench, width: 80, height: 24)
                for line in canvas.lines { #expect(DisplayWidth.drawn(line) <= 80, "\(line)") }
            }
        }
        let check = QuoteCheck(paper: paper)
        for event in h.log where event.op == .evidence {
            let quote = try #require(event.evidence?.quote)
            #expect(check.holds(quote), "\(quote)")
            #expect(quote.fieldHash == EvidenceQuote.hash(of: paper.text(of: quote.field)))
        }
        if id == "empty" {
            #expect(h.log.isEmpty)
            #expect(h.workbench.message?.text == "This paper has no title or abstract to quote")
        }
    }
}
