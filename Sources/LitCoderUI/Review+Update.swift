import LitCoderCore

/// Keys and store results in, effects out.
extension Review {
    /// The review's keys as (keys, what they do), from `ReviewKeymap`.
    public static var keyHelp: [(keys: String, action: String)] {
        ReviewKeymap.bindings.map { ($0.keyLabel, $0.summary) }
    }

    public mutating func update(_ event: WorkbenchEvent) -> [Effect] {
        switch event {
        case .key(let key): return handle(key)
        case .paste(let text):
            if case .reason(let decision, let typed) = mode, !showingHelp {
                let pasted = InputNotice.oneLine(text)
                let kept = Array(pasted.prefix(max(0, InputNotice.pasteLimit - typed.count)))
                mode = .reason(decision, text: typed + kept)
                if kept.count < pasted.count {
                    message = .init(text: InputNotice.pasteCut(typed.count + kept.count), kind: .warning)
                }
                return []
            }
            return refuse(InputNotice.pasteRefused)
        case .mouse(let report):
            message = .init(text: InputNotice.mouse(report), kind: .info)
            return []
        case .resize(let width, let height):
            screenSize = (width, height)
            return []
        case .saved(let saved):
            pending = nil
            consensus.apply(saved)
            saveStatus = .saved
            let value = Review.valueText(codes: saved.codes ?? [], text: saved.text)
            message = .init(text: "saved: \(saved.paper) \(saved.dimension ?? "") ← \(value)", kind: .info)
            advanceToUnresolved()
            return []
        case .saveFailed(let reason):
            pending = nil
            saveStatus = .failed(reason)
            message = .init(text: "NOT SAVED: \(reason)", kind: .warning)
            return [.bell]
        case .edited, .idle:
            return []
        case .terminate:
            return [.quit]
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        if showingHelp {
            if key == .control("c") { return [.quit] }
            if key == .escape || key == .character("?") || key == .character("q") || key == .enter {
                showingHelp = false
                message = nil
            } else {
                message = .init(text: "Esc closes the help", kind: .info)
            }
            return []
        }
        switch mode {
        case .normal: return normalKey(key)
        case .editing(let cursor, let chosen): return editingKey(key, cursor: cursor, chosen: chosen)
        case .writing(let text): return writingKey(key, text: text)
        case .reason(let decision, let text): return reasonKey(key, decision: decision, text: text)
        }
    }

    private mutating func normalKey(_ key: Key) -> [Effect] {
        message = nil
        if key == .control("c") { return [.quit] }
        guard let action = ReviewKeymap.action(for: key) else {
            if key == .escape { return [] }
            message = .init(text: InputNotice.unbound(key), kind: .info)
            return []
        }
        switch action {
        case .quit: return [.quit]
        case .help: showingHelp = true
        case .next: position = min(position + 1, max(0, items.count - 1))
        case .previous: position = max(position - 1, 0)
        case .nextUnresolved:
            if !advanceToUnresolved() { message = .init(text: "every disagreement is resolved", kind: .info) }
        case .takeCoder:
            guard case .character(let c) = key else { return [] }
            // Every chosen coder keeps their number on every paper.
            let index = (c.wholeNumberValue ?? 0) - 1
            guard coders.indices.contains(index) else {
                return refuse(coders.isEmpty ? "no coder \(c)" : "no coder \(c): the coders are 1–\(coders.count)")
            }
            guard let coder = coding(ofCoderAt: index) else {
                return refuse("\(coders[index]) is not assigned to this paper")
            }
            guard !coder.isEmpty else { return takeEmpty(of: coder) }
            if let text = coder.text {
                decide(Decision(text: text, sources: textSources(of: text), how: "\(coder.coder)'s \(currentDimension?.kind == .number ? "number" : "text")"))
            } else {
                decide(Decision(codes: coder.codes, sources: sources(of: coder.codes), how: "\(coder.coder)'s codes"))
            }
        case .union:
            guard let item = current else { return [.bell] }
            if currentTakesValue { return refuse("u combines codes; take a coder's value (1–9) or write your own (e)") }
            if currentDimension?.kind == .single, item.union.count > 1 {
                return refuse("a single-select dimension takes one code: take a coder's or edit")
            }
            // Codebook order, as `set` and the workbench store codes.
            let union = currentDimension.map { CodingComparison.ordered(item.union, $0) } ?? item.union
            decide(Decision(codes: union, sources: item.coded.map(\.coder), how: "union"))
        case .intersection:
            guard let item = current else { return [.bell] }
            if currentTakesValue { return refuse("i combines codes; take a coder's value (1–9) or write your own (e)") }
            guard !item.intersection.isEmpty else { return refuse("the coders share no code: take a coder's or edit") }
            decide(Decision(codes: item.intersection, sources: item.coded.map(\.coder), how: "intersection"))
        case .edit:
            guard let item = current else { return [.bell] }
            if currentTakesValue {
                let start = currentDecision?.text ?? item.coded.first?.text ?? ""
                mode = .writing(text: Array(start))
            } else {
                mode = .editing(cursor: 0, chosen: currentDecision?.codes ?? [])
            }
        }
        return []
    }

    /// Takes a coder's empty value: "not coded" is a decision where the coders of the paper split
    /// between a value and none, but a required dimension needs a value.
    private mutating func takeEmpty(of coder: CodingComparison.CoderCoding) -> [Effect] {
        guard coder.codedPaper else { return refuse("\(coder.coder) did not code this paper") }
        if currentDimension?.required == true {
            return refuse("\(current?.dimension ?? "this dimension") is required: take a coder who coded it, or e")
        }
        let empties = (current?.codings ?? []).filter { $0.codedPaper && $0.isEmpty }.map(\.coder)
        decide(Decision(text: currentTakesValue ? "" : nil, sources: empties, how: "\(coder.coder)'s: not coded"))
        return []
    }

    private mutating func writingKey(_ key: Key, text: [Character]) -> [Effect] {
        var text = text
        switch key {
        case .escape:
            mode = .normal
            return []
        case .enter:
            let typed = String(text).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !TextNormalisation.isBlank(typed) else { return refuse("write a value, or Esc") }
            var value = typed
            if let dimension = currentDimension, dimension.kind == .number {
                if let problem = NumberValue.problem(with: typed, for: dimension) { return refuse(problem) }
                value = NumberValue.canonical(typed) ?? typed
            }
            decide(Decision(text: value, sources: textSources(of: value), how: "written"))
            return []
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text.removeAll()
        case .character(let c):
            text.append(c)
        default:
            return []
        }
        mode = .writing(text: text)
        return []
    }

    private mutating func editingKey(_ key: Key, cursor: Int, chosen: [String]) -> [Effect] {
        let codes = currentDimension?.codes.map(\.id) ?? []
        switch key {
        case .escape:
            mode = .normal
        case .up: mode = .editing(cursor: max(0, cursor - 1), chosen: chosen)
        case .down: mode = .editing(cursor: min(max(0, codes.count - 1), cursor + 1), chosen: chosen)
        case .character(" "), .character("x"):
            guard codes.indices.contains(cursor) else { return [.bell] }
            let code = codes[cursor]
            var next = chosen
            if let at = next.firstIndex(of: code) { next.remove(at: at) }
            else if currentDimension?.kind == .single { next = [code] }
            else { next.append(code) }
            mode = .editing(cursor: cursor, chosen: codes.filter(next.contains))
        case .enter:
            guard !chosen.isEmpty else { return refuse("choose at least one code (Space), or Esc") }
            decide(Decision(codes: chosen, sources: sources(of: chosen), how: "edited"))
        default:
            message = .init(text: InputNotice.unbound(key) + " (choosing codes: ↑↓ Space Enter Esc)", kind: .info)
            return []
        }
        return []
    }

    private mutating func reasonKey(_ key: Key, decision: Decision, text: [Character]) -> [Effect] {
        var text = text
        switch key {
        case .escape:
            mode = .normal
            message = .init(text: "not decided", kind: .info)
            return []
        case .enter:
            guard let item = current else { return [.bell] }
            let reason = String(text).trimmingCharacters(in: .whitespaces)
            let event: CodingEvent = if let value = decision.text {
                .adjudicate(paper: item.paper, dimension: item.dimension, text: value, sources: decision.sources,
                            adjudicator: adjudicator, reason: reason.isEmpty ? nil : reason, codebook: codebook.contentHash)
            } else {
                .adjudicate(paper: item.paper, dimension: item.dimension, codes: decision.codes, sources: decision.sources,
                            adjudicator: adjudicator, reason: reason.isEmpty ? nil : reason, codebook: codebook.contentHash)
            }
            mode = .normal
            pending = event
            saveStatus = .saving
            return [.append(event)]
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text.removeAll()
        case .character(let c):
            text.append(c)
        default:
            message = .init(text: InputNotice.unbound(key) + " (typing the reason: Enter saves, Esc cancels)", kind: .info)
            return []
        }
        mode = .reason(decision, text: text)
        return []
    }

    /// Opens the reason line for a decision.
    private mutating func decide(_ decision: Decision) {
        mode = .reason(decision, text: [])
        message = nil
    }

    /// The coders whose text is `text` once normalised (whose number is that number).
    private func textSources(of text: String) -> [String] {
        guard let dimension = currentDimension else { return [] }
        let wanted = CodingComparison.comparisonKey(.init(coder: "", codes: [], text: text, note: ""), dimension)
        return codedCoders.filter { CodingComparison.comparisonKey($0, dimension) == wanted }.map(\.coder)
    }

    /// The coders whose codes are exactly `codes`; if none, those who chose any of them.
    private func sources(of codes: [String]) -> [String] {
        let coded = codedCoders
        let exact = coded.filter { Set($0.codes) == Set(codes) }.map(\.coder)
        if !exact.isEmpty { return exact }
        return coded.filter { !Set($0.codes).isDisjoint(with: codes) }.map(\.coder)
    }

    private mutating func refuse(_ reason: String) -> [Effect] {
        message = .init(text: reason, kind: .warning)
        return [.bell]
    }

    /// Moves to the next unresolved disagreement after the current one (wrapping); false if none.
    @discardableResult
    mutating func advanceToUnresolved() -> Bool {
        guard !items.isEmpty else { return false }
        for step in 1...items.count {
            let index = (position + step) % items.count
            if !Self.isResolved(items[index], in: consensus, codebook: codebook) {
                position = index
                return true
            }
        }
        return false
    }
}
