/// What one parser made of one file: the records and the problems it met.
public struct ParsedFile: Sendable {
    public var records: [ImportedRecord]
    /// Skipped entries (errors) and doubtful readings (warnings), each with file and line.
    public var diagnostics: [Diagnostic]

    public init(records: [ImportedRecord] = [], diagnostics: [Diagnostic] = []) {
        self.records = records
        self.diagnostics = diagnostics
    }
}
