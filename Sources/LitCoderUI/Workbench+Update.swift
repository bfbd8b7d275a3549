import LitCoderCore

extension Workbench {
    /// Applies one event and returns what the run loop must do; performs no I/O.
    public mutating func update(_ event: WorkbenchEvent) -> [Effect] {
        defer {
            keepCodeCursorVisible()
            layOutAbstract()
            refreshQuoteMarks()
        }
        switch event {
        case .key(let key):
            return handle(key)
        case .paste(let text):
            guard case .prompt(var prompt) = mode else {
                message = Message(text: InputNotice.pasteRefused, kind: .warning)
                return [.bell]
            }
            let whole = prompt.insert(pasted: text)
            let effects = promptTextChanged(prompt)
            if !whole { message = Message(text: InputNotice.pasteCut(prompt.text.count), kind: .warning) }
            return effects
        case .mouse(let report):
            message = Message(text: InputNotice.mouse(report), kind: .info)
            return []
        case .resize(let width, let height):
            screenSize = (max(0, width), max(0, height))
            layOutAbstract()
            scroll = min(scroll, maxScroll)
            return []
        case .saved(let saved):
            confirm(saved)
            return []
        case .saveFailed(let reason):
            failSaves(reason)
            return [.bell]
        case .edited(let text, let target):
            guard let text else {
                message = Message(text: "Edit abandoned; nothing changed", kind: .info)
                return []
            }
            return store(text, in: target)
        case .terminate:
            return leaveEffects()
        case .idle:
            prepareNeighbours()
            return []
        }
    }

    /// Applies a key: editing keys in a prompt, table keys on the main screen.
    mutating func handle(_ key: Key) -> [Effect] {
        switch mode {
        case .help:
            if key == .escape || key == .character("?") || key == .character("q") || key == .enter {
                mode = selectionBeforeHelp.map(Mode.selecting) ?? .normal
                selectionBeforeHelp = nil
                message = nil
            } else {
                message = Message(text: "Esc closes the help", kind: .info)
            }
            return []
        case .prompt(let prompt):
            return handlePrompt(prompt, key: key)
        case .selecting(let selection):
            message = nil
            guard let action = Keymap.selectionAction(for: key) else {
                message = Message(text: InputNotice.unbound(key) + " (selecting a quote: Enter attaches, Esc stops)", kind: .info)
                return [.bell]
            }
            return performSelection(action, selection: selection, key: key)
        case .normal:
            message = nil
            if key != .enter { confirmingDone = nil }
            guard let action = Keymap.action(for: key) else {
                message = Message(text: InputNotice.unbound(key), kind: .info)
                return [.bell]
            }
            return perform(action, key: key)
        }
    }

    /// Performs an action of the key table; `key` gives the digit for `toggleNumbered`.
    public mutating func perform(_ action: Action, key: Key? = nil) -> [Effect] {
        switch action {
        case .nextPaper: return move(to: position + 1)
        case .previousPaper: return move(to: position - 1)
        case .doneAndNext: return doneAndNext()
        case .nextDimension: focus(dimension: dimensionIndex + 1)
        case .previousDimension: focus(dimension: dimensionIndex - 1)
        case .cursorDown: moveCursor(by: 1)
        case .cursorUp: moveCursor(by: -1)
        case .firstCode: moveCursor(by: -Int(Int32.max))
        case .lastCode: moveCursor(by: Int(Int32.max))
        case .toggleCode: return toggle(codeAt: codeCursor, fromCursor: true)
        case .toggleNumbered:
            guard case .character(let c)? = key, let digit = c.wholeNumberValue else { return [.bell] }
            return toggleNumbered(digit)
        case .findCode:
            guard let dimension = focusedDimension, dimension.takesCodes, !dimension.codes.isEmpty else {
                message = Message(text: "No codes to find here: Tab to a dimension with codes", kind: .info)
                return [.bell]
            }
            mode = .prompt(Prompt(.findCode(choice: 0)))
        case .scrollDown:
            abstractLayout.layOut(through: scroll + pageSize + abstractArea.height)
            scroll = min(scroll + pageSize, maxScroll)
        case .scrollUp: scroll = max(0, scroll - pageSize)
        case .search:
            mode = .prompt(Prompt(.search(origin: position)))
        case .searchNext: return repeatSearch(forward: true)
        case .searchPrevious: return repeatSearch(forward: false)
        case .goToPaper:
            mode = .prompt(Prompt(.goTo))
        case .undo: return undo()
        case .redo: return redo()
        case .editNote:
            guard let paper = currentPaper else { return noPaper() }
            mode = .prompt(Prompt(.edit(.note(paper: paper.id)), text: currentCoding.note))
        case .editNoteExternally:
            guard let paper = currentPaper else { return noPaper() }
            return [.openEditor(text: currentCoding.note, target: .note(paper: paper.id))]
        case .flag:
            guard let paper = currentPaper else { return noPaper() }
            return change(.flag, of: paper.id, to: .bool(!currentCoding.flagged))
        case .toggleSummary: showSummary.toggle()
        case .help: mode = .help
        case .quit: return leaveEffects()
        case .suspend: return [.suspend]
        case .selectQuote: return startSelection()
        case .removeQuote: return removeQuoteOfCursorCode()
        case .nextSentence, .previousSentence, .nextWord, .previousWord, .extendWord, .shrinkWord,
             .extendSentence, .shrinkSentence, .attachQuote, .nextQuote, .previousQuote, .chooseCode, .cancelSelection:
            // Keys of the selection only; the main table binds none of them.
            return [.bell]
        }
        return []
    }

    // MARK: Papers

    mutating func move(to newPosition: Int) -> [Effect] {
        guard !queue.isEmpty else { return noPaper() }
        guard newPosition >= 0, newPosition < queue.count else {
            message = Message(text: newPosition < 0 ? "This is the first paper" : "This is the last paper", kind: .info)
            return [.bell]
        }
        if newPosition != position {
            position = newPosition
            paperDidChange()
        }
        return []
    }

    mutating func doneAndNext() -> [Effect] {
        guard let paper = currentPaper else { return noPaper() }
        var effects: [Effect] = []
        if !currentCoding.done {
            let empty = currentCoding.emptyRequiredDimensions(in: codebook)
            if !empty.isEmpty, confirmingDone != paper.id {
                confirmingDone = paper.id
                let names = empty.map(\.label).joined(separator: ", ")
                message = Message(text: "Required and still empty: \(names). Enter again marks the paper done anyway", kind: .warning)
                return [.bell]
            }
            confirmingDone = nil
            effects += change(.done, of: paper.id, to: .bool(true))
        }
        let count = queue.count
        var next: Int?
        for step in 1..<max(count, 1) {
            let candidate = (position + step) % count
            if !coding(for: papers[queue[candidate]].id).done {
                next = candidate
                break
            }
        }
        if let next {
            position = next
            paperDidChange()
        } else {
            message = Message(text: "All \(count) papers in this queue are done", kind: .info)
        }
        return effects
    }

    func noPaper() -> [Effect] { [.bell] }

    /// The `view` event recording where the coder was, if the log does not already say so.
    mutating func leaveEffects() -> [Effect] {
        var effects: [Effect] = []
        // Resuming opens the paper of the log's last event, so only write one when that differs.
        if let paper = currentPaper, lastLoggedPaper != paper.id {
            let view = CodingEvent(coder: coder, paper: paper.id, op: .view, codebook: codebook.contentHash)
            effects.append(submit(view, purpose: .view))
        }
        effects.append(.quit)
        return effects
    }

    // MARK: Dimensions and codes

    mutating func focus(dimension index: Int) {
        let count = codebook.dimensions.count
        guard count > 0 else { return }
        dimensionIndex = (index % count + count) % count
        codeCursor = 0
    }

    mutating func moveCursor(by delta: Int) {
        guard let dimension = focusedDimension, !dimension.codes.isEmpty else { return }
        codeCursor = min(max(0, codeCursor + delta), dimension.codes.count - 1)
    }

    /// A number key: the code shown beside that number (1 the first row on screen, 0 the tenth).
    mutating func toggleNumbered(_ digit: Int) -> [Effect] {
        guard let dimension = focusedDimension else { return [.bell] }
        if !dimension.takesCodes {
            let what = dimension.kind == .number ? "a number: Space enters it" : "free text: Space edits it"
            message = Message(text: "\(dimension.label) is \(what)", kind: .info)
            return [.bell]
        }
        let shown = numberedCodes
        let place = digit == 0 ? 9 : digit - 1
        guard shown.indices.contains(place) else {
            message = Message(text: "No code shown at \(digit) in \(dimension.label)", kind: .info)
            return [.bell]
        }
        let index = shown[place]
        let effects = toggle(codeAt: index, fromCursor: false)
        if index != place, dimension.codes.indices.contains(index) {
            // The list is scrolled, so the number is not the code's place in the codebook: say which it took.
            let on = currentCoding.codes(for: dimension.id).contains(dimension.codes[index].id)
            message = Message(text: "\(digit) = \(dimension.codes[index].label) \(on ? "✓ on" : "off") (numbers count the rows on screen)",
                              kind: .info)
        }
        return effects
    }

    mutating func toggle(codeAt index: Int, fromCursor: Bool) -> [Effect] {
        guard let paper = currentPaper else { return noPaper() }
        guard let dimension = focusedDimension else { return [.bell] }
        if !dimension.takesCodes {
            if fromCursor {
                let target = EditTarget.text(paper: paper.id, dimension: dimension.id)
                mode = .prompt(Prompt(.edit(target), text: currentCoding.texts[dimension.id] ?? ""))
                return []
            }
            let what = dimension.kind == .number ? "a number: Space enters it" : "free text: Space edits it"
            message = Message(text: "\(dimension.label) is \(what)", kind: .info)
            return [.bell]
        }
        guard dimension.codes.indices.contains(index) else {
            message = Message(text: "\(dimension.label) has no code \(index == 9 ? 0 : index + 1)", kind: .info)
            return [.bell]
        }
        codeCursor = index
        let code = dimension.codes[index].id
        let current = currentCoding.codes(for: dimension.id)
        var updated: [String]
        if dimension.kind == .single {
            updated = current == [code] ? [] : [code]
        } else if current.contains(code) {
            updated = current.filter { $0 != code }
        } else {
            let chosen = Set(current + [code])
            // Codebook order, so the same set is always written the same way.
            updated = dimension.codes.map(\.id).filter { chosen.contains($0) }
            updated += current.filter { dimension.code($0) == nil }
        }
        return change(.codes(dimension: dimension.id), of: paper.id, to: .codes(updated))
    }

    /// Writes a new value of one field, unless it is already the value.
    mutating func change(_ field: CodingChange.Field, of paper: String, to value: CodingChange.Value) -> [Effect] {
        let before = CodingChange.value(of: field, in: coding(for: paper))
        guard before != value else { return [] }
        let change = CodingChange(paper: paper, field: field, before: before, after: value)
        return [submit(draft(field, of: paper, to: value), purpose: .change(change))]
    }

    /// Saves edited text (a note, a text dimension, or a number dimension's number written out).
    mutating func store(_ text: String, in target: EditTarget) -> [Effect] {
        switch target {
        case .note(let paper): return change(.note, of: paper, to: .text(text))
        case .text(let paper, let dimension):
            guard codebook.dimension(dimension)?.kind == .number else {
                // Only white space is no text: the dimension is cleared, and the coder told so.
                guard !text.isEmpty, TextNormalisation.isBlank(text) else {
                    return change(.text(dimension: dimension), of: paper, to: .text(text))
                }
                let effects = change(.text(dimension: dimension), of: paper, to: .text(""))
                message = Message(text: "only white space: \(dimension) is not coded", kind: .info)
                return effects
            }
            switch numberEntry(text, dimension: dimension) {
            case .success(let number): return change(.text(dimension: dimension), of: paper, to: .text(number))
            case .failure(let problem):
                message = Message(text: problem.text + "; nothing changed", kind: .warning)
                return [.bell]
            }
        }
    }

    /// A number as typed, checked against the dimension and written canonically (`3.50` → `3.5`);
    /// empty clears the value.
    func numberEntry(_ typed: String, dimension id: String) -> Result<String, NumberProblem> {
        let trimmed = typed.trimmingSpaces
        guard !TextNormalisation.isBlank(trimmed) else { return .success("") }
        guard let dimension = codebook.dimension(id) else { return .success(trimmed) }
        if let problem = NumberValue.problem(with: trimmed, for: dimension) { return .failure(NumberProblem(text: problem)) }
        return .success(NumberValue.canonical(trimmed) ?? trimmed)
    }

    /// Why a typed number was refused.
    struct NumberProblem: Error { var text: String }

    // MARK: Undo

    mutating func undo() -> [Effect] {
        if undoStack.isEmpty, earlierHistory == nil {
            do {
                let atOpening = try loggedHistory.events().prefix(loggedEventCount)
                earlierHistory = CodingChange.history(of: Array(atOpening), coder: coder)
            } catch {
                message = Message(text: "Cannot read the log's history to undo further: \(error)", kind: .warning)
                return [.bell]
            }
        }
        guard let change = undoStack.popLast() ?? earlierHistory?.popLast() else {
            message = Message(text: "Nothing to undo", kind: .info)
            return [.bell]
        }
        show(paper: change.paper)
        message = Message(text: "Undid \(change.fieldName) of \(change.paper)", kind: .info)
        return [submit(draft(change.field, of: change.paper, to: change.before), purpose: .undo(change))]
    }

    mutating func redo() -> [Effect] {
        guard let change = redoStack.popLast() else {
            message = Message(text: "Nothing to redo", kind: .info)
            return [.bell]
        }
        show(paper: change.paper)
        message = Message(text: "Redid \(change.fieldName) of \(change.paper)", kind: .info)
        return [submit(draft(change.field, of: change.paper, to: change.after), purpose: .redo(change))]
    }

    /// Brings a paper on screen if it is in the queue.
    mutating func show(paper id: String) {
        guard currentPaper?.id != id, let index = queue.firstIndex(where: { papers[$0].id == id }) else { return }
        position = index
        paperDidChange()
    }

    // MARK: Scrolling

    /// Rows the abstract scrolls by per page.
    var pageSize: Int { max(1, abstractArea.height - 1) }

    /// The last scroll position that still shows a full page.
    var maxScroll: Int {
        let area = abstractArea
        // Laid out at least a page beyond the screen (`layOutAbstract`), so this lets the
        // coder page on through an abstract not yet laid out to its end.
        let lines = abstractLayout.width == area.width ? abstractLayout.lines.count : 0
        return max(0, lines - area.height)
    }

    /// Where the abstract is drawn at the current screen size.
    var abstractArea: Rect {
        guard let paper = currentPaper else { return Rect(width: 0, height: 0) }
        let layout = WorkbenchLayout(width: screenSize.width, height: screenSize.height,
                                     showSummary: showSummary, promptOpen: isSelecting)
        return PaperPane.abstractArea(for: paper, in: layout.paper)
    }

    /// Whether a quote is being selected.
    public var isSelecting: Bool {
        if case .selecting = mode { return true }
        return false
    }

    /// Whether the line above the status bar is taken: by a prompt, or by the selected quote.
    public var usesBottomLine: Bool {
        switch mode {
        case .prompt, .selecting: true
        case .normal, .help: false
        }
    }
}
