/// One paper's changes as a script asks for them (`litcoder set`), checked against the codebook.
///
/// `DIM=CODE,CODE` replaces a dimension's codes, `DIM=` clears it, and a text dimension takes
/// `DIM=any text, commas included`. Parsing checks the paper, every dimension and code, and the
/// single-select rule, so that nothing is written unless all of it is valid.
public struct CodingRequest: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case codes([String])
        case text(String)
    }

    public struct Assignment: Hashable, Sendable {
        public var dimension: String
        public var value: Value
    }

    public var paper: String
    public var assignments: [Assignment]
    public var note: String?
    public var flagged: Bool?
    public var done: Bool?
    /// What the request does that the user may not expect, to be said when it is carried out
    /// (a value of only white space taken as clearing the dimension).
    public var notices: [String] = []

    /// What `set` says when a value of only white space clears `dimension`.
    public static func blankNotice(dimension: String) -> String {
        "\(dimension): the value is only white space, so \(dimension) is cleared (not coded), as \(dimension)= does"
    }

    /// Checks `DIM=VALUE` arguments and options for `paper`; throws what is wrong, listing the valid choices.
    public static func parse(
        paper: String, assignments arguments: [String], note: String?, flagged: Bool?, done: Bool?,
        codebook: Codebook, corpus: Corpus
    ) throws(CodingRequestError) -> CodingRequest {
        guard corpus.contains(paper) else {
            let ids = corpus.papers.map(\.id)
            throw .unknownPaper(paper, suggestions: DidYouMean.closest(to: paper, among: ids, limit: 5),
                                known: ids.count <= 20 ? ids : nil, count: ids.count)
        }
        var assignments: [Assignment] = []
        var notices: [String] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                throw .malformedAssignmentOf(argument, example: exampleAssignment(for: argument, in: codebook))
            }
            let id = String(argument[..<equals]).trimmingSpaces()
            let rawValue = String(argument[argument.index(after: equals)...])
            guard let dimension = codebook.dimension(id) else {
                let ids = codebook.dimensions.map(\.id)
                throw .unknownDimension(id, valid: ids, suggestion: DidYouMean.phrase(for: id, among: ids))
            }
            guard !assignments.contains(where: { $0.dimension == id }) else { throw .repeatedDimension(id) }
            if dimension.kind == .text {
                // Only white space is no text: it clears the dimension, as `DIM=` does.
                let blank = TextNormalisation.isBlank(rawValue)
                if blank && !rawValue.isEmpty { notices.append(Self.blankNotice(dimension: id)) }
                assignments.append(Assignment(dimension: id, value: .text(blank ? "" : rawValue)))
                continue
            }
            if dimension.kind == .number {
                let trimmed = rawValue.trimmingSpaces()
                guard !TextNormalisation.isBlank(trimmed) else {
                    if !rawValue.isEmpty { notices.append(Self.blankNotice(dimension: id)) }
                    assignments.append(Assignment(dimension: id, value: .text("")))
                    continue
                }
                if let problem = NumberValue.problem(with: trimmed, for: dimension) { throw .invalidNumber(dimension: id, problem: problem) }
                assignments.append(Assignment(dimension: id, value: .text(NumberValue.canonical(trimmed) ?? trimmed)))
                continue
            }
            var chosen = Set<String>()
            for piece in rawValue.split(separator: ",") {
                let code = String(piece).trimmingSpaces()
                guard !code.isEmpty else { continue }
                // An id the codebook says a code `replaces` is taken as that code.
                guard let current = dimension.currentCode(for: code) else {
                    let ids = dimension.codes.map(\.id)
                    throw .unknownCode(code, dimension: id, valid: ids, suggestion: DidYouMean.phrase(for: code, among: ids))
                }
                chosen.insert(current)
            }
            if dimension.kind == .single, chosen.count > 1 {
                throw .tooManyCodes(dimension: id, codes: dimension.codes.map(\.id).filter(chosen.contains))
            }
            // Codebook order, so the same choice always makes the same event.
            assignments.append(Assignment(dimension: id, value: .codes(dimension.codes.map(\.id).filter(chosen.contains))))
        }
        guard !assignments.isEmpty || note != nil || flagged != nil || done != nil else { throw .nothingToDo }
        return CodingRequest(paper: paper, assignments: assignments, note: note, flagged: flagged, done: done, notices: notices)
    }

    /// The events that make `current` into what was asked; changes that change nothing are left out.
    public func events(from current: PaperCoding, coder: String) -> [CodingEvent] {
        var events: [CodingEvent] = []
        for assignment in assignments {
            switch assignment.value {
            case .codes(let codes):
                if current.codes(for: assignment.dimension) != codes {
                    events.append(CodingEvent(coder: coder, paper: paper, op: .set, dimension: assignment.dimension, codes: codes))
                }
            case .text(let text):
                if (current.texts[assignment.dimension] ?? "") != text {
                    events.append(CodingEvent(coder: coder, paper: paper, op: .set, dimension: assignment.dimension, text: text))
                }
            }
        }
        if let note, note != current.note {
            events.append(CodingEvent(coder: coder, paper: paper, op: .note, text: note))
        }
        if let flagged, flagged != current.flagged {
            events.append(CodingEvent(coder: coder, paper: paper, op: .flag, value: flagged))
        }
        if let done, done != current.done {
            events.append(CodingEvent(coder: coder, paper: paper, op: .done, value: done))
        }
        return events
    }
}

/// `DIM=CODE[,CODE]` with the codebook's ids: the dimension named by `text` if there is one,
/// else the first coded dimension, so a hint never names a code the codebook lacks.
func exampleAssignment(for text: String, in codebook: Codebook) -> String {
    let trimmed = text.trimmingSpaces()
    let coded = codebook.dimensions.filter { $0.takesCodes && !$0.codes.isEmpty }
    guard let dimension = codebook.dimension(trimmed).flatMap({ !$0.takesCodes || $0.codes.isEmpty ? nil : $0 }) ?? coded.first else {
        return "DIM=CODE[,CODE…] (or DIM= to clear it)"
    }
    let codes = dimension.codes.prefix(dimension.kind == .multi ? 2 : 1).map(\.id).joined(separator: ",")
    return "\(dimension.id)=\(codes) (or \(dimension.id)= to clear it)"
}

/// Why a coding request cannot be carried out, with the valid choices.
public enum CodingRequestError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownPaper(String, suggestions: [String], known: [String]?, count: Int)
    case unknownDimension(String, valid: [String], suggestion: String?)
    case unknownCode(String, dimension: String, valid: [String], suggestion: String?)
    case tooManyCodes(dimension: String, codes: [String])
    case invalidNumber(dimension: String, problem: String)
    case repeatedDimension(String)
    case malformedAssignment(String)
    /// As `malformedAssignment`, with an example made of this codebook's own ids.
    case malformedAssignmentOf(String, example: String)
    case nothingToDo
    /// A quote for a text or number dimension, which has no codes to attach it to.
    case quoteNeedsCodes(dimension: String)
    /// The words are in neither the title nor the abstract.
    case quoteNotFound(String, paper: String)
    /// No quote with these words is attached to the code.
    case quoteNotAttached(String, paper: String, dimension: String, code: String, attached: [String])

    public var description: String {
        switch self {
        case .unknownPaper(let id, let suggestions, let known, let count):
            var s = "no paper '\(id)' in the corpus"
            if !suggestions.isEmpty { s += "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?" }
            if let known { s += known.isEmpty ? "\nthe corpus is empty; add papers first" : "\nthe papers are: " + known.joined(separator: ", ") }
            else { s += "\nthe corpus has \(count) papers; 'litcoder show ID' shows one" }
            return s
        case .unknownDimension(let id, let valid, let suggestion):
            return "no dimension '\(id)' in the codebook" + (suggestion.map { "; \($0)" } ?? "")
                + "\nthe dimensions are: " + valid.joined(separator: ", ")
        case .unknownCode(let code, let dimension, let valid, let suggestion):
            return "dimension '\(dimension)' has no code '\(code)'" + (suggestion.map { "; \($0)" } ?? "")
                + "\nits codes are: " + valid.joined(separator: ", ")
        case .tooManyCodes(let dimension, let codes):
            return "dimension '\(dimension)' takes one code, got \(codes.count): " + codes.joined(separator: ", ")
        case .invalidNumber(_, let problem):
            return problem
        case .repeatedDimension(let id):
            return "dimension '\(id)' is given twice; give all its codes at once: \(id)=CODE,CODE"
        case .malformedAssignment(let text):
            return "'\(text)' is not DIM=CODES; write e.g. motivation=healthcare,hci (or motivation= to clear it)"
        case .malformedAssignmentOf(let text, let example):
            return "'\(text)' is not DIM=CODES; write e.g. \(example)"
        case .nothingToDo:
            return "nothing to set: give DIM=CODES, --note, --flag/--unflag or --done/--undone"
        case .quoteNeedsCodes(let dimension):
            return "dimension '\(dimension)' takes text or a number, not codes; a quote is evidence for a code"
        case .quoteNotFound(let text, let paper):
            return "'\(EvidenceQuote.displayText(text))' is not in the title or abstract of \(paper); nothing was written"
                + "\nquote the words exactly as they are there (white space may differ); 'litcoder show \(paper)' prints them"
        case .quoteNotAttached(let text, let paper, let dimension, let code, let attached):
            let list = attached.isEmpty ? "it has none" : "its quotes are: " + attached.map { "'\($0)'" }.joined(separator: "; ")
            return "no quote '\(EvidenceQuote.displayText(text))' is attached to \(dimension)=\(code) of \(paper); nothing was written\n\(list)"
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
