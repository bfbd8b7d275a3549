/// Earlier code ids and the codes that replaced them (`replaces:` in the codebook), applied as
/// a log is replayed, so every reader (state, agreement, summary, exports, review) sees the
/// current ids while the log keeps the ids it was written with.
public struct CodeRenaming: Hashable, Sendable {
    /// Per dimension id: old code id → the code that replaced it.
    public private(set) var table: [String: [String: String]] = [:]

    /// No renaming at all.
    public static let none = CodeRenaming()

    private init() {}

    /// The renaming a codebook declares.
    public init(_ codebook: Codebook) {
        for dimension in codebook.dimensions where dimension.takesCodes {
            var renamed: [String: String] = [:]
            for code in dimension.codes {
                // A replaced id that is still a code is a codebook error (validate); keep the code.
                for old in code.replaces where dimension.code(old) == nil && renamed[old] == nil { renamed[old] = code.id }
            }
            if !renamed.isEmpty { table[dimension.id] = renamed }
        }
    }

    public var isEmpty: Bool { table.isEmpty }

    /// `codes` of `dimension` with replaced ids read as their new ones, each code once, in the
    /// order first met; nil when nothing in them is replaced (the common case, no copy made).
    public func mapped(_ codes: [String], dimension: String) -> [String]? {
        guard let renamed = table[dimension], codes.contains(where: { renamed[$0] != nil }) else { return nil }
        var seen = Set<String>()
        return codes.map { renamed[$0] ?? $0 }.filter { seen.insert($0).inserted }
    }

    /// The code `id` of `dimension` is read as.
    public func current(_ id: String, dimension: String) -> String { table[dimension]?[id] ?? id }
}

extension Codebook {
    /// The old code ids this codebook's `replaces:` keys map to current codes.
    public var renaming: CodeRenaming { CodeRenaming(self) }
}
