/// The review screen's key table: the one place its keys are bound to actions, read by the key
/// handling, the status bar, the `?` overlay and `docs/keys.md`.
public enum ReviewKeymap {
    /// What a key does on the review screen's main view.
    public enum Action: CaseIterable, Hashable, Sendable {
        case takeCoder, union, intersection, edit, next, previous, nextUnresolved, help, quit
    }

    /// One row of the table: the keys, the action, its description, and its status-bar hint.
    public struct Binding: Hashable, Sendable {
        public var keys: [Key]
        public var action: Action
        /// How the keys are written in the overlay and the docs.
        public var keyLabel: String
        public var summary: String
        /// Short text for the status bar, nil for keys the bar leaves out.
        public var hint: String?
        /// Status-bar rank: a narrow bar drops the highest ranks first; rank 0 is never dropped.
        public var rank: Int

        init(_ keys: [Key], _ action: Action, label: String? = nil, _ summary: String,
             hint: String? = nil, rank: Int = 9) {
            self.keys = keys
            self.action = action
            self.keyLabel = label ?? keys.map(\.description).joined(separator: " / ")
            self.summary = summary
            self.hint = hint
            self.rank = rank
        }
    }

    /// Keys of the review screen, in the order the overlay and `docs/keys.md` list them.
    public static let bindings: [Binding] = [
        Binding("123456789".map { .character($0) }, .takeCoder, label: "1–9",
                "take that coder's value (the number by their column); empty: not coded", hint: "take coder", rank: 1),
        Binding([.character("u")], .union, "take the union of the coders' codes", hint: "union", rank: 3),
        Binding([.character("i")], .intersection, "take the codes every coder chose", hint: "intersection", rank: 4),
        Binding([.character("e")], .edit, "choose codes by hand (↑↓, Space tick, Enter, Esc), or write text",
                hint: "edit", rank: 5),
        Binding([.right, .character("n"), .character(" ")], .next, "next disagreement", hint: "next", rank: 2),
        Binding([.left, .character("p")], .previous, "previous disagreement", hint: "prev", rank: 6),
        Binding([.character("N")], .nextUnresolved, "next disagreement not yet decided", hint: "unresolved", rank: 2),
        Binding([.character("?")], .help, "show this help (Esc closes it)", hint: "help", rank: 0),
        Binding([.character("q")], .quit, "quit (every decision is already saved)", hint: "quit", rank: 0),
    ]

    /// Keys of the reason line after a decision, where letters are text.
    public static let reasonKeys: [(keys: String, summary: String)] = [
        ("Enter", "save the decision with the reason typed (it may be empty)"),
        ("Esc", "cancel: nothing is saved"),
        ("Backspace", "delete the last character"),
        ("Ctrl-U", "clear the reason"),
        ("pasting", "pasted text goes into the reason (line breaks become spaces); elsewhere a paste is refused"),
    ]

    private static let actionByKey: [Key: Action] = {
        var table: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys where table[key] == nil { table[key] = binding.action }
        }
        return table
    }()

    /// The action a key triggers on the review's main view.
    public static func action(for key: Key) -> Action? { actionByKey[key] }

    /// Status-bar hints that fit in `width` columns: in table order, dropping the highest ranks
    /// first, so `? help` and `q quit` stay however narrow the bar.
    public static func hints(fitting width: Int) -> String {
        var shown = bindings.filter { $0.hint != nil }
        func text(_ list: [Binding]) -> String {
            list.map { "\(hintKey($0)) \($0.hint ?? "")" }.joined(separator: "  ")
        }
        while text(shown).count > width, let worst = shown.filter({ $0.rank > 0 }).max(by: { $0.rank < $1.rank }) {
            shown.removeAll { $0 == worst }
        }
        return text(shown)
    }

    /// Keys as the status bar writes them: the first key only, except the coder numbers.
    private static func hintKey(_ binding: Binding) -> String {
        binding.action == .takeCoder ? "1-9" : binding.keys.first?.description ?? ""
    }

    /// The `## Review` part of `docs/keys.md`.
    static var markdownSection: [String] {
        var lines = ["## Review (`litcoder review`)", "", "| key | action |", "|---|---|"]
        for binding in bindings { lines.append("| \(binding.keyLabel) | \(binding.summary) |") }
        lines += ["", "After a decision the reason line opens; letters are text there.", "", "| key | action |", "|---|---|"]
        for (keys, summary) in reasonKeys { lines.append("| \(keys) | \(summary) |") }
        return lines
    }
}
