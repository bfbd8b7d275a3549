/// What was wrong with a log when it was read, counted by kind (for `status`).
public struct LogHealth: Hashable, Sendable, Codable {
    /// Lines that are not events; kept in place, left out of the codings.
    public var malformedLines = 0
    /// Events from a newer schema than this litcoder reads; kept in place, left out.
    public var newerSchemaLines = 0
    /// Gaps and repeats in `seq`.
    public var sequenceProblems = 0
    /// The line number of an unfinished last line, when there is one (read without the lock).
    public var tornLine: Int?
    /// Where an unfinished last line was moved when the log was opened for writing.
    public var tornSetAsideTo: String?

    public init() {}

    /// Whether nothing at all was wrong.
    public var isClean: Bool {
        malformedLines == 0 && newerSchemaLines == 0 && sequenceProblems == 0 && tornLine == nil && tornSetAsideTo == nil
    }
}
