import LitCoderCore

extension Workbench {
    /// Keys while a prompt is open: letters are text; Enter accepts, Esc cancels.
    mutating func handlePrompt(_ prompt: Prompt, key: Key) -> [Effect] {
        var prompt = prompt
        switch key {
        case .escape:
            mode = .normal
            if case .search(let origin) = prompt.purpose, origin != position {
                _ = move(to: origin)
            }
            message = Message(text: "Cancelled", kind: .info)
            return []
        case .enter:
            mode = .normal
            return accept(prompt)
        case .control("o"):
            guard case .edit(let target) = prompt.purpose else { return [.bell] }
            mode = .normal
            return [.openEditor(text: prompt.string, target: target)]
        case .up, .down:
            guard case .findCode(let choice) = prompt.purpose else { return refuseInPrompt(key) }
            let count = findingCodes?.matches.count ?? 0
            prompt.purpose = .findCode(choice: min(max(0, choice + (key == .down ? 1 : -1)), max(0, count - 1)))
            mode = .prompt(prompt)
            return []
        default:
            guard prompt.edit(key) else { return refuseInPrompt(key) }
            return promptTextChanged(prompt)
        }
    }

    /// The prompt's text changed (typed or pasted): search as you type, or find codes afresh.
    mutating func promptTextChanged(_ prompt: Prompt) -> [Effect] {
        var prompt = prompt
        if case .findCode = prompt.purpose { prompt.purpose = .findCode(choice: 0) }
        mode = .prompt(prompt)
        switch prompt.purpose {
        case .search(let origin):
            searchAsYouType(prompt.string, from: origin)
        case .findCode:
            let found = findingCodes
            message = found?.matches.isEmpty == true ? Message(text: "No code matches '\(prompt.string)'", kind: .warning) : nil
        case .goTo, .edit:
            break
        }
        return []
    }

    /// A key that is no editing key: it does nothing, and the status bar says so.
    private mutating func refuseInPrompt(_ key: Key) -> [Effect] {
        message = Message(text: InputNotice.unbound(key) + " (in a prompt: Enter accepts, Esc cancels)", kind: .info)
        return [.bell]
    }

    mutating func accept(_ prompt: Prompt) -> [Effect] {
        switch prompt.purpose {
        case .search:
            let query = prompt.string
            if !query.isEmpty { lastSearch = query }
            return []
        case .goTo:
            return goTo(prompt.string.trimmingSpaces)
        case .edit(let target):
            // A number that is not one keeps the prompt open, with what is wrong, to fix it.
            if case .text(_, let dimension) = target, codebook.dimension(dimension)?.kind == .number,
               case .failure(let problem) = numberEntry(prompt.string, dimension: dimension) {
                mode = .prompt(prompt)
                message = Message(text: problem.text, kind: .warning)
                return [.bell]
            }
            return store(prompt.string, in: target)
        case .findCode(let choice):
            let matches = focusedDimension.map { CodeFinder.matches(prompt.string, in: $0) } ?? []
            guard !matches.isEmpty else {
                message = Message(text: "No code matches '\(prompt.string)'; nothing toggled", kind: .warning)
                return [.bell]
            }
            return toggle(codeAt: matches[min(max(0, choice), matches.count - 1)], fromCursor: false)
        }
    }

    mutating func goTo(_ id: String) -> [Effect] {
        guard !id.isEmpty else { return [] }
        if let index = queue.firstIndex(where: { papers[$0].id == id }) {
            return move(to: index)
        }
        if let number = Int(id), number >= 1, number <= queue.count {
            return move(to: number - 1)
        }
        if papers.contains(where: { $0.id == id }) {
            message = Message(text: "\(id) is not in the \(queueKind.rawValue) queue", kind: .warning)
        } else {
            message = Message(text: "No paper with id '\(id)'", kind: .warning)
        }
        return [.bell]
    }

    /// Moves to the first paper from `origin` on (wrapping) that matches, as the query grows.
    mutating func searchAsYouType(_ query: String, from origin: Int) {
        guard !query.isEmpty else {
            _ = move(to: origin)
            message = nil
            return
        }
        if let found = firstMatch(of: query, from: origin, forward: true, includingStart: true) {
            if found != position { _ = move(to: found) }
            message = nil
        } else {
            message = Message(text: "No match for '\(query)'", kind: .warning)
        }
    }

    mutating func repeatSearch(forward: Bool) -> [Effect] {
        guard let query = lastSearch else {
            message = Message(text: "No search yet: / searches", kind: .info)
            return [.bell]
        }
        guard let found = firstMatch(of: query, from: position, forward: forward, includingStart: false) else {
            message = Message(text: "No match for '\(query)'", kind: .warning)
            return [.bell]
        }
        if forward ? found <= position : found >= position {
            message = Message(text: "Search wrapped around", kind: .info)
        }
        _ = move(to: found)
        return []
    }

    /// The queue position of the next paper whose id, title or abstract contains `query`
    /// (ignoring case), searching around the queue once.
    func firstMatch(of query: String, from start: Int, forward: Bool, includingStart: Bool) -> Int? {
        let count = queue.count
        guard count > 0 else { return nil }
        let needle = query.lowercased()
        for step in (includingStart ? 0 : 1)...count {
            let offset = forward ? step : -step
            let index = ((start + offset) % count + count) % count
            guard queue.indices.contains(index), papers.indices.contains(queue[index]) else { continue }
            let paper = papers[queue[index]]
            if paper.id.lowercased().contains(needle) || paper.title.lowercased().contains(needle)
                || paper.abstract.lowercased().contains(needle) {
                return index
            }
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return String(s)
    }
}
