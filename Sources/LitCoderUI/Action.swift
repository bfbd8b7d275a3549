/// Everything a coder can ask the workbench to do, named once.
///
/// Keys, the `?` overlay, the status-bar hints and `docs/keys.md` are all derived from
/// `Keymap.bindings`, which maps keys to these.
public enum Action: String, CaseIterable, Hashable, Sendable {
    case nextPaper, previousPaper, doneAndNext
    case nextDimension, previousDimension, cursorDown, cursorUp, firstCode, lastCode
    case toggleCode, toggleNumbered, findCode
    case scrollDown, scrollUp
    case search, searchNext, searchPrevious, goToPaper
    case undo, redo
    case editNote, editNoteExternally, flag
    case toggleSummary, help, quit, suspend
}
