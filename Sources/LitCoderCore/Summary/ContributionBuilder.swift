/// What one paper adds to the summary counts: the slots it adds one to, and its stale codes.
struct Contribution: Sendable {
    var slots: [Int32]
    var stale: [StaleCoding.Code] = []
}

/// Judges papers into `Contribution`s, with scratch space reused from paper to paper.
struct ContributionBuilder: Sendable {
    let evaluator: AlignmentEvaluator
    let layout: SummaryLayout
    private var located = CodedPositions()
    private var columnStamp: [Int]
    private var stamp = 0
    private var provided: [Int] = []

    init(evaluator: AlignmentEvaluator, layout: SummaryLayout) {
        self.evaluator = evaluator
        self.layout = layout
        columnStamp = Array(repeating: 0, count: evaluator.compiled.map(\.columns.count).max() ?? 0)
    }

    /// The slots one paper adds one to. The same verdicts as `AlignmentEvaluator.evaluate`
    /// (a test holds them equal), written straight into slots without building results.
    mutating func contribution(of coding: PaperCoding) -> Contribution {
        located.locate(coding, in: evaluator.dimensions, position: evaluator.dimensionPosition)
        return judgeLocated { coding }
    }

    /// The slots paper `number` of `state` adds one to, read from the state's columns.
    mutating func contribution(ofPaper number: Int, in state: CodingState) -> Contribution {
        located.locate(paper: number, of: state, in: evaluator.dimensions, position: evaluator.dimensionPosition)
        return judgeLocated { state.coding(number: number) }
    }

    /// Judges the codes `located` holds; `coding` is assembled only when some are stale.
    private mutating func judgeLocated(_ coding: () -> PaperCoding) -> Contribution {
        var slots: [Int32] = []
        slots.reserveCapacity(8 + 2 * located.positions.count)
        for (a, alignment) in evaluator.compiled.enumerated() {
            let fromRange = alignment.fromDimension.map { located.ranges[$0] } ?? 0..<0
            let toRange = alignment.toDimension.map { located.ranges[$0] } ?? 0..<0
            guard !fromRange.isEmpty else {
                slots.append(layout.outcomeSlot(alignment: a, .undetermined))
                slots.append(layout.reasonSlot(alignment: a, .fromNotCoded))
                continue
            }
            // The contexts provided, each once: a stamp per column instead of a set.
            stamp += 1
            provided.removeAll(keepingCapacity: true)
            var resolved = false
            for t in located.positions[toRange] {
                resolved = resolved || !alignment.provides[t].isEmpty
                for column in alignment.provides[t] where columnStamp[column] != stamp {
                    columnStamp[column] = stamp
                    provided.append(column)
                }
            }
            var anyNeeds = false
            var anyUnserved = false
            for row in located.positions[fromRange] {
                slots.append(layout.codePapers(alignment: a, row: row))
                for column in provided { slots.append(layout.cell(alignment: a, row: row, column: column)) }
                guard alignment.hasNeeds[row] else { continue }
                anyNeeds = true
                guard resolved else { continue }
                if !located.positions[toRange].contains(where: { alignment.serves(toCode: $0, row: row) }) {
                    anyUnserved = true
                    slots.append(layout.codeMismatched(alignment: a, row: row))
                }
            }
            if !anyNeeds {
                slots.append(layout.outcomeSlot(alignment: a, .undetermined))
                slots.append(layout.reasonSlot(alignment: a, .nothingNeeded))
            } else if !resolved {
                slots.append(layout.outcomeSlot(alignment: a, .undetermined))
                slots.append(layout.reasonSlot(alignment: a, .toNotCoded))
            } else {
                slots.append(layout.outcomeSlot(alignment: a, anyUnserved ? .mismatched : .aligned))
            }
        }
        for (d, range) in located.ranges.enumerated() where !range.isEmpty {
            guard let coded = layout.dimensionCoded(d) else { continue }
            slots.append(coded)
            for k in located.positions[range] {
                if let slot = layout.dimensionCode(d, k) { slots.append(slot) }
            }
        }
        let stale = located.hasStale ? evaluator.staleCodes(in: coding()) : []
        return Contribution(slots: slots, stale: stale)
    }
}
