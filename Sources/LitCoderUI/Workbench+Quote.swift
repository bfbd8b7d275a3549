import LitCoderCore

/// Choosing words of the paper on screen as evidence for a code: starting a selection, moving
/// and extending it by sentence and word, attaching it to the code under the cursor, and
/// taking quotes off again. Every change goes through `change(_:of:to:)`, so it is saved, and
/// undone, like a code.
extension Workbench {
    /// The code under the cursor, when the focused dimension takes codes.
    var cursorCode: (dimension: Dimension, code: Code)? {
        guard let dimension = focusedDimension, dimension.takesCodes, dimension.codes.indices.contains(codeCursor) else { return nil }
        return (dimension, dimension.codes[codeCursor])
    }

    /// A field of the paper on screen ("" when there is none).
    func text(of field: PaperField) -> String { currentPaper?.text(of: field) ?? "" }

    /// The quotes that stand (`QuoteCheck`) of a code the paper on screen is coded with.
    func standingQuotes(dimension: String, code: String) -> [EvidenceQuote] {
        guard let paper = currentPaper else { return [] }
        let check = QuoteCheck(paper: paper)
        return currentCoding.quotes(dimension: dimension, code: code).filter(check.holds)
    }

    /// Works the quote marks out again when the paper on screen, its codes or its quotes changed.
    mutating func refreshQuoteMarks() {
        guard let paper = currentPaper else {
            if quoteMarks.paper != nil { quoteMarks = QuoteMarks() }
            return
        }
        let coding = currentCoding
        guard !quoteMarks.describe(paper: paper.id, coding: coding) else { return }
        quoteMarks = QuoteMarks(paper: paper, coding: coding, codebook: codebook)
    }

    // MARK: Starting and stopping

    /// `v`: selects the sentence on screen (or where the last selection on this paper was).
    mutating func startSelection() -> [Effect] {
        guard let paper = currentPaper else { return noPaper() }
        guard let selection = lastSelection ?? sentenceOnScreen(paper) else {
            message = Message(text: "This paper has no title or abstract to quote", kind: .info)
            return [.bell]
        }
        // On a small screen the summary pane takes the paper's place: the words must show.
        if showSummary, WorkbenchLayout(width: screenSize.width, height: screenSize.height, showSummary: true, promptOpen: true).paper.isEmpty {
            showSummary = false
        }
        select(selection)
        return []
    }

    /// The sentence at the first abstract line on screen (the abstract's first at the top), or
    /// the title's first when there is no abstract.
    private func sentenceOnScreen(_ paper: Paper) -> QuoteSelection? {
        let abstract = paper.abstract
        if !abstract.isEmpty {
            var at = abstract.startIndex
            let lines = abstractLayout.lines
            if scroll > 0, let source = lines.dropFirst(scroll).lazy.compactMap({ $0.first?.source }).first,
               let shown = QuoteSelection(field: .abstract, start: source, end: source + 1, in: abstract) {
                at = shown.range.lowerBound
            }
            if let range = TextUnits.sentence(abstract, at: at) { return QuoteSelection(field: .abstract, range: range, in: abstract) }
        }
        return firstSentence(of: .title)
    }

    private func firstSentence(of field: PaperField) -> QuoteSelection? {
        let text = text(of: field)
        return TextUnits.sentence(text, at: text.startIndex).map { QuoteSelection(field: field, range: $0, in: text) }
    }

    private func lastSentence(of field: PaperField) -> QuoteSelection? {
        let text = text(of: field)
        return TextUnits.sentence(text, at: text.endIndex).map { QuoteSelection(field: field, range: $0, in: text) }
    }

    /// Shows `selection`, scrolling the abstract to it.
    mutating func select(_ selection: QuoteSelection) {
        mode = .selecting(selection)
        keepVisible(selection)
    }

    /// Selects `candidate`, or says `refusal` when there is none.
    private mutating func select(_ candidate: QuoteSelection?, or refusal: String) -> [Effect] {
        guard let candidate else {
            message = Message(text: refusal, kind: .info)
            return [.bell]
        }
        select(candidate)
        return []
    }

    // MARK: Keys while selecting

    /// A key of `Keymap.selectionBindings`.
    mutating func performSelection(_ action: Action, selection: QuoteSelection, key: Key) -> [Effect] {
        let text = text(of: selection.field)
        let range = selection.range
        switch action {
        case .nextSentence:
            let next = TextUnits.sentence(after: range.upperBound, in: text).map { selection.moved(to: $0, in: text) }
            return select(next ?? (selection.field == .title ? firstSentence(of: .abstract) : nil), or: "This is the last sentence")
        case .previousSentence:
            let previous = TextUnits.sentence(before: range.lowerBound, in: text).map { selection.moved(to: $0, in: text) }
            return select(previous ?? (selection.field == .abstract ? lastSentence(of: .title) : nil),
                          or: "This is the first sentence (of the title)")
        case .nextWord:
            if let last = TextUnits.word(text, endingAtOrBefore: range.upperBound), last.lowerBound > range.lowerBound {
                return select(selection.moved(to: last, in: text), or: "")
            }
            if let next = TextUnits.word(text, atOrAfter: range.upperBound) { return select(selection.moved(to: next, in: text), or: "") }
            let abstract = self.text(of: .abstract)
            let first = selection.field == .title
                ? TextUnits.word(abstract, atOrAfter: abstract.startIndex).map { QuoteSelection(field: .abstract, range: $0, in: abstract) } : nil
            return select(first, or: "This is the last word")
        case .previousWord:
            if let first = TextUnits.word(text, atOrAfter: range.lowerBound), first.upperBound < range.upperBound {
                return select(selection.moved(to: first, in: text), or: "")
            }
            if let previous = TextUnits.word(text, endingAtOrBefore: range.lowerBound) {
                return select(selection.moved(to: previous, in: text), or: "")
            }
            let title = self.text(of: .title)
            let last = selection.field == .abstract
                ? TextUnits.word(title, endingAtOrBefore: title.endIndex).map { QuoteSelection(field: .title, range: $0, in: title) } : nil
            return select(last, or: "This is the first word (of the title)")
        case .extendWord:
            let next = TextUnits.word(text, atOrAfter: range.upperBound)
            return select(next.map { selection.moved(to: range.lowerBound..<$0.upperBound, in: text) },
                          or: "The \(selection.field.rawValue) ends here; a quote stays within the title or the abstract")
        case .shrinkWord:
            let shorter = TextUnits.word(text, endingAtOrBefore: range.upperBound)
                .flatMap { TextUnits.word(text, endingAtOrBefore: $0.lowerBound) }
                .flatMap { $0.upperBound > range.lowerBound ? selection.moved(to: range.lowerBound..<$0.upperBound, in: text) : nil }
            return select(shorter, or: "One word is left; ← and → choose another")
        case .extendSentence:
            let next = TextUnits.sentence(after: range.upperBound, in: text)
            return select(next.map { selection.moved(to: range.lowerBound..<$0.upperBound, in: text) },
                          or: "The \(selection.field.rawValue) ends here; a quote stays within the title or the abstract")
        case .shrinkSentence:
            let last = TextUnits.sentence(text, at: text.index(before: range.upperBound))
            let cut = last.map { TextUnits.skipSpaceBackward(text, from: $0.lowerBound) }
            let shorter = cut.flatMap { $0 > range.lowerBound ? selection.moved(to: range.lowerBound..<$0, in: text) : nil }
            return select(shorter, or: "The selection is within one sentence; Shift-← takes words off")
        case .attachQuote:
            return attach(selection)
        case .removeQuote:
            return removeQuote(at: selection)
        case .nextQuote, .previousQuote:
            return selectQuote(from: selection, forward: action == .nextQuote)
        case .chooseCode:
            guard case .character(let c) = key, let digit = c.wholeNumberValue else { return [.bell] }
            let shown = numberedCodes
            let place = digit == 0 ? 9 : digit - 1
            guard shown.indices.contains(place) else {
                message = Message(text: "No code shown at \(digit)", kind: .info)
                return [.bell]
            }
            codeCursor = shown[place]
        case .nextDimension: focus(dimension: dimensionIndex + 1)
        case .previousDimension: focus(dimension: dimensionIndex - 1)
        case .scrollDown, .scrollUp:
            return perform(action, key: key)
        case .cancelSelection:
            mode = .normal
            lastSelection = selection
            message = Message(text: "Stopped selecting; nothing was saved", kind: .info)
        case .help:
            selectionBeforeHelp = selection
            mode = .help
        default:
            return [.bell]
        }
        return []
    }

    // MARK: Attaching and removing

    /// Enter: the selection becomes a quote of the code under the cursor, coding it first when
    /// the paper is not coded with it.
    mutating func attach(_ selection: QuoteSelection) -> [Effect] {
        guard let paper = currentPaper else { return noPaper() }
        guard let (dimension, code) = cursorCode else {
            message = Message(text: "A quote is evidence for a code: Tab to a dimension with codes, then Enter", kind: .info)
            return [.bell]
        }
        guard let quote = EvidenceQuote(paper: paper, field: selection.field, start: selection.start, end: selection.end) else {
            return [.bell]
        }
        var effects: [Effect] = []
        let current = coding(for: paper.id).codes(for: dimension.id)
        let coding = !current.contains(code.id)
        if coding {
            effects += change(.codes(dimension: dimension.id), of: paper.id, to: .codes(dimension.adding(code.id, to: current)))
        }
        effects += change(.evidence(dimension: dimension.id, code: code.id, quote: quote), of: paper.id, to: .bool(true))
        mode = .normal
        lastSelection = selection
        let words = "“\(EvidenceQuote.displayText(quote.text))”"
        message = Message(text: effects.isEmpty ? "\(words) is already a quote of \(code.label)"
                            : "Quoted \(words) for \(code.label)" + (coding ? " (and coded it)" : ""), kind: .info)
        return effects
    }

    /// x while selecting: takes off the quote of the code under the cursor that the selection
    /// covers most of.
    mutating func removeQuote(at selection: QuoteSelection) -> [Effect] {
        guard let paper = currentPaper, let (dimension, code) = cursorCode else {
            message = Message(text: "Put the cursor on the code whose quote to remove", kind: .info)
            return [.bell]
        }
        func overlap(_ quote: EvidenceQuote) -> Int {
            quote.field == selection.field ? min(quote.end, selection.end) - max(quote.start, selection.start) : 0
        }
        let quotes = currentCoding.quotes(dimension: dimension.id, code: code.id)
        guard let chosen = quotes.filter({ overlap($0) > 0 }).max(by: { overlap($0) < overlap($1) }) else {
            message = Message(text: "The selection is on no quote of \(code.label) (n goes to its quotes)", kind: .info)
            return [.bell]
        }
        mode = .normal
        lastSelection = selection
        return remove(chosen, of: code, in: dimension, paper: paper.id)
    }

    /// x on the main screen: one quote is taken off at once; of several, the first is selected
    /// so the coder can choose (n / N) which.
    mutating func removeQuoteOfCursorCode() -> [Effect] {
        guard let paper = currentPaper else { return noPaper() }
        guard let (dimension, code) = cursorCode else {
            message = Message(text: "Put the cursor on the code whose quote to remove", kind: .info)
            return [.bell]
        }
        let quotes = currentCoding.quotes(dimension: dimension.id, code: code.id)
        guard let first = quotes.first else {
            message = Message(text: "\(code.label) has no quote (v selects one)", kind: .info)
            return [.bell]
        }
        guard quotes.count > 1 else { return remove(first, of: code, in: dimension, paper: paper.id) }
        let standing = standingQuotes(dimension: dimension.id, code: code.id)
        guard let shown = standing.first, let selection = QuoteSelection(field: shown.field, start: shown.start, end: shown.end,
                                                                          in: text(of: shown.field)) else {
            message = Message(text: "\(code.label)'s quotes are stale (litcoder validate lists them)", kind: .info)
            return [.bell]
        }
        select(selection)
        message = Message(text: "\(code.label) has \(quotes.count) quotes: n / N go to each, x removes the one selected", kind: .info)
        return []
    }

    private mutating func remove(_ quote: EvidenceQuote, of code: Code, in dimension: Dimension, paper: String) -> [Effect] {
        message = Message(text: "Removed the quote “\(EvidenceQuote.displayText(quote.text))” from \(code.label)", kind: .info)
        return change(.evidence(dimension: dimension.id, code: code.id, quote: quote), of: paper, to: .bool(false))
    }

    /// n / N while selecting: the next or previous quote of the code under the cursor, round
    /// and round.
    private mutating func selectQuote(from selection: QuoteSelection, forward: Bool) -> [Effect] {
        guard let (dimension, code) = cursorCode else {
            message = Message(text: "Put the cursor on a code to go through its quotes", kind: .info)
            return [.bell]
        }
        let quotes = standingQuotes(dimension: dimension.id, code: code.id)
        let here = EvidenceQuote.Location(field: selection.field, start: selection.start, end: selection.end)
        let found = forward ? quotes.first { here < $0.location } ?? quotes.first : quotes.last { $0.location < here } ?? quotes.last
        guard let found, let target = QuoteSelection(field: found.field, start: found.start, end: found.end, in: text(of: found.field)) else {
            message = Message(text: "\(code.label) has no quotes yet; Enter attaches the selection", kind: .info)
            return [.bell]
        }
        select(target)
        let number = (quotes.firstIndex(of: found) ?? 0) + 1
        message = Message(text: "Quote \(number) of \(quotes.count) of \(code.label)", kind: .info)
        return []
    }

    // MARK: Scrolling to the selection

    /// Scrolls the abstract so the start of a selection in it is on screen.
    mutating func keepVisible(_ selection: QuoteSelection) {
        guard selection.field == .abstract, let line = abstractLine(containing: selection.start) else { return }
        let height = max(1, abstractArea.height)
        if line < scroll || line >= scroll + height { scroll = max(0, line - min(2, height / 3)) }
    }

    /// The abstract line holding scalar `offset`, laying the abstract out as far as needed.
    private mutating func abstractLine(containing offset: Int) -> Int? {
        guard abstractLayout.width == abstractArea.width else { return nil }
        var index = 0
        while true {
            let lines = abstractLayout.lines
            while index < lines.count {
                if let last = lines[index].last, last.source >= offset { return index }
                index += 1
            }
            if abstractLayout.isComplete { return lines.isEmpty ? nil : lines.count - 1 }
            abstractLayout.layOut(through: lines.count + 64)
        }
    }
}
