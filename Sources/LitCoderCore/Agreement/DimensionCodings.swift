/// The chosen coders' values for one dimension, as reliability data: one unit per paper that at
/// least one of them coded on it, one value per distinct set of codes, normalised text or number.
///
/// An empty selection is "not coded" (missing), never a value: a codebook that wants "none of
/// these" as an answer says so with an explicit code.
public struct DimensionCodings: Sendable {
    public let dimension: Dimension
    public let coders: [String]
    /// The paper id of each unit.
    public private(set) var papers: [String] = []
    /// The sorted codes each value id stands for (a text dimension's normalised text, a number
    /// dimension's canonical number, as a list of one); ids follow the sorted order of these, so
    /// the same codings give the same ids (and the same bootstrap draws) in every run.
    public private(set) var valueCodes: [[String]] = []
    public private(set) var data: ReliabilityData
    /// Ordered and number dimensions: the number each value id stands for (a code's position on
    /// the scale, or the number), for the ordinal and interval distances.
    public private(set) var numericValues: [Double]?
    /// Codings left out as missing because they have no place on the scale: several codes or a
    /// code not in the codebook on an ordered dimension, a value that is not a number.
    public private(set) var offScale = 0

    /// Extracts `dimension` from `states` (one per coder, in `coders` order).
    public init(dimension: Dimension, states: [CodingState]) {
        self.dimension = dimension
        coders = states.map(\.coder)
        var data = ReliabilityData(coderCount: states.count)
        let largest = states.map(\.paperCount).max() ?? 0
        data.reserveUnits(largest + largest / 4)
        var units = UnitNumbering(anchor: states.first ?? CodingState(coder: ""))
        var values = ValueInterner()
        if !dimension.takesCodes {
            for (coder, state) in states.enumerated() {
                units.startCoder()
                state.forEachText(of: dimension.id) { number, text in
                    let id = values.id(of: [Self.comparable(text, dimension)])
                    let unit = coder == 0 ? units.unit(ofAnchorPaper: number) : units.unit(of: state.paperID(number: number))
                    if unit == data.unitCount { data.appendUnit() }
                    data.set(id, unit: unit, coder: coder)
                }
            }
        }
        for (coder, state) in states.enumerated() where dimension.takesCodes {
            // The state keeps each dimension as a column of code-list numbers per paper, so this
            // walks one flat array per coder; each distinct code list is interned once.
            guard let columnIndex = state.columnIndex(of: dimension.id) else { continue }
            units.startCoder()
            let column = state.columns[columnIndex]
            let lists = state.codeLists
            var valueOfList = [Int32](repeating: -1, count: lists.count)
            for number in column.indices {
                let list = Int(column[number])
                guard list >= 0 else { continue }
                var id = valueOfList[list]
                if id < 0 {
                    id = values.id(of: lists[list])
                    valueOfList[list] = id
                }
                let unit = coder == 0 ? units.unit(ofAnchorPaper: number) : units.unit(of: state.paperID(number: number))
                if unit == data.unitCount { data.appendUnit() }
                data.set(id, unit: unit, coder: coder)
            }
        }
        papers = units.ids
        let keys = values.keys
        let codesOfKey = values.codes
        // Renumber values in sorted order: dictionary order differs between runs.
        let order = keys.indices.sorted { codesOfKey[$0].lexicographicallyPrecedes(codesOfKey[$1]) }
        var newId = [Int32](repeating: 0, count: keys.count)
        for (position, old) in order.enumerated() { newId[old] = Int32(position) }
        valueCodes = order.map { codesOfKey[$0] }
        var cells = data.cells.map { $0 < 0 ? ReliabilityData.missing : newId[Int($0)] }
        if dimension.kind == .number || (dimension.kind == .single && dimension.ordered) {
            // A value with no number (several codes on a scale, a code it does not have, text that
            // is not a number) cannot be placed on the scale: it counts as missing, and is reported.
            let scale = dimension.codes.map(\.id)
            let numbers = valueCodes.map { codes -> Double? in
                guard codes.count == 1 else { return nil }
                return dimension.kind == .number ? NumberValue.parse(codes[0]) : scale.firstIndex(of: codes[0]).map(Double.init)
            }
            for i in cells.indices where cells[i] >= 0 && numbers[Int(cells[i])] == nil {
                cells[i] = ReliabilityData.missing
                offScale += 1
            }
            numericValues = numbers.map { $0 ?? 0 }
        }
        self.data = ReliabilityData(coderCount: states.count, valueCount: keys.count, cells: cells)
    }

    /// How a text or number is compared: a number by its canonical form (`3.0` is `3`), a text
    /// in `TextNormalisation`'s form; a number dimension's text that is no number as text.
    static func comparable(_ text: String, _ dimension: Dimension) -> String {
        if dimension.kind == .number, let number = NumberValue.canonical(text) { return number }
        return TextNormalisation.normalised(text)
    }

    /// The distance α weighs this dimension's disagreements by: ordinal for an ordered scale,
    /// interval for numbers, `setDistance` for multi-select, nominal otherwise.
    public func metric(setDistance: SetDistance) -> DistanceMetric {
        if let numericValues {
            return dimension.kind == .number ? .interval(numericValues: numericValues) : .ordinal(numericValues: numericValues)
        }
        if dimension.kind == .multi { return .table(setDistance.table(for: valueCodes.map(Set.init))) }
        return .nominal
    }

    /// The distance's name in reports: `nominal`, `ordinal`, `interval`, `masi`, `jaccard`.
    public func distanceName(setDistance: SetDistance) -> String {
        switch dimension.kind {
        case .multi: setDistance.rawValue
        case .number: "interval"
        case .single: dimension.ordered ? "ordinal" : "nominal"
        case .text: "nominal"
        }
    }

    /// Units with a value from some coders but none from others who coded the paper
    /// (`coverage` says how many coders coded each paper): their empty codings are missing
    /// values, which α allows, and which `agree` reports as `not_coded`.
    public func notCodedUnits(coverage: [String: Int]) -> Int {
        var count = 0
        for unit in 0..<data.unitCount {
            var given = 0
            for coder in 0..<data.coderCount where data.value(unit: unit, coder: coder) >= 0 { given += 1 }
            if given > 0, given < (coverage[papers[unit]] ?? 0) { count += 1 }
        }
        return count
    }

    /// How many of `states` coded each paper (gave any dimension a value, or marked it done),
    /// for `notCodedUnits(coverage:)`.
    public static func coverage(of states: [CodingState]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for state in states {
            for number in 0..<state.paperCount where state.paperIsCoded(number: number) {
                counts[state.paperID(number: number), default: 0] += 1
            }
        }
        return counts
    }

    /// Numbers units 0, 1, 2 … in the order their papers are first met, matching papers across
    /// coders through the first coder's own paper numbers: its papers need no hashing at all, the
    /// others' one lookup in the table its replay already built, and only papers the first coder
    /// never touched go into a table of their own.
    ///
    /// Coders mostly work through the corpus in order, so their logs list papers in much the
    /// same order: the paper after the last one matched is tried first, which costs one string
    /// comparison in a list read in order, where a table lookup costs a cache miss (the table of
    /// 100,000 papers is larger than the cache). A wrong guess falls back to the lookup.
    private struct UnitNumbering {
        let anchor: CodingState
        private var unitOfAnchorPaper: [Int32]
        private var others = PaperNumbering(expected: 64)
        private var unitOfOther: [Int32] = []
        private(set) var ids: [String] = []
        /// The first coder's paper after the last one matched.
        private var guess = 0

        init(anchor: CodingState) {
            self.anchor = anchor
            unitOfAnchorPaper = [Int32](repeating: -1, count: anchor.paperCount)
            ids.reserveCapacity(anchor.paperCount)
        }

        mutating func unit(ofAnchorPaper number: Int) -> Int {
            if unitOfAnchorPaper[number] < 0 {
                unitOfAnchorPaper[number] = Int32(ids.count)
                ids.append(anchor.paperID(number: number))
            }
            return Int(unitOfAnchorPaper[number])
        }

        /// Starts matching the next coder's papers, from the first coder's first paper.
        mutating func startCoder() { guess = 0 }

        mutating func unit(of paper: String) -> Int {
            // The next paper, or the one after (a paper this coder skipped).
            for ahead in guess..<min(guess + 2, anchor.paperCount) where anchor.paperID(number: ahead) == paper {
                guess = ahead + 1
                return unit(ofAnchorPaper: ahead)
            }
            if let number = anchor.paperNumber(of: paper) {
                guess = number + 1
                return unit(ofAnchorPaper: number)
            }
            let other = others.number(of: paper)
            if other == unitOfOther.count {
                unitOfOther.append(Int32(ids.count))
                ids.append(paper)
            }
            return Int(unitOfOther[other])
        }
    }

    /// Interns codings: the same set of codes gets the same id.
    private struct ValueInterner {
        var keys: [String] = []
        var codes: [[String]] = []
        private var idOfKey: [String: Int32] = [:]

        mutating func id(of coding: [String]) -> Int32 {
            // One code (every single-select coding) needs no sorting or joining, and a
            // dimension has few codes, so comparing against each is cheaper than hashing.
            // U+001F cannot occur in a code id, so joined keys of different sets never collide.
            // Codes that sort into strictly ascending order (no code twice) are their own
            // sorted set: no set to build, and mostly not even a sort.
            var codes = coding
            if !Self.isAscending(codes) {
                codes.sort()
                if !Self.isAscending(codes) { codes = Set(coding).sorted() }
            }
            let key = codes.count == 1 ? codes[0] : codes.joined(separator: "\u{1F}")
            if keys.count <= 16 {
                for (id, known) in keys.enumerated() where known == key { return Int32(id) }
            } else if let id = idOfKey[key] {
                return id
            }
            let id = Int32(keys.count)
            keys.append(key)
            self.codes.append(codes)
            idOfKey[key] = id
            return id
        }

        /// Whether each code sorts strictly after the one before it (so no code is repeated).
        static func isAscending(_ codes: [String]) -> Bool {
            var index = 1
            while index < codes.count {
                guard codes[index - 1] < codes[index] else { return false }
                index += 1
            }
            return true
        }
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
