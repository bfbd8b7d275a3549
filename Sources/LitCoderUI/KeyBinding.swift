/// One row of the key table: the keys, the action they trigger, and how to describe it.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var action: Action
    /// How the keys are written when listing them all would be noise ("1–9, 0").
    public var keyLabel: String
    /// What the action does, for the help overlay and `docs/keys.md`.
    public var summary: String
    /// A word or two for the status bar, for the few actions that matter most; nil otherwise.
    public var hint: String?
    /// Status-bar rank: a narrow bar drops the highest ranks first; rank 0 is never dropped.
    public var rank: Int
    /// How the status bar writes the keys, when a pair of bindings shares one hint ("↓↑").
    public var hintKeys: String?

    public init(_ keys: [Key], _ action: Action, label: String? = nil, _ summary: String, hint: String? = nil, rank: Int = 9,
                hintKeys: String? = nil) {
        self.keys = keys
        self.action = action
        self.keyLabel = label ?? keys.map(\.description).joined(separator: " / ")
        self.summary = summary
        self.hint = hint
        self.rank = rank
        self.hintKeys = hintKeys
    }
}
