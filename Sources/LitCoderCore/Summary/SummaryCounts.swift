import Dispatch

/// A scope's summary counts, kept current one paper at a time.
///
/// Every count lives in one flat array of integers. Each paper's contribution is the list of
/// positions it adds one to; changing a paper subtracts its old contribution and adds the new
/// one, so an update costs the same for ten papers or a million (issue: live summary pane).
/// `summary(scope:)` reads the array, never the papers.
public struct SummaryCounts: Sendable {
    public let evaluator: AlignmentEvaluator
    /// Corpus paper ids in corpus order.
    public let paperIDs: [String]
    private let paperIndex: [String: Int]
    private let layout: SummaryLayout
    private var counts: [Int]
    private var contributions: [Contribution]
    private var staleCounts: [StaleCoding.Code: Int] = [:]
    /// Coded papers that the corpus does not have: never counted, only reported.
    private var outsideCorpus: Set<String> = []

    /// Judges one paper at a time into slots, reusing its scratch space.
    private var builder: ContributionBuilder

    /// Counts for a corpus in which no paper is coded yet.
    public init(codebook: Codebook, paperIDs: [String]) {
        var index = [String: Int](minimumCapacity: paperIDs.count)
        var ids: [String] = []
        ids.reserveCapacity(paperIDs.count)
        for id in paperIDs where index[id] == nil {
            index[id] = ids.count
            ids.append(id)
        }
        self.init(codebook: codebook, uniqueIDs: ids, index: index)
    }

    /// `ids` without repeats, and each one's position in it.
    private init(codebook: Codebook, uniqueIDs ids: [String], index: [String: Int]) {
        evaluator = AlignmentEvaluator(codebook: codebook)
        layout = SummaryLayout(evaluator)
        self.paperIDs = ids
        paperIndex = index
        counts = Array(repeating: 0, count: layout.slotCount)
        builder = ContributionBuilder(evaluator: evaluator, layout: layout)
        contributions = []
        let empty = builder.contribution(of: PaperCoding())
        contributions = Array(repeating: empty, count: ids.count)
        for slot in empty.slots { counts[Int(slot)] += ids.count }
    }

    /// Counts for every paper of the corpus as one coding state has it.
    public init(codebook: Codebook, corpus: Corpus, state: CodingState) {
        // The corpus already indexes its (unique) ids: indexing 100,000 of them again was a
        // tenth of a full summary.
        self.init(codebook: codebook, uniqueIDs: corpus.papers.map(\.id), index: corpus.indexByID)
        // Corpus order, not the dictionary's: logs are mostly written in corpus order, so the
        // codings lie in memory in that order too, and walking them so saves cache misses.
        // Two halves judged at once: a full summary is the one moment a user waits.
        let ids = paperIDs
        let chunks = ids.count >= 4_096 ? 2 : 1
        var judged = [Contribution?](repeating: nil, count: ids.count)
        let (evaluator, layout) = (self.evaluator, self.layout)
        judged.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var builder = ContributionBuilder(evaluator: evaluator, layout: layout)
                let range = (ids.count * chunk / chunks)..<(ids.count * (chunk + 1) / chunks)
                for i in range {
                    if let number = state.paperNumber(of: ids[i]) {
                        output[i] = builder.contribution(ofPaper: number, in: state)
                    }
                }
            }
        }
        var found = 0
        for (i, contribution) in judged.enumerated() {
            guard let contribution else { continue }
            found += 1
            install(contribution, at: i)
        }
        if found < state.paperCount {
            state.forEachPaper { paper, coding in
                if paperIndex[paper] == nil { update(paper: paper, coding: coding) }
            }
        }
    }

    public var paperCount: Int { paperIDs.count }

    /// Replaces one paper's contribution with that of its new coding.
    public mutating func update(paper: String, coding: PaperCoding) {
        guard let i = paperIndex[paper] else {
            if coding.codes.isEmpty { outsideCorpus.remove(paper) } else { outsideCorpus.insert(paper) }
            return
        }
        replace(paperAt: i, with: coding)
    }

    private mutating func replace(paperAt i: Int, with coding: PaperCoding) {
        install(builder.contribution(of: coding), at: i)
    }

    /// Subtracts the paper's old contribution and adds the new one.
    private mutating func install(_ new: Contribution, at i: Int) {
        let old = contributions[i]
        for slot in old.slots { counts[Int(slot)] -= 1 }
        for slot in new.slots { counts[Int(slot)] += 1 }
        for code in old.stale {
            let left = (staleCounts[code] ?? 0) - 1
            staleCounts[code] = left > 0 ? left : nil
        }
        for code in new.stale { staleCounts[code, default: 0] += 1 }
        contributions[i] = new
    }

    /// Applies the paper of `event` as it stands in `state` after the event.
    public mutating func update(after event: CodingEvent, in state: CodingState) {
        update(paper: event.paper, coding: state.coding(for: event.paper))
    }

    /// A snapshot of the counts, labelled with `scope` (`coder:alice`, `consensus`).
    public func summary(scope: String) -> Summary {
        func at(_ slot: Int32) -> Int { counts.indices.contains(Int(slot)) ? counts[Int(slot)] : 0 }
        let codebook = evaluator.codebook
        let alignments = evaluator.compiled.enumerated().map { a, alignment -> Summary.Alignment in
            let fromCodes = codebook.dimension(alignment.rule.from)?.codes ?? []
            let byCode = alignment.rows.indices.map { row in
                Summary.CodeTally(
                    code: alignment.rows[row], label: fromCodes.indices.contains(row) ? fromCodes[row].label : "",
                    papers: at(layout.codePapers(alignment: a, row: row)),
                    mismatched: at(layout.codeMismatched(alignment: a, row: row)))
            }
            let cells = alignment.rows.indices.map { row in
                alignment.columns.indices.map { at(layout.cell(alignment: a, row: row, column: $0)) }
            }
            var because: [AlignmentResult.UndeterminedReason: Int] = [:]
            for reason in AlignmentResult.UndeterminedReason.allCases {
                because[reason] = at(layout.reasonSlot(alignment: a, reason))
            }
            return Summary.Alignment(
                id: alignment.rule.id, label: alignment.rule.label, from: alignment.rule.from,
                to: alignment.rule.to, aligned: at(layout.outcomeSlot(alignment: a, .aligned)),
                mismatched: at(layout.outcomeSlot(alignment: a, .mismatched)),
                undetermined: at(layout.outcomeSlot(alignment: a, .undetermined)),
                undeterminedBecause: because, byCode: byCode,
                crosstab: Summary.CrossTab(rows: alignment.rows, columns: alignment.columns, counts: cells))
        }
        let dimensions = layout.counted.map { d, dimension in
            Summary.Dimension(
                id: dimension.id, label: dimension.label, coded: at(layout.dimensionCoded(d) ?? -1),
                counts: dimension.codes.indices.map { k in
                    Summary.CodeCount(code: dimension.codes[k].id, label: dimension.codes[k].label,
                                      papers: at(layout.dimensionCode(d, k) ?? -1))
                })
        }
        let stale = staleCounts.keys.sorted().map {
            Summary.Stale(dimension: $0.dimension, code: $0.code, papers: staleCounts[$0] ?? 0)
        }
        return Summary(scope: scope, papers: paperIDs.count, alignments: alignments,
                       dimensions: dimensions, stale: stale, codedPapersOutsideCorpus: outsideCorpus.count)
    }
}
