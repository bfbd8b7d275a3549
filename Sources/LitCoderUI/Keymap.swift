/// The workbench's key table: the one place keys are bound to actions.
public enum Keymap {
    /// Keys of the main screen, in the order the help overlay and `docs/keys.md` list them.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.right], .nextPaper, "next paper"),
        KeyBinding([.left], .previousPaper, "previous paper"),
        KeyBinding([.enter], .doneAndNext, "mark this paper done and go to the next paper not done", hint: "done"),
        KeyBinding([.tab], .nextDimension, "next dimension", hint: "dimension"),
        KeyBinding([.backTab], .previousDimension, "previous dimension"),
        KeyBinding([.down, .character("j")], .cursorDown, "move down in the focused dimension's codes"),
        KeyBinding([.up, .character("k")], .cursorUp, "move up in the focused dimension's codes"),
        KeyBinding([.character(" ")], .toggleCode, "toggle the code under the cursor (a text dimension: edit its text)", hint: "toggle"),
        KeyBinding("1234567890".map { .character($0) }, .toggleNumbered, label: "1–9, 0",
                   "toggle the nth code of the focused dimension (single-select: select it; again: clear it)"),
        KeyBinding([.pageDown], .scrollDown, "scroll the abstract down"),
        KeyBinding([.pageUp], .scrollUp, "scroll the abstract up"),
        KeyBinding([.character("/")], .search, "search papers (id, title, abstract) as you type", hint: "search"),
        KeyBinding([.character("n")], .searchNext, "next search match"),
        KeyBinding([.character("N")], .searchPrevious, "previous search match"),
        KeyBinding([.character("g")], .goToPaper, "go to a paper by id (or by its number in the queue)"),
        KeyBinding([.character("u")], .undo, "undo the last change (recorded as a new event)", hint: "undo"),
        KeyBinding([.control("r")], .redo, "redo what was undone (recorded as a new event)"),
        KeyBinding([.character("e")], .editNote, "edit this paper's note inline"),
        KeyBinding([.character("E")], .editNoteExternally, "edit this paper's note in $EDITOR"),
        KeyBinding([.character("f")], .flag, "flag / unflag this paper as unsure"),
        KeyBinding([.character("s")], .toggleSummary, "show / hide the summary pane"),
        KeyBinding([.character("?")], .help, "show this help (Esc closes it)", hint: "help"),
        KeyBinding([.character("q")], .quit, "quit (everything is already saved)", hint: "quit"),
        KeyBinding([.control("z")], .suspend, "suspend to the shell (fg comes back)"),
    ]

    /// Keys of a prompt and of the inline editor, where letters are text.
    public static let editingKeys: [(keys: String, summary: String)] = [
        ("Enter", "accept (save the note or text, go to the paper, keep the search)"),
        ("Esc", "cancel (nothing is saved; a search returns to where it started)"),
        ("← / →, Home / End", "move in the text"),
        ("Backspace / Delete", "delete before / at the cursor"),
        ("Ctrl-U", "clear the text"),
        ("Ctrl-O", "edit the note or text in $EDITOR instead"),
    ]

    private static let actionByKey: [Key: Action] = {
        var table: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys where table[key] == nil { table[key] = binding.action }
        }
        return table
    }()

    /// The action a key triggers on the main screen.
    public static func action(for key: Key) -> Action? { actionByKey[key] }

    /// The binding of an action.
    public static func binding(for action: Action) -> KeyBinding? {
        bindings.first { $0.action == action }
    }

    /// `docs/keys.md`, generated from the tables above (a test checks the file is current).
    public static var markdown: String {
        var lines = [
            "# Workbench keys",
            "",
            "Generated from `Keymap` (Sources/LitCoderUI/Keymap.swift); the `?` overlay shows the same",
            "table. Edit the table, then run `RECORD_SCREENS=1 swift test --filter KeymapTests` to",
            "rewrite this file.",
            "",
            "## Coding",
            "",
            "| key | action |",
            "|---|---|",
        ]
        for binding in bindings {
            lines.append("| \(binding.keyLabel.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) | \(binding.summary) |")
        }
        lines += ["", "## In a prompt or the inline editor (search, go to, note, text)", "",
                  "Letters are text here; only these keys act.", "", "| key | action |", "|---|---|"]
        for (keys, summary) in editingKeys { lines.append("| \(keys) | \(summary) |") }
        lines += [""] + ReviewKeymap.markdownSection
        lines += ["", "Ctrl-C quits at any time; everything already saved stays saved.", ""]
        return lines.joined(separator: "\n")
    }
}
