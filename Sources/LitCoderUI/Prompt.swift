/// A one-line text field at the bottom of the screen: search, go to, note, text dimension.
///
/// While it is open, letters are text; only Enter, Esc, the arrows and a few Ctrl keys act.
public struct Prompt: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        /// Search; remembers the queue position to return to on Esc.
        case search(origin: Int)
        case goTo
        case edit(EditTarget)
        /// Find a code of the focused dimension; `choice` is the match Enter toggles.
        case findCode(choice: Int)
    }

    public var purpose: Purpose
    public var text: [Character]
    /// Insertion point, in characters.
    public var cursor: Int

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.text = Array(text)
        self.cursor = self.text.count
    }

    public var string: String { String(text) }

    public var label: String {
        switch purpose {
        case .search: "Search: "
        case .goTo: "Go to paper: "
        case .edit(.note): "Note: "
        case .edit(.text(_, let dimension)): "\(dimension): "
        case .findCode: "Find code: "
        }
    }

    /// Inserts pasted text at the cursor (`InputNotice.oneLine`: one line, no controls, at most
    /// `pasteLimit` characters in the field); false when some of it was left out.
    mutating func insert(pasted: String) -> Bool {
        let characters = InputNotice.oneLine(pasted)
        let room = max(0, InputNotice.pasteLimit - text.count)
        text.insert(contentsOf: characters.prefix(room), at: cursor)
        cursor += min(room, characters.count)
        return characters.count <= room
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            text.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text.removeAll()
            cursor = 0
        default: return false
        }
        return true
    }
}
