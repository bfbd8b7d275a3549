import LitCoderCore

/// One undoable change to a paper's coding: which field, and its value before and after.
///
/// The undo history is derived from the log itself (every `set`, `note`, `flag`, `done` and
/// `evidence` event), so it survives restarts; undoing appends a new event restoring `before`.
/// A quote is a field of its own, attached (`true`) or not (`false`).
public struct CodingChange: Hashable, Sendable {
    public enum Field: Hashable, Sendable {
        case codes(dimension: String)
        case text(dimension: String)
        case note
        case flag
        case done
        /// Whether `quote` is attached to `code` of `dimension`.
        case evidence(dimension: String, code: String, quote: EvidenceQuote)
    }

    public enum Value: Hashable, Sendable {
        case codes([String])
        case text(String)
        case bool(Bool)
    }

    public var paper: String
    public var field: Field
    public var before: Value
    public var after: Value

    /// The field an event changes, or nil for events that change no coding (`view`).
    static func field(of event: CodingEvent) -> Field? {
        switch event.op {
        case .set, .adjudicate:
            guard let dimension = event.dimension else { return nil }
            return event.text != nil ? .text(dimension: dimension) : .codes(dimension: dimension)
        case .note: return .note
        case .flag: return .flag
        case .done: return .done
        case .evidence:
            guard let dimension = event.dimension, let evidence = event.evidence else { return nil }
            return .evidence(dimension: dimension, code: evidence.code, quote: evidence.quote)
        case .view: return nil
        }
    }

    /// A field's value in a paper's coding.
    static func value(of field: Field, in coding: PaperCoding) -> Value {
        switch field {
        case .codes(let dimension): .codes(coding.codes(for: dimension))
        case .text(let dimension): .text(coding.texts[dimension] ?? "")
        case .note: .text(coding.note)
        case .flag: .bool(coding.flagged)
        case .done: .bool(coding.done)
        case .evidence(let dimension, let code, let quote):
            // This very quote (words and fingerprint too): attaching it again over a stale
            // quote at the same place is a change.
            .bool(coding.evidence.quotes(dimension: dimension, code: code).contains(quote))
        }
    }

    /// The event that sets `field` of `paper` to `value`.
    static func event(setting field: Field, of paper: String, to value: Value, coder: String, codebook: String) -> CodingEvent {
        var event = CodingEvent(coder: coder, paper: paper, op: .set, codebook: codebook)
        switch (field, value) {
        case (.codes(let dimension), .codes(let codes)):
            event.dimension = dimension
            event.codes = codes
        case (.text(let dimension), .text(let text)):
            event.dimension = dimension
            event.text = text
        case (.note, .text(let text)):
            event.op = .note
            event.text = text
        case (.flag, .bool(let flag)):
            event.op = .flag
            event.value = flag
        case (.done, .bool(let done)):
            event.op = .done
            event.value = done
        case (.evidence(let dimension, let code, let quote), .bool(let attached)):
            event = .evidence(paper: paper, dimension: dimension, code: code, quote: quote, attached: attached,
                              coder: coder, codebook: codebook)
        default:
            // Field and value always come from the same change; an empty code set is harmless.
            event.codes = []
        }
        return event
    }

    /// The changes a log's events made, oldest first.
    static func history(of events: [CodingEvent], coder: String) -> [CodingChange] {
        var state = CodingState(coder: coder)
        var changes: [CodingChange] = []
        for event in events {
            if let field = field(of: event) {
                let before = value(of: field, in: state.coding(for: event.paper))
                state.apply(event)
                let after = value(of: field, in: state.coding(for: event.paper))
                if before != after { changes.append(CodingChange(paper: event.paper, field: field, before: before, after: after)) }
            } else {
                state.apply(event)
            }
        }
        return changes
    }

    /// A few words for the status bar ("motivation", "note", "flag").
    var fieldName: String {
        switch field {
        case .codes(let d), .text(let d): d
        case .note: "note"
        case .flag: "flag"
        case .done: "done"
        case .evidence(_, let code, _): "quote on \(code)"
        }
    }
}
