/// Everything a coder can ask the workbench to do, named once.
///
/// Keys, the `?` overlay, the status-bar hints and `docs/keys.md` are all derived from
/// `Keymap.bindings` and `Keymap.selectionBindings`, which map keys to these.
public enum Action: String, CaseIterable, Hashable, Sendable {
    case nextPaper, previousPaper, doneAndNext
    case nextDimension, previousDimension, cursorDown, cursorUp, firstCode, lastCode
    case toggleCode, toggleNumbered, findCode
    case scrollDown, scrollUp
    case search, searchNext, searchPrevious, goToPaper
    case undo, redo
    case editNote, editNoteExternally, flag
    case toggleSummary, help, quit, suspend
    /// Evidence: start selecting a quote, and take one off.
    case selectQuote, removeQuote
    /// While a quote is selected.
    case nextSentence, previousSentence, nextWord, previousWord
    case extendWord, shrinkWord, extendSentence, shrinkSentence
    case attachQuote, nextQuote, previousQuote, chooseCode, cancelSelection
}
