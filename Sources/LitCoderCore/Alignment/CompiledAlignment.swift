/// An alignment rule with its two dimensions' codes turned into small integers, so that judging
/// a paper is array look-ups rather than string comparisons.
///
/// Contexts are numbered: first the crosstab columns (every context some `to` code provides,
/// in codebook order), then contexts only ever needed (which nothing can meet). A class, so
/// the hot loop borrows one reference instead of copying a dozen arrays.
final class CompiledAlignment: Sendable {
    let rule: AlignmentRule
    /// Positions of the `from` and `to` dimensions in `AlignmentEvaluator.dimensions`.
    let fromDimension: Int?
    let toDimension: Int?
    /// The `from` dimension's codes, in codebook order: the rows of counts and the crosstab.
    let rows: [String]
    /// Per row, its needs for this alignment as requirements of context numbers (any one of
    /// each must hold), and the same as written in the codebook.
    let needs: [[[Int]]]
    let needsAsWritten: [[Requirement]]
    let hasNeeds: [Bool]
    /// The `to` dimension's codes, in codebook order.
    let toCodes: [String]
    /// Per `to` code, the crosstab columns it provides, sorted.
    let provides: [[Int]]
    /// Contexts some `to` code provides: the crosstab's columns.
    let columns: [String]
    /// `serves[row * toCodes.count + toCode]`: one `to` code meets every need of one row.
    private let servesTable: [Bool]
    /// Code id → position, for the `from` and `to` dimensions.
    private let fromLookup: CodeLookup
    private let toLookup: CodeLookup

    init(rule: AlignmentRule, codebook: Codebook, dimensionPosition: CodeLookup) {
        self.rule = rule
        fromDimension = dimensionPosition[rule.from]
        toDimension = dimensionPosition[rule.to]
        let fromCodes = codebook.dimension(rule.from)?.codes ?? []
        let toCodesList = codebook.dimension(rule.to)?.codes ?? []
        var contextIndex: [String: Int] = [:]
        var columns: [String] = []
        for code in toCodesList {
            for context in code.provides where contextIndex[context] == nil {
                contextIndex[context] = columns.count
                columns.append(context)
            }
        }
        var contextCount = columns.count
        func number(_ context: String) -> Int {
            if let n = contextIndex[context] { return n }
            contextIndex[context] = contextCount
            contextCount += 1
            return contextCount - 1
        }
        self.columns = columns
        rows = fromCodes.map(\.id)
        fromLookup = CodeLookup(rows)
        toLookup = CodeLookup(toCodesList.map(\.id))
        // A code's needs for this alignment are the requirements naming at least one context
        // some `to` code provides; the rest belong to other alignments from the same dimension
        // (`health-mental` needs `clinical` of a dataset and `clinical-states` of the emotions).
        let vocabulary = Set(columns)
        needsAsWritten = fromCodes.map { code in
            code.needs.filter { requirement in requirement.alternatives.contains(where: vocabulary.contains) }
        }
        let needs = needsAsWritten.map { requirements in requirements.map { $0.alternatives.map(number) } }
        self.needs = needs
        hasNeeds = needs.map { !$0.isEmpty }
        toCodes = toCodesList.map(\.id)
        let provides = toCodesList.map { code in Array(Set(code.provides.compactMap { contextIndex[$0] })).sorted() }
        self.provides = provides
        var table: [Bool] = []
        table.reserveCapacity(rows.count * toCodes.count)
        for rowNeeds in needs {
            for provided in provides {
                let set = Set(provided)
                table.append(rowNeeds.allSatisfy { requirement in requirement.contains(where: set.contains) })
            }
        }
        servesTable = table
    }

    /// Whether one `to` code meets every requirement of one row.
    func serves(toCode t: Int, row r: Int) -> Bool {
        let i = r * toCodes.count + t
        return servesTable.indices.contains(i) && servesTable[i]
    }

    /// Judges one paper's coding (stale codes ignored), in code positions.
    func judge(_ coding: PaperCoding) -> Judgement {
        judge(fromRows: Self.positions(of: coding.codes[rule.from], in: fromLookup),
              toCodes: Self.positions(of: coding.codes[rule.to], in: toLookup))
    }

    /// Positions of the known codes among `codes`, sorted, each once.
    static func positions(of codes: [String]?, in lookup: CodeLookup) -> [Int] {
        guard let codes, !codes.isEmpty else { return [] }
        var positions = codes.compactMap { lookup[$0] }
        CodedPositions.sortUnique(&positions, from: 0)
        return positions
    }

    /// Judges one paper from the positions of its known codes, in code positions.
    func judge(fromRows: [Int], toCodes coded: [Int]) -> Judgement {
        var judgement = Judgement(fromRows: fromRows, toCodes: coded)
        if fromRows.isEmpty {
            judgement.reason = .fromNotCoded
            return judgement
        }
        // A `to` code that provides nothing (in-house, new-dataset, not-stated) says nothing
        // about contexts: with only such codes the paper cannot be judged.
        let resolved = coded.contains { !provides[$0].isEmpty }
        var anyNeeds = false
        for r in fromRows where hasNeeds[r] {
            anyNeeds = true
            if !resolved { break }
            if coded.contains(where: { serves(toCode: $0, row: r) }) {
                judgement.servedRows.append(r)
            } else {
                judgement.unservedRows.append(r)
            }
        }
        if !anyNeeds {
            judgement.reason = .nothingNeeded
        } else if !resolved {
            judgement.reason = .toNotCoded
        } else {
            judgement.outcome = judgement.unservedRows.isEmpty ? .aligned : .mismatched
        }
        return judgement
    }

    /// The contexts the coded `to` codes provide between them, as sorted column numbers.
    func providedColumns(_ coded: [Int]) -> [Int] {
        var all: [Int] = []
        for t in coded { all.append(contentsOf: provides[t]) }
        return Array(Set(all)).sorted()
    }
}

/// One paper judged against one compiled alignment, in code positions.
struct Judgement: Sendable {
    var fromRows: [Int]
    var toCodes: [Int]
    var outcome: AlignmentResult.Outcome = .undetermined
    var reason: AlignmentResult.UndeterminedReason?
    var servedRows: [Int] = []
    var unservedRows: [Int] = []
}

/// A codebook dimension's code ids mapped to their positions.
final class CompiledDimension: Sendable {
    let dimension: Dimension
    let index: CodeLookup

    init(_ dimension: Dimension) {
        self.dimension = dimension
        index = CodeLookup(dimension.codes.map(\.id))
    }
}

/// One paper's known codes as positions, per dimension, in one reusable buffer.
///
/// `locate` fills it without allocating once its arrays have grown, so judging a corpus
/// costs no allocation per paper beyond the contribution it keeps.
struct CodedPositions: Sendable {
    /// Positions of known codes, dimension after dimension, each dimension's sorted and unique.
    var positions: [Int] = []
    /// Per compiled dimension, its slice of `positions`.
    var ranges: [Range<Int>] = []
    /// Codes in the coding, and how many of them the codebook knows (duplicates included).
    var codeCount = 0
    var knownCount = 0

    /// Whether the coding holds a code (or dimension) the codebook does not know.
    var hasStale: Bool { knownCount != codeCount }

    /// Where one of a state's code lists lands, per column: found once, then reused for every
    /// paper with that list. A state has a few hundred distinct lists for 100,000 papers.
    private struct Placement: Sendable {
        /// The compiled dimension, or -1 when the codebook has no such dimension.
        var dimension: Int
        var positions: [Int]
        var codeCount: Int
        var knownCount: Int
    }

    /// Per column of the state last located from, per code list; valid for that state only,
    /// which is how `SummaryCounts` uses a builder (one per thread, one state).
    private var placements: [[Placement?]] = []

    mutating func locate(_ coding: PaperCoding, in dimensions: [CompiledDimension], position: CodeLookup) {
        reset(dimensionCount: dimensions.count)
        // Walk the paper's few coded dimensions, not all of the codebook's.
        for (dimensionID, codes) in coding.codes { add(codes, of: dimensionID, in: dimensions, position: position) }
    }

    /// The same for paper `number` of `state`, read from its columns without assembling a
    /// `PaperCoding` (which would cost a dictionary per paper of a full summary). Each distinct
    /// code list is located once and its placement copied after, so the hot loop touches only
    /// integers: no reference counting on the state's shared arrays, which both threads of a
    /// full summary would otherwise bounce between the cores.
    mutating func locate(paper number: Int, of state: CodingState, in dimensions: [CompiledDimension],
                         position: CodeLookup) {
        reset(dimensionCount: dimensions.count)
        let columnCount = state.columns.count
        while placements.count < columnCount { placements.append([]) }
        for column in 0..<columnCount {
            let list = Int(state.columns[column][number])
            guard list >= 0 else { continue }
            if placements[column].count <= list {
                placements[column] += repeatElement(nil, count: state.codeLists.count - placements[column].count)
            }
            if placements[column][list] == nil {
                placements[column][list] = Self.place(state.codeLists[list], of: state.columnDimensions[column],
                                                      in: dimensions, position: position)
            }
            guard let placement = placements[column][list] else { continue }
            codeCount += placement.codeCount
            knownCount += placement.knownCount
            guard placement.dimension >= 0 else { continue }
            let start = positions.count
            for p in placement.positions { positions.append(p) }
            ranges[placement.dimension] = start..<positions.count
        }
    }

    private static func place(_ codes: [String], of dimensionID: String, in dimensions: [CompiledDimension],
                              position: CodeLookup) -> Placement {
        var scratch = CodedPositions()
        scratch.reset(dimensionCount: dimensions.count)
        scratch.add(codes, of: dimensionID, in: dimensions, position: position)
        let dimension = scratch.ranges.firstIndex { !$0.isEmpty } ?? -1
        return Placement(dimension: dimension, positions: scratch.positions, codeCount: scratch.codeCount,
                         knownCount: scratch.knownCount)
    }

    private mutating func reset(dimensionCount: Int) {
        positions.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        for _ in 0..<dimensionCount { ranges.append(0..<0) }
        codeCount = 0
        knownCount = 0
    }

    private mutating func add(_ codes: [String], of dimensionID: String, in dimensions: [CompiledDimension],
                              position: CodeLookup) {
        codeCount += codes.count
        guard let d = position[dimensionID], dimensions.indices.contains(d) else { return }
        let index = dimensions[d].index
        let start = positions.count
        for code in codes {
            if let p = index[code] {
                positions.append(p)
                knownCount += 1
            }
        }
        Self.sortUnique(&positions, from: start)
        ranges[d] = start..<positions.count
    }

    /// The known positions of one dimension, as an array.
    func codes(of dimension: Int?) -> [Int] {
        guard let dimension, ranges.indices.contains(dimension) else { return [] }
        return Array(positions[ranges[dimension]])
    }

    /// Sorts `values[start...]` and removes repeats there (insertion sort: a handful of codes).
    static func sortUnique(_ values: inout [Int], from start: Int) {
        guard values.count - start > 1 else { return }
        for i in (start + 1)..<values.count {
            let v = values[i]
            var j = i - 1
            while j >= start && values[j] > v {
                values[j + 1] = values[j]
                j -= 1
            }
            values[j + 1] = v
        }
        var kept = start + 1
        for i in (start + 1)..<values.count where values[i] != values[kept - 1] {
            values[kept] = values[i]
            kept += 1
        }
        values.removeLast(values.count - kept)
    }
}
