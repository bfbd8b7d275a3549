/// An alignment rule with its two dimensions' codes turned into small integers, so that judging
/// a paper is array look-ups and bit tests rather than string comparisons.
///
/// Contexts are numbered: first the crosstab columns (every context some `to` code provides,
/// in codebook order), then contexts only ever needed (which nothing can meet).
struct CompiledAlignment: Sendable {
    var rule: AlignmentRule
    /// The `from` dimension's codes, in codebook order: the rows of counts and the crosstab.
    var rows: [String]
    var rowIndex: [String: Int]
    /// Per row, its needs as requirements of context numbers (any one of each must hold).
    var needs: [[[Int]]]
    var needsAsWritten: [[Requirement]]
    /// The `to` dimension's codes, in codebook order.
    var toCodes: [String]
    var toIndex: [String: Int]
    /// Per `to` code, the context numbers it provides, and the same as a bit set.
    var provides: [[Int]]
    var providesBits: [ContextBits]
    /// Contexts some `to` code provides: the crosstab's columns.
    var columns: [String]

    init(rule: AlignmentRule, codebook: Codebook) {
        self.rule = rule
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
        rowIndex = Self.firstIndex(of: rows)
        needsAsWritten = fromCodes.map(\.needs)
        needs = fromCodes.map { code in code.needs.map { $0.alternatives.map(number) } }
        toCodes = toCodesList.map(\.id)
        toIndex = Self.firstIndex(of: toCodes)
        provides = toCodesList.map { code in Array(Set(code.provides.compactMap { contextIndex[$0] })).sorted() }
        providesBits = provides.map { ContextBits($0) }
    }

    /// Code id → position; a duplicated id (an invalid codebook) keeps its first position.
    static func firstIndex(of ids: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() where index[id] == nil { index[id] = i }
        return index
    }

    /// Whether one `to` code meets every requirement of one row.
    func serves(toCode t: Int, row r: Int) -> Bool {
        let bits = providesBits[t]
        for requirement in needs[r] where !requirement.contains(where: bits.contains) {
            return false
        }
        return true
    }

    /// Judges one paper: the known codes it has on both sides, and which rows are served.
    func judge(_ coding: PaperCoding) -> Judgement {
        let fromRows = Self.known(coding.codes[rule.from], rowIndex)
        let toColumns = Self.known(coding.codes[rule.to], toIndex)
        var judgement = Judgement(fromRows: fromRows, toCodes: toColumns)
        if fromRows.isEmpty {
            judgement.outcome = .undetermined
            judgement.reason = .fromNotCoded
            return judgement
        }
        var anyNeeds = false
        for r in fromRows where !needs[r].isEmpty {
            anyNeeds = true
            if toColumns.isEmpty { break }
            if toColumns.contains(where: { serves(toCode: $0, row: r) }) {
                judgement.servedRows.append(r)
            } else {
                judgement.unservedRows.append(r)
            }
        }
        if !anyNeeds {
            judgement.outcome = .undetermined
            judgement.reason = .nothingNeeded
        } else if toColumns.isEmpty {
            judgement.outcome = .undetermined
            judgement.reason = .toNotCoded
        } else {
            judgement.outcome = judgement.unservedRows.isEmpty ? .aligned : .mismatched
        }
        return judgement
    }

    /// The contexts the coded `to` codes provide between them, as sorted column numbers.
    func providedColumns(_ toCodes: [Int]) -> [Int] {
        if toCodes.count == 1, let only = toCodes.first { return provides[only] }
        var all: [Int] = []
        for t in toCodes { all.append(contentsOf: provides[t]) }
        return Self.sortedUnique(all)
    }

    /// Positions of the known codes among `codes`, sorted, each once.
    static func known(_ codes: [String]?, _ index: [String: Int]) -> [Int] {
        guard let codes, !codes.isEmpty else { return [] }
        var positions: [Int] = []
        positions.reserveCapacity(codes.count)
        for code in codes { if let i = index[code] { positions.append(i) } }
        return sortedUnique(positions)
    }

    static func sortedUnique(_ values: [Int]) -> [Int] {
        if values.count < 2 { return values }
        var sorted = values.sorted()
        var kept = 1
        for i in 1..<sorted.count where sorted[i] != sorted[kept - 1] {
            sorted[kept] = sorted[i]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
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

/// A set of small non-negative integers as bits; membership is one shift and one mask.
struct ContextBits: Sendable {
    private var words: [UInt64]

    init(_ members: [Int]) {
        let count = (members.max() ?? -1) / 64 + 1
        words = Array(repeating: 0, count: max(count, 0))
        for m in members where m >= 0 { words[m / 64] |= 1 << UInt64(m % 64) }
    }

    func contains(_ member: Int) -> Bool {
        guard member >= 0 else { return false }
        let word = member / 64
        guard word < words.count else { return false }
        return words[word] & (1 << UInt64(member % 64)) != 0
    }
}
