/// What one parser made of one file: the records and the problems it met.
public struct ParsedFile: Sendable {
    public var records: [ImportedRecord]
    /// Skipped entries (errors) and doubtful readings (warnings), each with file and line.
    public var diagnostics: [Diagnostic]
    /// Records handed, batch by batch, to the parser's `deliver` function instead of being kept
    /// in `records` (so an import can merge them while the rest of the file is read).
    public var deliveredCount: Int

    public init(records: [ImportedRecord] = [], diagnostics: [Diagnostic] = [], deliveredCount: Int = 0) {
        self.records = records
        self.diagnostics = diagnostics
        self.deliveredCount = deliveredCount
    }

    /// All the records read: those delivered and those kept.
    public var recordCount: Int { deliveredCount + records.count }

    /// Takes a parser's next normalised batch: handed to `deliver` (and counted) when there is
    /// one, else kept in `records`.
    mutating func take(_ batch: [ImportedRecord], deliver: BatchHandler?, fractionRead: Double) {
        guard let deliver else {
            records += batch
            return
        }
        deliveredCount += batch.count
        if !batch.isEmpty { deliver(batch, fractionRead) }
    }

    /// Receives a parser's records a batch at a time, in file order, with the fraction of the
    /// file read so far (so a receiver can size its tables for the whole file early).
    public typealias BatchHandler = (_ batch: [ImportedRecord], _ fractionRead: Double) -> Void
}
