/// One row of the codebook pane's list: a dimension (collapsed, or the header of the focused
/// one), a code of the focused dimension, or what stands in for its codes.
public enum CodeListRow: Hashable, Sendable {
    /// A collapsed dimension: `Label: value`.
    case dimension(Int)
    /// The focused dimension's header: `▾ Label (any)`.
    case header(Int)
    /// A code of the focused dimension, by index in its codes.
    case code(Int)
    /// A code the coding holds that the codebook no longer has.
    case staleCode(String)
    /// A line of the focused text dimension's value as wrapped for the pane (0 also for the
    /// placeholder of an empty one).
    case text(Int)
    /// Finding a code and nothing matches.
    case noMatch(String)
}
