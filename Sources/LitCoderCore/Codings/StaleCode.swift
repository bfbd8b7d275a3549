/// A code found in codings that the codebook no longer defines (renamed or removed).
///
/// Stale codes are never deleted from logs and never crash anything: alignment ignores them
/// and summaries count them so that the coders can recode the papers concerned.
public struct StaleCode: Hashable, Sendable, Comparable {
    public var dimension: String
    public var code: String

    public init(dimension: String, code: String) {
        self.dimension = dimension
        self.code = code
    }

    public static func < (a: StaleCode, b: StaleCode) -> Bool {
        (a.dimension, a.code) < (b.dimension, b.code)
    }
}
