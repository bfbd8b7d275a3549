/// Whose codings an export holds: one coder, the adjudicated consensus, or every coder.
public enum ExportSelection: Hashable, Sendable {
    case coder(String)
    case consensus
    /// Every coder with codings in `codings/` (not the consensus), one row per paper and coder.
    case all

    /// Whether rows need a `coder` column to tell them apart.
    public var needsCoderColumn: Bool { self == .all }
}
