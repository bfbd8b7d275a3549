import Testing
@testable import LitCoderCore

/// Incremental updates must give exactly what a full recount gives, whatever the edits.
@Suite struct SummaryCountsIncrementalTests {
    /// SplitMix64: small, seeded, the same sequence on every machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func randomEditsMatchAFullRecount(seed: UInt64) throws {
        let workspace = try AlignmentFixture.workspace()
        let codebook = workspace.codebook
        var random = SeededGenerator(state: seed)
        // Every code of every dimension, plus codes the codebook never had, plus papers outside
        // the corpus: the edits must cover stale codes and unknown papers too.
        var choices: [String: [String]] = [:]
        for dimension in codebook.dimensions { choices[dimension.id] = dimension.codes.map(\.id) + ["gone-\(dimension.id)"] }
        choices["retired-dimension"] = ["x"]
        let papers = workspace.corpus.papers.map(\.id) + ["outside-1", "outside-2"]

        var state = CodingState(coder: "alice")
        var counts = SummaryCounts(codebook: codebook, paperIDs: workspace.corpus.papers.map(\.id))
        for step in 1...400 {
            let paper = papers.randomElement(using: &random) ?? "p1"
            let dimension = choices.keys.sorted().randomElement(using: &random) ?? "motivation"
            let pool = choices[dimension] ?? []
            let picked = pool.filter { _ in Bool.random(using: &random) }
            // Sometimes repeat a code: a log written by hand may hold duplicates.
            let codes = Int.random(in: 0..<10, using: &random) == 0 ? picked + picked.prefix(1) : picked
            let event = CodingEvent.set(paper: paper, dimension: dimension, codes: codes, coder: "alice", codebook: "")
            state.apply(event)
            counts.update(after: event, in: state)
            if step % 25 == 0 {
                let full = SummaryCounts(codebook: codebook, corpus: workspace.corpus, state: state)
                #expect(counts.summary(scope: "s") == full.summary(scope: "s"), "seed \(seed), step \(step)")
            }
        }
        let final = counts.summary(scope: "s")
        #expect(final.alignments.first.map { $0.aligned + $0.mismatched + $0.undetermined } == 12)
    }

    /// Counts written straight into slots must agree with the verdicts `AlignmentEvaluator`
    /// gives paper by paper, tallied here the slow, obvious way.
    @Test(arguments: [7, 99] as [UInt64])
    func countsAgreeWithPerPaperVerdicts(seed: UInt64) throws {
        let workspace = try AlignmentFixture.workspace()
        let codebook = workspace.codebook
        var random = SeededGenerator(state: seed)
        var state = CodingState(coder: "x")
        for paper in workspace.corpus.papers {
            for dimension in codebook.dimensions where dimension.kind != .text {
                let codes = (dimension.codes.map(\.id) + ["gone"]).filter { _ in Int.random(in: 0..<4, using: &random) == 0 }
                state.apply(.set(paper: paper.id, dimension: dimension.id, codes: codes, coder: "x", codebook: ""))
            }
        }
        let summary = SummaryCounts(codebook: codebook, corpus: workspace.corpus, state: state).summary(scope: "x")
        let evaluator = AlignmentEvaluator(codebook: codebook)
        for (a, rule) in codebook.alignments.enumerated() {
            var outcomes: [AlignmentResult.Outcome: Int] = [:]
            var papersWith: [String: Int] = [:]
            var unservedUnder: [String: Int] = [:]
            var cells: [String: Int] = [:]
            for paper in workspace.corpus.papers {
                let result = try #require(evaluator.evaluate(state.coding(for: paper.id), alignment: rule.id))
                outcomes[result.outcome, default: 0] += 1
                // The export's shortcut judges the same.
                #expect(evaluator.compiled[a].judge(state.coding(for: paper.id)).outcome == result.outcome)
                for code in result.fromCodes {
                    papersWith[code, default: 0] += 1
                    for context in result.provided { cells["\(code)/\(context)", default: 0] += 1 }
                }
                for unserved in result.unserved { unservedUnder[unserved.code, default: 0] += 1 }
            }
            let counted = summary.alignments[a]
            #expect(counted.aligned == outcomes[.aligned] ?? 0)
            #expect(counted.mismatched == outcomes[.mismatched] ?? 0)
            #expect(counted.undetermined == outcomes[.undetermined] ?? 0)
            for tally in counted.byCode {
                #expect(tally.papers == papersWith[tally.code] ?? 0, "\(tally.code)")
                #expect(tally.mismatched == unservedUnder[tally.code] ?? 0, "\(tally.code)")
            }
            for (r, row) in counted.crosstab.rows.enumerated() {
                for (c, column) in counted.crosstab.columns.enumerated() {
                    #expect(counted.crosstab.count(row: r, column: c) == cells["\(row)/\(column)"] ?? 0)
                }
            }
        }
    }

    /// A large corpus is judged in two halves at once; it must count what paper-by-paper does.
    @Test func aLargeCorpusJudgedInParallelCountsTheSame() throws {
        let codebook = try AlignmentFixture.workspace().codebook
        var random = SeededGenerator(state: 11)
        let corpus = Corpus(papers: (0..<6_000).map { Paper(id: "p\($0)", title: "") })
        var state = CodingState(coder: "x")
        for paper in corpus.papers where Int.random(in: 0..<10, using: &random) > 0 {
            for dimension in codebook.dimensions where dimension.kind != .text {
                let codes = (dimension.codes.map(\.id) + ["gone"]).filter { _ in Int.random(in: 0..<3, using: &random) == 0 }
                // Sometimes a code twice, as a log written by hand may hold.
                let repeated = Int.random(in: 0..<20, using: &random) == 0 ? codes + codes.prefix(1) : codes
                state.apply(.set(paper: paper.id, dimension: dimension.id, codes: repeated, coder: "x", codebook: ""))
            }
            if Int.random(in: 0..<50, using: &random) == 0 {
                state.apply(.set(paper: paper.id, dimension: "retired-dimension", codes: ["x"], coder: "x", codebook: ""))
            }
        }
        state.apply(.set(paper: "outside", dimension: "motivation", codes: ["health"], coder: "x", codebook: ""))
        var oneByOne = SummaryCounts(codebook: codebook, paperIDs: corpus.papers.map(\.id))
        for paper in state.papers.keys.sorted() { oneByOne.update(paper: paper, coding: state.coding(for: paper)) }
        let parallel = SummaryCounts(codebook: codebook, corpus: corpus, state: state).summary(scope: "x")
        #expect(parallel == oneByOne.summary(scope: "x"))
        #expect(parallel.codedPapersOutsideCorpus == 1)
        #expect(parallel.alignments.first.map { $0.aligned + $0.mismatched + $0.undetermined } == 6_000)
    }

    @Test func updatingTheSameCodingTwiceChangesNothing() throws {
        let (workspace, state) = try AlignmentFixture.alice()
        var counts = SummaryCounts(codebook: workspace.codebook, corpus: workspace.corpus, state: state)
        let before = counts.summary(scope: "s")
        counts.update(paper: "p4", coding: state.coding(for: "p4"))
        counts.update(paper: "p4", coding: state.coding(for: "p4"))
        #expect(counts.summary(scope: "s") == before)
    }

    @Test func clearingAPaperMakesItUndetermined() throws {
        let (workspace, state) = try AlignmentFixture.alice()
        var counts = SummaryCounts(codebook: workspace.codebook, corpus: workspace.corpus, state: state)
        counts.update(paper: "p2", coding: PaperCoding())
        let a = try #require(counts.summary(scope: "s").alignments.first)
        #expect((a.aligned, a.mismatched, a.undetermined) == (3, 2, 7))
        #expect(a.byCode.first { $0.code == "health" }?.papers == 3)
    }
}
