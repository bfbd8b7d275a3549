/// Reliability data: what each coder gave each unit, integer-coded.
///
/// Values are small integer ids (0 ..< `valueCount`), so every statistic runs over flat arrays
/// instead of strings; `LabelledReliabilityData` keeps the labels they stand for. Stored unit
/// by unit (`cells[unit * coderCount + coder]`), `ReliabilityData.missing` where a coder gave
/// no value.
public struct ReliabilityData: Hashable, Sendable {
    /// The id of "not coded".
    public static let missing: Int32 = -1

    public let coderCount: Int
    public private(set) var valueCount: Int
    /// Unit-major: the values of unit u are `cells[u * coderCount ..< (u + 1) * coderCount]`.
    public private(set) var cells: [Int32]

    /// Data with no units; `coderCount` is at least 1.
    public init(coderCount: Int) {
        self.coderCount = max(1, coderCount)
        self.valueCount = 0
        self.cells = []
    }

    /// Data from unit-major cells whose ids are below `valueCount` (others count as missing).
    public init(coderCount: Int, valueCount: Int, cells: [Int32]) {
        self.init(coderCount: coderCount)
        self.valueCount = max(0, valueCount)
        let whole = cells.count - cells.count % self.coderCount
        self.cells = cells[0..<whole].map { $0 >= 0 && Int($0) < valueCount ? $0 : Self.missing }
    }

    public var unitCount: Int { cells.count / coderCount }

    /// The value coder `coder` gave unit `unit`, or `missing` (also when out of range).
    public func value(unit: Int, coder: Int) -> Int32 {
        guard unit >= 0, unit < unitCount, coder >= 0, coder < coderCount else { return Self.missing }
        return cells[unit * coderCount + coder]
    }

    /// Appends a unit nobody has coded yet; returns its index.
    @discardableResult
    public mutating func appendUnit() -> Int {
        cells.append(contentsOf: repeatElement(Self.missing, count: coderCount))
        return unitCount - 1
    }

    /// Makes room for `count` units, to append them without reallocating.
    public mutating func reserveUnits(_ count: Int) { cells.reserveCapacity(count * coderCount) }

    /// Records a value; ids at or above `valueCount` grow it. Out-of-range units or coders are ignored.
    public mutating func set(_ value: Int32, unit: Int, coder: Int) {
        guard unit >= 0, unit < unitCount, coder >= 0, coder < coderCount else { return }
        if value >= 0 { valueCount = max(valueCount, Int(value) + 1) }
        cells[unit * coderCount + coder] = value < 0 ? Self.missing : value
    }

    /// How many values each unit has, and how many units have at least two (the pairable ones).
    public var pairableUnitCount: Int {
        var count = 0
        forEachPairableUnit { _, _ in count += 1 }
        return count
    }

    /// Calls `body(unit, values)` for every unit with at least 2 values; `values` is only valid
    /// during the call.
    func forEachPairableUnit(_ body: (Int, UnsafeBufferPointer<Int32>) -> Void) {
        let width = coderCount
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: width) { scratch in
            cells.withUnsafeBufferPointer { all in
                var unit = 0
                var start = 0
                while start + width <= all.count {
                    var m = 0
                    for i in start..<(start + width) where all[i] >= 0 {
                        scratch[m] = all[i]
                        m += 1
                    }
                    if m >= 2 { body(unit, UnsafeBufferPointer(rebasing: scratch[0..<m])) }
                    unit += 1
                    start += width
                }
            }
        }
    }
}

/// Reliability data whose values stand for labels: codes, sets of codes, or numbers.
///
/// Interns each label once, so equal labels get equal ids.
public struct LabelledReliabilityData<Label: Hashable & Sendable>: Sendable {
    public private(set) var data: ReliabilityData
    /// `labels[id]` is the label of value id `id`.
    public private(set) var labels: [Label] = []
    private var ids: [Label: Int32] = [:]

    public init(coderCount: Int) {
        data = ReliabilityData(coderCount: coderCount)
    }

    /// The id of a label, interning it when new.
    public mutating func id(of label: Label) -> Int32 {
        if let id = ids[label] { return id }
        let id = Int32(labels.count)
        labels.append(label)
        ids[label] = id
        return id
    }

    /// Appends a unit with one entry per coder (nil = not coded); extra entries are ignored.
    public mutating func appendUnit(_ values: [Label?]) {
        let unit = data.appendUnit()
        for (coder, value) in values.enumerated() where coder < data.coderCount {
            if let value { data.set(id(of: value), unit: unit, coder: coder) }
        }
    }

    /// Appends a unit nobody has coded yet; returns its index.
    public mutating func appendUnit() -> Int { data.appendUnit() }

    /// Records coder `coder`'s label for `unit`.
    public mutating func set(_ label: Label, unit: Int, coder: Int) {
        data.set(id(of: label), unit: unit, coder: coder)
    }
}
