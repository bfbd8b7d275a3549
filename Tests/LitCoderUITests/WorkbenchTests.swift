import LitCoderCore
import Testing
@testable import LitCoderUI

/// The effect of every action of the key table, driven by action where possible.
@Suite struct WorkbenchTests {
    /// A workbench plus a pretend store that confirms every write, as the run loop would.
    struct Harness {
        var workbench: Workbench
        var log: [CodingEvent] = []
        var lastEffects: [Effect] = []

        init(codebook: Codebook = Fixtures.codebook, events: [CodingEvent] = [], queue: Workbench.Queue = .all, start: String? = nil) {
            workbench = Workbench(codebook: codebook, papers: Fixtures.papers, coder: "alice",
                                  events: events, queue: queue, startPaper: start)
            log = events
            _ = workbench.update(.resize(width: 120, height: 40))
        }

        mutating func run(_ effects: [Effect]) {
            lastEffects = effects
            for case .append(var event) in effects {
                event.seq = log.count + 1
                event.time = "t"
                log.append(event)
                _ = workbench.update(.saved(event))
            }
        }

        mutating func perform(_ action: Action) { run(workbench.perform(action)) }
        mutating func press(_ keys: Key...) { for key in keys { run(workbench.update(.key(key))) } }
        mutating func type(_ text: String) { for c in text { press(.character(c)) } }

        var paper: String? { workbench.currentPaper?.id }
        func codes(_ dimension: String) -> [String] { workbench.currentCoding.codes(for: dimension) }
    }

    @Test func nextAndPreviousPaper() {
        var h = Harness()
        h.perform(.nextPaper)
        #expect(h.paper == "P002")
        h.perform(.previousPaper)
        h.perform(.previousPaper)
        #expect(h.paper == "P001")
        #expect(h.lastEffects == [.bell])
        #expect(h.workbench.message?.text == "This is the first paper")
        #expect(h.log.isEmpty)
    }

    @Test func doneAndNextMarksDoneAndSkipsDonePapers() {
        var h = Harness(events: [CodingEvent(seq: 1, coder: "alice", paper: "P002", op: .done, value: true)], start: "P001")
        h.press(.character("1"))
        h.perform(.doneAndNext)
        #expect(h.log.last?.op == .done && h.log.last?.paper == "P001")
        #expect(h.paper == "P003")
        #expect(h.workbench.doneCount == 2)
    }

    @Test func dimensionsAndCursorMove() {
        var h = Harness()
        h.perform(.nextDimension)
        #expect(h.workbench.focusedDimension?.id == "datasets")
        h.perform(.previousDimension)
        h.perform(.previousDimension)
        #expect(h.workbench.focusedDimension?.id == "comment")
        h.perform(.nextDimension)
        h.perform(.cursorDown)
        h.perform(.cursorDown)
        #expect(h.workbench.codeCursor == 2)
        h.perform(.cursorUp)
        #expect(h.workbench.codeCursor == 1)
        for _ in 0..<10 { h.perform(.cursorDown) }
        #expect(h.workbench.codeCursor == 4)
    }

    @Test func spaceTogglesTheCodeUnderTheCursor() {
        var h = Harness()
        h.perform(.cursorDown)
        h.perform(.toggleCode)
        #expect(h.codes("motivation") == ["call-centre"])
        h.perform(.toggleCode)
        #expect(h.codes("motivation") == [])
        #expect(h.log.count == 2 && h.log.last?.codes == [])
    }

    @Test func numbersToggleInCodebookOrderAndSingleSelectReplaces() {
        var h = Harness()
        h.press(.character("3"), .character("1"))
        #expect(h.codes("motivation") == ["healthcare", "voice-assistant"])
        h.press(.tab, .tab, .character("1"), .character("3"))
        #expect(h.codes("setting") == ["natural"])
        h.press(.character("3"))
        #expect(h.codes("setting") == [])
        h.press(.character("9"))
        #expect(h.lastEffects == [.bell])
    }

    @Test func textDimensionIsEditedInline() {
        var h = Harness()
        h.perform(.previousDimension)
        h.perform(.toggleCode)
        h.type("acted only")
        h.press(.enter)
        #expect(h.workbench.currentCoding.texts["comment"] == "acted only")
        #expect(h.log.last?.text == "acted only" && h.log.last?.dimension == "comment")
    }

    @Test func aNumberDimensionTakesANumberAndRefusesTheRest() {
        var codebook = Fixtures.codebook
        codebook.dimensions.append(Dimension(id: "speakers", label: "Speakers", kind: .number, minimum: 1, maximum: 500))
        var h = Harness(codebook: codebook)
        h.perform(.previousDimension)
        #expect(h.workbench.focusedDimension?.id == "speakers")
        h.press(.character("3"))
        #expect(h.workbench.message?.text == "Speakers is a number: Space enters it")
        h.perform(.toggleCode)
        h.type("2,5")
        h.press(.enter)
        #expect(h.log.isEmpty, "nothing saved")
        #expect(h.workbench.message?.text == "'2,5' is not a number; speakers takes a number such as 1 (a decimal point, not a comma)")
        guard case .prompt(let open) = h.workbench.mode else { Issue.record("the prompt stays open to fix it"); return }
        #expect(open.string == "2,5")
        h.press(.control("u"))
        h.type("0")
        h.press(.enter)
        #expect(h.workbench.message?.text == "0 is below speakers's minimum, 1" && h.log.isEmpty)
        h.press(.control("u"))
        // 16 significant digits would be kept as another number: refused, nothing saved.
        h.type("24.00000000000001")
        h.press(.enter)
        #expect(h.workbench.message?.text
            == "'24.00000000000001' has 16 significant digits; litcoder keeps a number exactly up to 15 (round it, e.g. to 24)")
        #expect(h.log.isEmpty)
        h.press(.control("u"))
        h.type(" 24.0 ")
        h.press(.enter)
        #expect(h.workbench.mode == .normal)
        #expect(h.log.last?.text == "24" && h.log.last?.dimension == "speakers", "written canonically")
        #expect(h.workbench.currentCoding.texts["speakers"] == "24")
        h.perform(.toggleCode)
        h.press(.control("u"), .enter)
        #expect(h.log.last?.text == "" && h.workbench.currentCoding.texts["speakers"] == nil, "empty clears it")
    }

    @Test func pagingScrollsTheAbstractAndStops() {
        var h = Harness(start: "P004")
        h.perform(.scrollDown)
        #expect(h.workbench.scroll > 0)
        for _ in 0..<300 { h.perform(.scrollDown) }
        #expect(h.workbench.scroll == h.workbench.maxScroll)
        h.perform(.scrollUp)
        #expect(h.workbench.scroll < h.workbench.maxScroll)
        h.perform(.nextPaper)
        #expect(h.workbench.scroll == 0)
    }

    @Test func searchMovesAsYouTypeAndEscReturns() {
        var h = Harness()
        h.perform(.search)
        h.type("smart")
        #expect(h.paper == "P002")
        h.press(.escape)
        #expect(h.paper == "P001")
        h.perform(.search)
        h.type("call")
        h.press(.enter)
        #expect(h.paper == "P003")
        h.perform(.searchPrevious)
        #expect(h.paper == "P003")
        #expect(h.workbench.message?.text == "Search wrapped around" || h.workbench.message == nil)
        h.perform(.search)
        h.type("podcastzzz")
        #expect(h.workbench.message?.text == "No match for 'podcastzzz'")
    }

    @Test func searchNextFindsTheFollowingMatch() {
        var h = Harness()
        h.perform(.search)
        h.type("iemocap")
        h.press(.enter)
        #expect(h.paper == "P001")
        h.perform(.searchNext)
        #expect(h.paper == "P004")
        h.perform(.searchNext)
        #expect(h.paper == "P005")
        h.perform(.searchNext)
        #expect(h.paper == "P001")
        #expect(h.workbench.message?.text == "Search wrapped around")
    }

    @Test func goToByIdOrNumber() {
        var h = Harness()
        h.perform(.goToPaper)
        h.type("P004")
        h.press(.enter)
        #expect(h.paper == "P004")
        h.perform(.goToPaper)
        h.type("2")
        h.press(.enter)
        #expect(h.paper == "P002")
        h.perform(.goToPaper)
        h.type("nope")
        h.press(.enter)
        #expect(h.workbench.message?.text == "No paper with id 'nope'")
    }

    @Test func undoAndRedoAppendNewEvents() {
        var h = Harness()
        h.press(.character("1"))
        h.press(.character("2"))
        h.perform(.undo)
        #expect(h.codes("motivation") == ["healthcare"])
        h.perform(.undo)
        #expect(h.codes("motivation") == [])
        h.perform(.redo)
        #expect(h.codes("motivation") == ["healthcare"])
        #expect(h.log.count == 5)
        #expect(h.log.map(\.op) == [.set, .set, .set, .set, .set])
        h.perform(.redo)
        h.perform(.redo)
        #expect(h.workbench.message?.text == "Nothing to redo")
    }

    @Test func undoHistoryComesFromTheLogAndGoesToThePaper() {
        var first = Harness()
        first.press(.right, .character("2"))
        var h = Harness(events: first.log, start: "P001")
        h.perform(.undo)
        #expect(h.paper == "P002")
        #expect(h.codes("motivation") == [])
    }

    @Test func theLogsHistoryIsReadOnlyWhenUndoGoesPastTheSession() throws {
        var first = Harness()
        first.press(.right, .character("2"))
        let logged = first.log
        final class Reads: @unchecked Sendable { var count = 0 }
        let reads = Reads()
        let history = EventHistory(loading: {
            reads.count += 1
            return logged
        })
        var h = Harness()
        h.workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice",
                                state: CodingState(coder: "alice", replaying: logged), history: history, startPaper: "P001")
        h.log = logged
        h.press(.character("1"))
        h.perform(.undo)
        #expect(reads.count == 0, "undoing this session's change needs no history")
        h.perform(.undo)
        #expect(reads.count == 1)
        #expect(h.paper == "P002")
        #expect(h.codes("motivation") == [])
        h.perform(.undo)
        #expect(reads.count == 1, "read once")
    }

    @Test func aHistoryReadLateLeavesOutThisSessionsChanges() throws {
        var first = Harness()
        first.press(.right, .character("2"))
        final class LiveLog: @unchecked Sendable { var events: [CodingEvent] = [] }
        let live = LiveLog()
        live.events = first.log
        var h = Harness()
        h.workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice",
                                state: CodingState(coder: "alice", replaying: first.log),
                                history: EventHistory(loading: { live.events }), startPaper: "P001")
        h.log = first.log
        h.press(.character("1"))
        h.perform(.undo)
        live.events = h.log  // the file now also holds this session's change and its undo
        h.perform(.undo)
        #expect(h.paper == "P002", "the change before this session is undone next")
        #expect(h.codes("motivation") == [])
        #expect(h.workbench.coding(for: "P001").codes(for: "motivation") == [], "this session's change stays undone")
    }

    @Test func aHistoryThatCannotBeReadIsSaidAndNothingIsUndone() {
        struct Unreadable: Error {}
        var h = Harness()
        h.workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice",
                                state: CodingState(coder: "alice"), history: EventHistory(loading: { throw Unreadable() }))
        h.perform(.undo)
        #expect(h.lastEffects == [.bell])
        #expect(h.workbench.message?.text.hasPrefix("Cannot read the log's history") == true)
        #expect(h.log.isEmpty)
    }

    @Test func noteEditedInlineOrInEditor() {
        var h = Harness()
        h.perform(.editNote)
        h.type("check")
        h.press(.left, .backspace, .end)
        h.type("!")
        h.press(.enter)
        #expect(h.workbench.currentCoding.note == "chek!")
        h.perform(.editNoteExternally)
        #expect(h.lastEffects == [.openEditor(text: "chek!", target: .note(paper: "P001"))])
        h.run(h.workbench.update(.edited("long note", .note(paper: "P001"))))
        #expect(h.workbench.currentCoding.note == "long note")
        h.perform(.editNote)
        h.press(.control("o"))
        #expect(h.lastEffects == [.openEditor(text: "long note", target: .note(paper: "P001"))])
    }

    @Test func escapeInAPromptSavesNothing() {
        var h = Harness()
        h.perform(.editNote)
        h.type("q")  // a letter is text here, not quit
        h.press(.escape)
        #expect(h.log.isEmpty && h.workbench.mode == .normal)
    }

    @Test func flagTogglesAndCounts() {
        var h = Harness()
        h.perform(.flag)
        #expect(h.workbench.currentCoding.flagged && h.workbench.flaggedCount == 1)
        h.perform(.flag)
        #expect(!h.workbench.currentCoding.flagged && h.workbench.flaggedCount == 0)
    }

    @Test func summaryHelpSuspendQuit() {
        var h = Harness()
        h.perform(.toggleSummary)
        #expect(h.workbench.showSummary)
        h.perform(.help)
        #expect(h.workbench.mode == .help)
        h.press(.character("x"))
        #expect(h.workbench.mode == .help)
        h.press(.escape)
        #expect(h.workbench.mode == .normal)
        h.perform(.suspend)
        #expect(h.lastEffects == [.suspend])
        h.perform(.nextPaper)
        h.perform(.quit)
        #expect(h.lastEffects.last == .quit)
        #expect(h.log.last?.op == .view && h.log.last?.paper == "P002")
    }

    @Test func resumesWhereTheLogLeftOff() {
        let events = [CodingEvent(seq: 1, coder: "alice", paper: "P003", op: .view)]
        #expect(Harness(events: events).paper == "P003")
        #expect(Harness(events: events, start: "P002").paper == "P002")
        var h = Harness(events: events)
        h.perform(.quit)
        #expect(h.lastEffects == [.quit])  // already recorded: no new view event
    }

    @Test func queuesFilterPapers() {
        let events = [CodingEvent(seq: 1, coder: "alice", paper: "P001", op: .done, value: true),
                      CodingEvent(seq: 2, coder: "alice", paper: "P004", op: .flag, value: true)]
        #expect(Harness(events: events, queue: .todo).workbench.queue.count == 4)
        let flagged = Harness(events: events, queue: .flagged)
        #expect(flagged.workbench.queue.count == 1 && flagged.paper == "P004")
    }

    @Test func savedShowsOnlyAfterTheStoreReturns() {
        var workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", events: [])
        let effects = workbench.update(.key(.character("1")))
        guard case .append(var event)? = effects.first else {
            Issue.record("no append")
            return
        }
        #expect(workbench.saveStatus == .saving)
        #expect(workbench.currentCoding.codes(for: "motivation") == ["healthcare"])
        event.seq = 1
        _ = workbench.update(.saved(event))
        #expect(workbench.saveStatus == .saved)
    }

    @Test func failedSaveShowsTheErrorAndKeepsWhatIsOnDisk() {
        var workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", events: [])
        _ = workbench.update(.key(.character("1")))
        let effects = workbench.update(.saveFailed("codings/alice.jsonl: write failed: No space left on device"))
        #expect(effects == [.bell])
        #expect(workbench.saveStatus == .failed("codings/alice.jsonl: write failed: No space left on device"))
        #expect(workbench.currentCoding.codes(for: "motivation") == [])
        #expect(workbench.message?.text.contains("NOT SAVED") == true)
    }

    @Test func emptyQueueNeverTraps() {
        var workbench = Workbench(codebook: Fixtures.codebook, papers: [], coder: "alice", events: [])
        for action in Action.allCases where action != .quit {
            _ = workbench.perform(action, key: .character("1"))
            if case .prompt = workbench.mode { _ = workbench.update(.key(.enter)) }
            if workbench.mode == .help { _ = workbench.update(.key(.escape)) }
        }
        let canvas = WorkbenchView().render(workbench, width: 80, height: 24)
        #expect(canvas.text.contains("No papers in the all queue."))
    }
}

@Suite struct PreparedPaperTests {
    @Test func idlePreparesNeighboursAndMovingUsesThemUnchanged() {
        var plain = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", events: [])
        var idle = plain
        _ = idle.update(.idle)
        #expect(Set(idle.prepared.keys) == [1])
        _ = plain.perform(.nextPaper)
        _ = idle.perform(.nextPaper)
        #expect(idle.abstractMatches == plain.abstractMatches && idle.suggestions == plain.suggestions)
        #expect(WorkbenchView().render(idle, width: 100, height: 30) == WorkbenchView().render(plain, width: 100, height: 30))
        _ = idle.update(.idle)
        #expect(Set(idle.prepared.keys) == [0, 2])
    }

    @Test func preparationForAnotherWidthIsNotUsed() {
        var workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", events: [])
        _ = workbench.update(.idle)
        _ = workbench.update(.resize(width: 60, height: 20))
        _ = workbench.perform(.nextPaper)
        #expect(workbench.abstractLayout.width == workbench.abstractWidth)
    }
}
