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
    private var staleCounts: [StaleCode: Int] = [:]
    /// Coded papers that the corpus does not have: never counted, only reported.
    private var outsideCorpus: Set<String> = []

    /// What one paper adds to the counts.
    struct Contribution: Sendable {
        var slots: [Int32]
        var stale: [StaleCode] = []
    }

    /// Counts for a corpus in which no paper is coded yet.
    public init(codebook: Codebook, paperIDs: [String]) {
        evaluator = AlignmentEvaluator(codebook: codebook)
        layout = SummaryLayout(evaluator)
        var index: [String: Int] = [:]
        var ids: [String] = []
        for id in paperIDs where index[id] == nil {
            index[id] = ids.count
            ids.append(id)
        }
        self.paperIDs = ids
        paperIndex = index
        let empty = Self.contribution(of: PaperCoding(), evaluator: evaluator, layout: layout)
        contributions = Array(repeating: empty, count: ids.count)
        counts = Array(repeating: 0, count: layout.slotCount)
        for slot in empty.slots { counts[Int(slot)] += ids.count }
    }

    /// Counts for every paper of the corpus as one coding state has it.
    public init(codebook: Codebook, corpus: Corpus, state: CodingState) {
        self.init(codebook: codebook, paperIDs: corpus.papers.map(\.id))
        for (paper, coding) in state.papers { update(paper: paper, coding: coding) }
    }

    public var paperCount: Int { paperIDs.count }

    /// Replaces one paper's contribution with that of its new coding.
    public mutating func update(paper: String, coding: PaperCoding) {
        guard let i = paperIndex[paper] else {
            if coding.codes.isEmpty { outsideCorpus.remove(paper) } else { outsideCorpus.insert(paper) }
            return
        }
        let new = Self.contribution(of: coding, evaluator: evaluator, layout: layout)
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

    static func contribution(of coding: PaperCoding, evaluator: AlignmentEvaluator, layout: SummaryLayout) -> Contribution {
        var slots: [Int32] = []
        slots.reserveCapacity(16)
        for (a, alignment) in evaluator.compiled.enumerated() {
            let judgement = alignment.judge(coding)
            layout.outcomeSlots(alignment: a, judgement: judgement, into: &slots)
            guard !judgement.fromRows.isEmpty else { continue }
            var unserved = judgement.unservedRows.makeIterator()
            var nextUnserved = unserved.next()
            let provided = alignment.providedColumns(judgement.toCodes)
            for row in judgement.fromRows {
                slots.append(layout.codePapers(alignment: a, row: row))
                if row == nextUnserved {
                    slots.append(layout.codeMismatched(alignment: a, row: row))
                    nextUnserved = unserved.next()
                }
                for column in provided { slots.append(layout.cell(alignment: a, row: row, column: column)) }
            }
        }
        for (d, dimension) in layout.dimensions.enumerated() {
            let positions = CompiledAlignment.known(coding.codes[dimension.id], evaluator.codeIndex[dimension.id] ?? [:])
            guard !positions.isEmpty else { continue }
            slots.append(layout.dimensionCoded(d))
            for k in positions { slots.append(layout.dimensionCode(d, k)) }
        }
        let stale = coding.codes.isEmpty ? [] : evaluator.staleCodes(in: coding)
        return Contribution(slots: slots, stale: stale)
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
        let dimensions = layout.dimensions.enumerated().map { d, dimension in
            Summary.Dimension(
                id: dimension.id, label: dimension.label, coded: at(layout.dimensionCoded(d)),
                counts: dimension.codes.indices.map { k in
                    Summary.CodeCount(code: dimension.codes[k].id, label: dimension.codes[k].label,
                                      papers: at(layout.dimensionCode(d, k)))
                })
        }
        let stale = staleCounts.keys.sorted().map {
            Summary.Stale(dimension: $0.dimension, code: $0.code, papers: staleCounts[$0] ?? 0)
        }
        return Summary(scope: scope, papers: paperIDs.count, alignments: alignments,
                       dimensions: dimensions, stale: stale, codedPapersOutsideCorpus: outsideCorpus.count)
    }
}
