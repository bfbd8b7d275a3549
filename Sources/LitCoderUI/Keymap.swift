/// The workbench's key table: the one place keys are bound to actions.
public enum Keymap {
    /// Keys of the main screen, in the order the help overlay and `docs/keys.md` list them.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.right], .nextPaper, "next paper"),
        KeyBinding([.left], .previousPaper, "previous paper"),
        KeyBinding([.enter], .doneAndNext,
                   "mark done, go to the next paper not done (asks first if a required dimension is empty)",
                   hint: "done", rank: 1),
        KeyBinding([.tab], .nextDimension, "next dimension", hint: "dimension", rank: 3),
        KeyBinding([.backTab], .previousDimension, "previous dimension"),
        KeyBinding([.down, .character("j")], .cursorDown, "move down in the focused dimension's codes"),
        KeyBinding([.up, .character("k")], .cursorUp, "move up in the focused dimension's codes"),
        KeyBinding([.home], .firstCode, "go to the first code of the focused dimension"),
        KeyBinding([.end], .lastCode, "go to the last code of the focused dimension"),
        KeyBinding([.character(" ")], .toggleCode, "toggle the code under the cursor (a text dimension: edit its text)",
                   hint: "toggle", rank: 4),
        KeyBinding("1234567890".map { .character($0) }, .toggleNumbered, label: "1–9, 0",
                   "toggle the code shown beside that number (numbers follow the rows on screen)"),
        KeyBinding([.character("c")], .findCode,
                   "find a code: type part of its label, id or alias, or its number; Enter toggles it",
                   hint: "find code", rank: 2),
        KeyBinding([.pageDown], .scrollDown, "scroll the abstract down"),
        KeyBinding([.pageUp], .scrollUp, "scroll the abstract up"),
        KeyBinding([.character("/")], .search, "search papers (id, title, abstract) as you type", hint: "search", rank: 5),
        KeyBinding([.character("n")], .searchNext, "next search match"),
        KeyBinding([.character("N")], .searchPrevious, "previous search match"),
        KeyBinding([.character("g")], .goToPaper, "go to a paper by id (or by its number in the queue)"),
        KeyBinding([.character("u")], .undo, "undo the last change (recorded as a new event)", hint: "undo", rank: 6),
        KeyBinding([.control("r")], .redo, "redo what was undone (recorded as a new event)"),
        KeyBinding([.character("e")], .editNote, "edit this paper's note inline"),
        KeyBinding([.character("E")], .editNoteExternally, "edit this paper's note in $EDITOR"),
        KeyBinding([.character("f")], .flag, "flag / unflag this paper as unsure"),
        KeyBinding([.character("v")], .selectQuote,
                   "select words of the title or abstract as evidence for the code under the cursor (starts at the sentence on screen)",
                   hint: "quote", rank: 8),
        KeyBinding([.character("x")], .removeQuote,
                   "remove a quote of the code under the cursor (with several, choose which: n / N, then x)"),
        KeyBinding([.character("s")], .toggleSummary, "show / hide the summary pane"),
        KeyBinding([.character("?")], .help, "show this help (Esc closes it)", hint: "help", rank: 0),
        KeyBinding([.character("q")], .quit, "quit (everything is already saved)", hint: "quit", rank: 7),
        KeyBinding([.control("z")], .suspend, "suspend to the shell (fg comes back)"),
    ]

    /// Keys while a quote is selected (`v`), in the order the help overlay and `docs/keys.md`
    /// list them. Letters are keys here, not text.
    public static let selectionBindings: [KeyBinding] = [
        KeyBinding([.down, .character("j")], .nextSentence, "select the next sentence (after the title comes the abstract)",
                   hint: "sentence", rank: 2, hintKeys: "↓↑"),
        KeyBinding([.up, .character("k")], .previousSentence, "select the previous sentence"),
        KeyBinding([.right, .character("l")], .nextWord, "select the next word (a longer selection: its last word)",
                   hint: "word", rank: 3, hintKeys: "→←"),
        KeyBinding([.left, .character("h")], .previousWord, "select the previous word (a longer selection: its first word)"),
        KeyBinding([Key.right.with(.shift), .character("L")], .extendWord, "extend the selection by the next word",
                   hint: "extend", rank: 4, hintKeys: "⇧→"),
        KeyBinding([Key.left.with(.shift), .character("H")], .shrinkWord, "take the last word off the selection"),
        KeyBinding([Key.down.with(.shift), .character("J")], .extendSentence, "extend the selection to the end of the next sentence"),
        KeyBinding([Key.up.with(.shift), .character("K")], .shrinkSentence, "take the last sentence off the selection"),
        KeyBinding([.enter], .attachQuote,
                   "attach the selection to the code under the cursor as its evidence (coding it if it is not)",
                   hint: "attach", rank: 1),
        KeyBinding([.character("n")], .nextQuote, "select the next quote already attached to the code under the cursor"),
        KeyBinding([.character("N")], .previousQuote, "select the previous quote of the code under the cursor"),
        KeyBinding([.character("x"), .delete], .removeQuote, "remove the quote of the code under the cursor that the selection is on",
                   hint: "remove", rank: 5, hintKeys: "x"),
        KeyBinding("1234567890".map { .character($0) }, .chooseCode, label: "1–9, 0",
                   "put the cursor on the code shown beside that number (it takes the quote)"),
        KeyBinding([.tab], .nextDimension, "next dimension"),
        KeyBinding([.backTab], .previousDimension, "previous dimension"),
        KeyBinding([.pageDown], .scrollDown, "scroll the abstract down"),
        KeyBinding([.pageUp], .scrollUp, "scroll the abstract up"),
        KeyBinding([.escape], .cancelSelection, "stop selecting (nothing is saved)", hint: "cancel", rank: 0),
        KeyBinding([.character("?")], .help, "show this help (Esc closes it)", hint: "help", rank: 0),
    ]

    /// Keys of a prompt and of the inline editor, where letters are text.
    public static let editingKeys: [(keys: String, summary: String)] = [
        ("Enter", "accept (save the note or text, go to the paper, keep the search, toggle the code found)"),
        ("↑ / ↓", "finding a code: choose among the codes that match"),
        ("Esc", "cancel (nothing is saved; a search returns to where it started)"),
        ("← / →, Home / End", "move in the text"),
        ("Backspace / Delete", "delete before / at the cursor"),
        ("Ctrl-U", "clear the text"),
        ("Ctrl-O", "edit the note or text in $EDITOR instead"),
        ("pasting", "pasted text goes into the prompt (line breaks become spaces); on the main screen a paste is refused"),
    ]

    /// What any other key does, for the end of the help and of `docs/keys.md`.
    public static let otherKeys = [
        "Keys are read the same whatever TERM says (xterm, vt220, rxvt, the Linux console, screen, tmux, kitty).",
        "A key bound to nothing, Alt with a key (Alt-3 is not 3) or a sequence the terminal sends that names no key",
        "does nothing but say so in the status bar (\"unbound key Ctrl-F5\"); it is never read as other keys.",
        "The mouse is not used.",
    ]

    private static func table(_ bindings: [KeyBinding]) -> [Key: Action] {
        var table: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys where table[key] == nil { table[key] = binding.action }
        }
        return table
    }

    private static let actionByKey = table(bindings)
    private static let selectionActionByKey = table(selectionBindings)

    /// The action a key triggers on the main screen.
    public static func action(for key: Key) -> Action? { actionByKey[key] }

    /// The action a key triggers while a quote is selected.
    public static func selectionAction(for key: Key) -> Action? { selectionActionByKey[key] }

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
        lines += ["", "## Selecting a quote (`v`)", "",
                  "The selection is shown in reverse video, and the line above the status bar shows its words and the code",
                  "it is for. Letters are keys here.", "", "| key | action |", "|---|---|"]
        for binding in selectionBindings {
            lines.append("| \(binding.keyLabel.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) | \(binding.summary) |")
        }
        lines += ["", "While selecting, ↑ and ↓ move the selection, not the code cursor: the number keys and Tab choose the",
                  "code that takes the quote. Quotes are underlined in the abstract (and title) in their dimension's colour;",
                  "a code with quotes shows how many beside its label (“2 quotes” in the list, “2” on a collapsed",
                  "dimension). Attaching and removing are saved like codes, and `u` / Ctrl-R undo and redo them;",
                  "attaching to a code the paper is not coded with codes it too, and `u` then undoes the quote first and",
                  "the code after. A quote whose words are no longer where it points (the title or abstract was",
                  "corrected) is not shown: the paper's state line and the code count it as stale, and `litcoder",
                  "validate` lists it with what to do."]
        lines += ["", "## In a prompt or the inline editor (search, go to, note, text)", "",
                  "Letters are text here; only these keys act.", "", "| key | action |", "|---|---|"]
        for (keys, summary) in editingKeys { lines.append("| \(keys) | \(summary) |") }
        lines += ["", "## Any other key", ""] + otherKeys
        lines += [""] + ReviewKeymap.markdownSection
        lines += ["", "Ctrl-C quits at any time; everything already saved stays saved.", ""]
        return lines.joined(separator: "\n")
    }
}
