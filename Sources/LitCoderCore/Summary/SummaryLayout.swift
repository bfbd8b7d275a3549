/// Where each count lives in `SummaryCounts`' flat array.
///
/// Per alignment: three outcomes, three undetermined reasons, two counts per `from` code
/// (papers, mismatched), then the crosstab row by row. Per coded (non-text) dimension: papers
/// coded, then one count per code.
struct SummaryLayout: Sendable {
    private static let outcomeCount = 3
    private static let reasonCount = 3
    private static let perAlignmentHeader = outcomeCount + reasonCount

    private var alignmentBase: [Int] = []
    private var rowCount: [Int] = []
    private var columnCount: [Int] = []
    /// Per codebook dimension, where its counts start; nil for text and number dimensions (no codes).
    private(set) var dimensionBase: [Int?] = []
    /// The dimensions counted: every dimension that takes codes, in codebook order.
    let counted: [(position: Int, dimension: Dimension)]
    let slotCount: Int

    init(_ evaluator: AlignmentEvaluator) {
        var next = 0
        for alignment in evaluator.compiled {
            alignmentBase.append(next)
            rowCount.append(alignment.rows.count)
            columnCount.append(alignment.columns.count)
            next += Self.perAlignmentHeader + 2 * alignment.rows.count + alignment.rows.count * alignment.columns.count
        }
        var counted: [(Int, Dimension)] = []
        for (position, compiled) in evaluator.dimensions.enumerated() {
            guard compiled.dimension.takesCodes else {
                dimensionBase.append(nil)
                continue
            }
            counted.append((position, compiled.dimension))
            dimensionBase.append(next)
            next += 1 + compiled.dimension.codes.count
        }
        self.counted = counted
        slotCount = next
    }

    func outcomeSlot(alignment a: Int, _ outcome: AlignmentResult.Outcome) -> Int32 {
        let offset = switch outcome {
        case .aligned: 0
        case .mismatched: 1
        case .undetermined: 2
        }
        return Int32(alignmentBase[a] + offset)
    }

    func reasonSlot(alignment a: Int, _ reason: AlignmentResult.UndeterminedReason) -> Int32 {
        let offset = switch reason {
        case .fromNotCoded: 0
        case .nothingNeeded: 1
        case .toNotCoded: 2
        }
        return Int32(alignmentBase[a] + Self.outcomeCount + offset)
    }

    func codePapers(alignment a: Int, row: Int) -> Int32 {
        Int32(alignmentBase[a] + Self.perAlignmentHeader + 2 * row)
    }

    func codeMismatched(alignment a: Int, row: Int) -> Int32 {
        Int32(alignmentBase[a] + Self.perAlignmentHeader + 2 * row + 1)
    }

    func cell(alignment a: Int, row: Int, column: Int) -> Int32 {
        Int32(alignmentBase[a] + Self.perAlignmentHeader + 2 * rowCount[a] + row * columnCount[a] + column)
    }

    /// The slot counting papers with dimension `d` (a codebook position) coded.
    func dimensionCoded(_ d: Int) -> Int32? { dimensionBase[d].map { Int32($0) } }

    func dimensionCode(_ d: Int, _ k: Int) -> Int32? { dimensionBase[d].map { Int32($0 + 1 + k) } }
}
