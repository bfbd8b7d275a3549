import Testing
@testable import LitCoderCore

/// `CodingState` keeps papers by number and codes by column; what it answers must be exactly
/// the fold of the log as a dictionary of `PaperCoding`s would give it.
@Suite struct CodingStateStorageTests {
    /// The plain fold: one `PaperCoding` per paper, changed event by event.
    struct ReferenceFold {
        var papers: [String: PaperCoding] = [:]
        var lastViewed: String?
        var lastPaper: String?

        mutating func apply(_ event: CodingEvent) {
            lastPaper = event.paper
            if event.op == .view {
                lastViewed = event.paper
                return
            }
            var paper = papers[event.paper] ?? PaperCoding()
            switch event.op {
            case .set, .adjudicate:
                guard let dimension = event.dimension else { break }
                if let text = event.text {
                    paper.texts[dimension] = text.isEmpty ? nil : text
                } else {
                    let codes = event.codes ?? []
                    paper.codes[dimension] = codes.isEmpty ? nil : codes
                }
                if event.op == .adjudicate {
                    let withdrawn = event.automatic == true && (event.sources ?? []).isEmpty
                    paper.provenance[dimension] = withdrawn ? nil : .init(
                        adjudicator: event.adjudicator ?? event.coder, sources: event.sources ?? [],
                        reason: event.reason, automatic: event.automatic ?? false)
                }
            case .note: paper.note = event.text ?? ""
            case .flag: paper.flagged = event.value ?? false
            case .done: paper.done = event.value ?? false
            case .evidence:
                // A list per code: the latest quote at a place replaces any earlier one there.
                guard let dimension = event.dimension, let evidence = event.evidence else { break }
                let code = EvidenceCode(dimension: dimension, code: evidence.code)
                var list = quotes[event.paper, default: [:]][code, default: []]
                list.removeAll { $0.location == evidence.quote.location }
                if event.value == true { list.append(evidence.quote) }
                quotes[event.paper, default: [:]][code] = list.isEmpty ? nil : list
                var rebuilt = PaperEvidence()
                for (code, list) in quotes[event.paper] ?? [:] {
                    for quote in list.sorted(by: { $0.location < $1.location }) { rebuilt.attach(quote, to: code) }
                }
                paper.evidence = rebuilt
            case .view: break
            }
            paper.lastSeq = event.seq
            papers[event.paper] = paper
        }

        /// Each paper's quotes by code, in the order attached.
        var quotes: [String: [EvidenceCode: [EvidenceQuote]]] = [:]
    }

    static func randomEvents(seed: UInt64, count: Int) -> [CodingEvent] {
        var rng = SplitMix64(seed: seed)
        func pick<T>(_ options: [T]) -> T { options[Int(rng.next() % UInt64(options.count))] }
        let papers = (0..<40).map { "paper-\($0)" } + ["日本語の論文", "a-rather-long-paper-identifier-2024"]
        let dimensions = ["motivation", "dataset", "emotions", "notes"]
        let codes = ["healthcare", "hci", "iemocap", "msp-podcast", "anger", "joy"]
        return (1...count).map { seq in
            let op = pick([CodingEvent.Operation.set, .set, .set, .note, .flag, .done, .view, .adjudicate, .evidence])
            var event = CodingEvent(seq: seq, coder: "alice", paper: pick(papers), op: op, codebook: "h")
            switch op {
            case .set, .adjudicate:
                event.dimension = pick(dimensions)
                if event.dimension == "notes" {
                    event.text = pick(["", "a remark", "another"])
                } else {
                    event.codes = (0..<Int(rng.next() % 3)).map { _ in pick(codes) }
                }
                if op == .adjudicate {
                    event.sources = rng.next() % 4 == 0 ? [] : [pick(["alice", "bob"])]
                    event.adjudicator = "ana"
                    event.automatic = rng.next() % 2 == 0
                }
            case .note: event.text = pick(["", "unsure", "check the dataset"])
            case .flag, .done: event.value = rng.next() % 2 == 0
            case .evidence:
                event.dimension = pick(["motivation", "dataset"])
                let start = Int(rng.next() % 4)
                event.evidence = .init(code: pick(codes), quote: EvidenceQuote(
                    field: pick([.title, .abstract]), start: start, end: start + 2, text: pick(["ab", "情😀"]), fieldHash: "x"))
                event.value = rng.next() % 3 != 0
            case .view: break
            }
            return event
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func replayAnswersAsTheDictionaryFoldDoes(seed: UInt64) {
        let events = Self.randomEvents(seed: seed, count: 600)
        var reference = ReferenceFold()
        for event in events { reference.apply(event) }
        let state = CodingState(coder: "alice", replaying: events)
        #expect(state.paperCount == reference.papers.count)
        #expect(Set(state.paperIDs) == Set(reference.papers.keys))
        for (paper, coding) in reference.papers {
            #expect(state.codingIfPresent(for: paper) == coding, "\(paper)")
        }
        #expect(state.papers == reference.papers)
        #expect(state.lastViewed == reference.lastViewed)
        #expect(state.lastPaper == reference.lastPaper)
        #expect(state.codedPaperCount == reference.papers.values.count { $0.isCoded })
        #expect(state.donePaperCount == reference.papers.values.count { $0.done })
        #expect(state.flaggedPaperCount == reference.papers.values.count { $0.flagged })
        var visited: [String: PaperCoding] = [:]
        state.forEachPaper { visited[$0] = $1 }
        #expect(visited == reference.papers)
    }

    @Test func aPaperOnlyViewedHasNoCoding() {
        let state = CodingState(coder: "a", replaying: [CodingEvent(seq: 1, coder: "a", paper: "p1", op: .view)])
        #expect(state.paperCount == 0)
        #expect(state.codingIfPresent(for: "p1") == nil)
        #expect(state.coding(for: "p1") == PaperCoding())
        #expect(state.lastPaper == "p1")
    }

    @Test func settingACodingReplacesEverythingAboutThePaper() {
        var state = CodingState(coder: "a", replaying: [
            CodingEvent(seq: 1, coder: "a", paper: "p1", op: .set, dimension: "motivation", codes: ["healthcare"]),
            CodingEvent(seq: 2, coder: "a", paper: "p1", op: .set, dimension: "dataset", codes: ["iemocap"]),
            CodingEvent(seq: 3, coder: "a", paper: "p2", op: .set, dimension: "dataset", codes: ["iemocap"]),
        ])
        var replacement = PaperCoding()
        replacement.codes = ["emotions": ["anger", "joy"], "motivation": []]
        replacement.note = "redone"
        replacement.done = true
        state.setCoding(replacement, for: "p1")
        var expected = replacement
        expected.codes["motivation"] = nil  // an empty selection is "not coded"
        #expect(state.coding(for: "p1") == expected)
        #expect(state.coding(for: "p2").codes == ["dataset": ["iemocap"]], "other papers are untouched")
        state.setCoding(replacement, for: "p3")
        #expect(state.paperCount == 3)
        #expect(state.coding(for: "p3") == expected)
    }

    @Test func papersCanBeReplacedWhole() {
        var state = CodingState(coder: "a", replaying: Self.randomEvents(seed: 9, count: 200))
        var papers = state.papers
        papers.removeValue(forKey: papers.keys.sorted()[0])
        papers["new"] = PaperCoding()
        state.papers = papers
        #expect(state.papers == papers)
    }

    @Test func equalityIgnoresTheOrderPapersWereFirstTouched() {
        let a = CodingEvent(seq: 1, coder: "a", paper: "p1", op: .set, dimension: "motivation", codes: ["hci"])
        let b = CodingEvent(seq: 1, coder: "a", paper: "p2", op: .set, dimension: "dataset", codes: ["iemocap"])
        var first = CodingState(coder: "a")
        first.apply(a)
        first.apply(b)
        var second = CodingState(coder: "a")
        second.apply(b)
        second.apply(a)
        first.lastPaper = nil
        second.lastPaper = nil
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        second.apply(CodingEvent(seq: 1, coder: "a", paper: "p1", op: .set, dimension: "motivation", codes: ["healthcare"]))
        second.eventCount = first.eventCount
        second.lastPaper = nil
        #expect(first != second)
    }
}
