import LitCoderCore

/// Something the workbench asks its run loop to do; the workbench itself performs no I/O.
public enum Effect: Hashable, Sendable {
    /// Write this event to the coder's log, then report `.saved` or `.saveFailed`.
    case append(CodingEvent)
    /// Edit text in `$EDITOR`, then report `.edited`.
    case openEditor(text: String, target: EditTarget)
    /// Stop as Ctrl-Z does, and redraw on return.
    case suspend
    case quit
    case bell
}

/// What an edited text becomes: a paper's note, or a text dimension's value.
public enum EditTarget: Hashable, Sendable {
    case note(paper: String)
    case text(paper: String, dimension: String)

    public var paper: String {
        switch self {
        case .note(let paper), .text(let paper, _): paper
        }
    }
}

/// What the run loop tells the workbench.
public enum WorkbenchEvent: Hashable, Sendable {
    case key(Key)
    /// Text pasted in the terminal: goes into an open prompt, never acts as keys.
    case paste(String)
    /// A mouse report: litcoder uses none.
    case mouse(MouseReport)
    case resize(width: Int, height: Int)
    /// The store wrote this event (with its `seq` and `time`).
    case saved(CodingEvent)
    /// The store could not write the oldest unsaved event.
    case saveFailed(String)
    /// `$EDITOR` returned this text (nil: the edit was abandoned or failed).
    case edited(String?, EditTarget)
    /// Leave now (a signal, the terminal went away): record where the coder was, then quit.
    case terminate
    /// No key for a while: a moment to prepare what the next key will need.
    case idle
}
