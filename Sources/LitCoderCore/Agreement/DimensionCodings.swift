/// The chosen coders' codes for one dimension, as reliability data: one unit per paper that at
/// least one of them coded on it, one value per distinct set of codes.
///
/// An empty selection is "not coded" (missing), never a value: a codebook that wants "none of
/// these" as an answer says so with an explicit code.
public struct DimensionCodings: Sendable {
    public let dimension: Dimension
    public let coders: [String]
    /// The paper id of each unit.
    public private(set) var papers: [String] = []
    /// The sorted codes each value id stands for; ids follow the sorted order of these sets, so
    /// the same codings give the same ids (and the same bootstrap draws) in every run.
    public private(set) var valueCodes: [[String]] = []
    public private(set) var data: ReliabilityData

    /// Extracts `dimension` from `states` (one per coder, in `coders` order).
    public init(dimension: Dimension, states: [CodingState]) {
        self.dimension = dimension
        coders = states.map(\.coder)
        var data = ReliabilityData(coderCount: states.count)
        var unitOfPaper: [String: Int] = [:]
        var idOfKey: [String: Int32] = [:]
        var keys: [String] = []
        var codesOfKey: [[String]] = []
        for (coder, state) in states.enumerated() {
            for (paper, coding) in state.papers {
                guard let codes = coding.codes[dimension.id], !codes.isEmpty else { continue }
                // One code (every single-select coding) needs no sorting or joining; U+001F
                // cannot occur in a code id, so joined keys of different sets never collide.
                let key = codes.count == 1 ? codes[0] : Set(codes).sorted().joined(separator: "\u{1F}")
                let id: Int32
                if let known = idOfKey[key] {
                    id = known
                } else {
                    id = Int32(keys.count)
                    idOfKey[key] = id
                    keys.append(key)
                    codesOfKey.append(codes.count == 1 ? codes : Set(codes).sorted())
                }
                let unit: Int
                if let known = unitOfPaper[paper] {
                    unit = known
                } else {
                    unit = data.appendUnit()
                    unitOfPaper[paper] = unit
                    papers.append(paper)
                }
                data.set(id, unit: unit, coder: coder)
            }
        }
        // Renumber values in sorted order: dictionary order differs between runs.
        let order = keys.indices.sorted { codesOfKey[$0].lexicographicallyPrecedes(codesOfKey[$1]) }
        var newId = [Int32](repeating: 0, count: keys.count)
        for (position, old) in order.enumerated() { newId[old] = Int32(position) }
        valueCodes = order.map { codesOfKey[$0] }
        let cells = data.cells.map { $0 < 0 ? ReliabilityData.missing : newId[Int($0)] }
        self.data = ReliabilityData(coderCount: states.count, valueCount: keys.count, cells: cells)
    }

    /// How a value reads in messages: `acted`, or `{acted, induced}`.
    public func label(of value: Int) -> String {
        guard value >= 0, value < valueCodes.count else { return "?" }
        let codes = valueCodes[value]
        return codes.count == 1 ? codes[0] : "{" + codes.joined(separator: ", ") + "}"
    }

    /// Every code used in the data, codebook codes first in codebook order, then any others
    /// (codes since removed from the codebook) sorted.
    public var codesUsed: [String] {
        let used = Set(valueCodes.joined())
        let known = dimension.codes.map(\.id)
        return known.filter { used.contains($0) } + used.subtracting(known).sorted()
    }

    /// Present/absent data for one code: for each coding, whether it includes `code`.
    public func presence(of code: String) -> ReliabilityData {
        let has = valueCodes.map { $0.contains(code) ? Int32(1) : Int32(0) }
        let cells = data.cells.map { $0 < 0 ? ReliabilityData.missing : has[Int($0)] }
        return ReliabilityData(coderCount: data.coderCount, valueCount: 2, cells: cells)
    }
}
