import Foundation

/// How the chosen coders coded one paper on one dimension, side by side, and what kind of
/// agreement or disagreement that is.
///
/// A paper is compared when at least two of the chosen coders **coded it**: gave any
/// dimension a value, or marked it done. Among those coders, a dimension is an agreement when
/// every one of them gave it the same value; a disagreement when they all gave it a value and
/// the values differ; **not coded** (its own kind of disagreement, never auto-agreed) when some
/// gave it a value and others left it empty; and **required, not coded** when it is required,
/// nobody gave it a value, and a coder marked the paper done. Values are compared as the
/// dimension's kind says: sets of codes, texts after `TextNormalisation`, numbers as numbers.
public struct CodingComparison: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Every coder of the paper gave the same value.
        case agreement
        /// Every coder of the paper gave a value, and the values differ.
        case differ
        /// Some coders of the paper gave a value, others left the dimension empty.
        case notCoded = "not-coded"
        /// A required dimension nobody gave a value, on a paper a coder marked done.
        case requiredNotCoded = "required-not-coded"
    }

    public var paper: String
    public var dimension: String
    /// One entry per chosen coder, in the order chosen.
    public var codings: [CoderCoding]
    public var kind: Kind

    /// One coder's value (codes in codebook order, or the text of a text or number dimension)
    /// and note on the paper.
    public struct CoderCoding: Hashable, Sendable {
        public var coder: String
        /// Empty when not coded, and on text and number dimensions.
        public var codes: [String]
        /// A text or number dimension's value as written; nil when not coded.
        public var text: String?
        public var note: String
        /// Whether this coder coded the paper at all (any dimension, or marked it done).
        public var codedPaper: Bool
        public var done: Bool
        /// The quotes this coder attached to their codes, per code (only codes with quotes);
        /// what review shows beside the codes. Not compared: two coders agree on codes, not words.
        public var quotes: [String: [EvidenceQuote]]

        public init(coder: String, codes: [String], text: String? = nil, note: String, codedPaper: Bool = true,
                    done: Bool = false, quotes: [String: [EvidenceQuote]] = [:]) {
            self.coder = coder
            self.codes = codes
            self.text = text
            self.note = note
            self.codedPaper = codedPaper
            self.done = done
            self.quotes = quotes
        }

        /// Whether this coder gave the dimension no value.
        public var isEmpty: Bool { codes.isEmpty && text == nil }

        /// The value in words: `acted, lab`, the text, or nil when not coded.
        public var value: String? { text ?? (codes.isEmpty ? nil : codes.joined(separator: ", ")) }
    }

    public init(paper: String, dimension: String, codings: [CoderCoding], kind: Kind) {
        self.paper = paper
        self.dimension = dimension
        self.codings = codings
        self.kind = kind
    }

    /// The coders who gave the dimension a value.
    public var coded: [CoderCoding] { codings.filter { !$0.isEmpty } }

    /// The coders who coded the paper but left this dimension empty.
    public var notCodedBy: [String] { codings.filter { $0.codedPaper && $0.isEmpty }.map(\.coder) }

    public var isAgreement: Bool { kind == .agreement }
    public var isDisagreement: Bool { kind != .agreement }

    /// Whether the dimension holds text or a number rather than codes.
    public var isValue: Bool { codings.contains { $0.text != nil } }

    /// Codes every coder who coded it chose, in codebook order.
    public var intersection: [String] {
        guard let first = coded.first else { return [] }
        let common = coded.dropFirst().reduce(Set(first.codes)) { $0.intersection($1.codes) }
        return first.codes.filter { common.contains($0) }
    }

    /// Codes any coder who coded it chose, in the order first met (codebook order per coder).
    public var union: [String] {
        var seen = Set<String>()
        return coded.flatMap(\.codes).filter { seen.insert($0).inserted }
    }

    /// `not coded by bob`, `required, not coded by alice and bob`: the kind in words, nil for
    /// an agreement or a plain difference.
    public var kindPhrase: String? {
        let names = notCodedBy
        let who = names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        switch kind {
        case .agreement, .differ: return nil
        case .notCoded: return "not coded by \(who)"
        case .requiredNotCoded: return "required, not coded by \(who)"
        }
    }

    /// Every compared paper's dimensions, papers in corpus order (papers outside the corpus
    /// last, by id), dimensions in codebook order; `dimensions` keeps only those ids. Pure:
    /// the same states give the same list, whoever calls (reports, review, assignments).
    public static func all(
        codebook: Codebook, states: [CodingState], dimensions: [String]? = nil, corpus: Corpus = Corpus()
    ) -> [CodingComparison] {
        all(codebook: codebook, states: states, dimensions: dimensions, corpus: corpus, agreements: true)
    }

    /// `all(codebook:states:dimensions:corpus:)` without the agreements: the disagreements, in
    /// the same order, without building what is dropped.
    public static func disagreements(
        codebook: Codebook, states: [CodingState], dimensions: [String]? = nil, corpus: Corpus = Corpus()
    ) -> [CodingComparison] {
        all(codebook: codebook, states: states, dimensions: dimensions, corpus: corpus, agreements: false)
    }

    private static func all(
        codebook: Codebook, states: [CodingState], dimensions: [String]?, corpus: Corpus, agreements: Bool
    ) -> [CodingComparison] {
        let chosen = codebook.dimensions.filter { dimensions?.contains($0.id) ?? true }
        // Read from the states' columns: one lookup per paper and coder, and each distinct code
        // list put in codebook order once, where assembling a `PaperCoding` per paper and coder
        // took most of `disagreements` on a large project.
        var codedBy: [String: Int] = [:]
        for state in states {
            for number in 0..<state.paperCount where state.paperIsCoded(number: number) {
                codedBy[state.paperID(number: number), default: 0] += 1
            }
        }
        let keyed = codedBy.filter { $0.value >= 2 }.keys.map { (id: $0, index: corpus.index(of: $0)) }
        let paperOrder = keyed.sorted { a, b in
            switch (a.index, b.index) {
            case let (x?, y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.id < b.id
            }
        }.map(\.id)
        let columns = states.map { state in chosen.map { state.columnIndex(of: $0.id) } }
        // Papers in consecutive runs on all cores, each run with its own cache of ordered lists;
        // the runs are joined in order, so the list is the same as from one loop.
        let runs = max(1, min(paperOrder.count / 4_096, ProcessInfo.processInfo.activeProcessorCount * 2))
        let parts = ParallelChunks.map(count: runs, minimumChunk: 1) { run in
            compare(paperOrder[(paperOrder.count * run / runs)..<(paperOrder.count * (run + 1) / runs)],
                    chosen: chosen, states: states, columns: columns, agreements: agreements)
        }
        var out: [CodingComparison] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { out += part }
        return out
    }

    /// The comparisons of `papers` (a run of `all`'s papers, in its order); without
    /// `agreements`, the ones every coder of the paper gave the same value are left out before
    /// their codings are built (most of a large project's, which `disagreements` never shows).
    private static func compare(_ papers: ArraySlice<String>, chosen: [Dimension], states: [CodingState],
                                columns: [[Int?]], agreements: Bool) -> [CodingComparison] {
        var orderedLists = states.map { state in chosen.map { _ in [[String]?](repeating: nil, count: state.codeLists.count) } }
        let positions = chosen.map { dimension in
            Dictionary(dimension.codes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        // States are read in place (`states[s].…`): a copy of a state per coding retained and
        // released each of its arrays, a fifth of `disagreements` on a large project.
        /// A coder's value on a dimension: codes in codebook order, or a non-empty text.
        func value(_ s: Int, _ d: Int, _ dimension: Dimension, _ number: Int) -> (codes: [String], text: String?) {
            guard dimension.takesCodes else {
                return ([], states[s].text(number: number, dimension: dimension.id).flatMap { $0.isEmpty ? nil : $0 })
            }
            guard let column = columns[s][d], case let list = Int(states[s].columns[column][number]),
                  list != Int(CodingState.notCoded) else { return ([], nil) }
            if let known = orderedLists[s][d][list] { return (known, nil) }
            let codes = ordered(states[s].codeLists[list], positions: positions[d])
            orderedLists[s][d][list] = codes
            return (codes, nil)
        }
        var out: [CodingComparison] = []
        for paper in papers {
            let numbers = states.map { $0.paperNumber(of: paper) }
            let marks = states.indices.map { s in numbers[s].map { states[s].marks(number: $0) } }
            let notes = states.indices.map { s in numbers[s].map { states[s].note(number: $0) } ?? "" }
            for (d, dimension) in chosen.enumerated() {
                if !agreements {
                    // An agreement as `kind(of:dimension:)` first finds it: every coder of the
                    // paper has a value, the same one.
                    var first: (codes: [String], text: String?)?
                    var same = true
                    for s in states.indices {
                        guard let number = numbers[s], let mark = marks[s], mark.coded || mark.done else { continue }
                        let found = value(s, d, dimension, number)
                        if found.codes.isEmpty && found.text == nil { same = false; break }
                        if let first, first.codes != found.codes || first.text != found.text { same = false; break }
                        first = first ?? found
                    }
                    if same, first != nil { continue }
                }
                let codings = states.indices.map { s -> CoderCoding in
                    guard let number = numbers[s], let mark = marks[s] else {
                        return CoderCoding(coder: states[s].coder, codes: [], text: nil, note: "", codedPaper: false, done: false)
                    }
                    let (codes, text) = value(s, d, dimension, number)
                    // The quotes of its coded codes, from the state's side table (empty for most logs).
                    var quotes: [String: [EvidenceQuote]] = [:]
                    if !codes.isEmpty, !states[s].evidence.isEmpty, let evidence = states[s].evidence[number] {
                        quotes = Self.quotes(of: codes, dimension: dimension.id, in: evidence)
                    }
                    return CoderCoding(coder: states[s].coder, codes: codes, text: text, note: notes[s],
                                       codedPaper: mark.coded || mark.done, done: mark.done, quotes: quotes)
                }
                if let kind = kind(of: codings, dimension: dimension), agreements || kind != .agreement {
                    out.append(CodingComparison(paper: paper, dimension: dimension.id, codings: codings, kind: kind))
                }
            }
        }
        return out
    }

    /// The kind of one paper's dimension among the coders who coded the paper; nil when there
    /// is nothing to compare (nobody gave it a value, and it need not have one).
    static func kind(of codings: [CoderCoding], dimension: Dimension) -> Kind? {
        let ofPaper = codings.filter(\.codedPaper)
        let filled = ofPaper.filter { !$0.isEmpty }
        if filled.isEmpty {
            return dimension.required && ofPaper.contains(where: \.done) ? .requiredNotCoded : nil
        }
        if filled.count < ofPaper.count { return .notCoded }
        // Equal values have equal keys: only values that differ need their keys compared.
        if filled.dropFirst().allSatisfy({ $0.codes == filled[0].codes && $0.text == filled[0].text }) { return .agreement }
        let first = comparisonKey(filled[0], dimension)
        return filled.dropFirst().allSatisfy { comparisonKey($0, dimension) == first } ? .agreement : .differ
    }

    /// Whether `coding` (the consensus's coding of the paper) holds the value every coder
    /// agreed on, compared as the coders' values are (`comparisonKey`): false for a
    /// disagreement, and for a value other than the agreed one or none.
    public func isHeld(by coding: PaperCoding?, dimension: Dimension) -> Bool {
        guard isAgreement, let agreed = coded.first, let coding else { return false }
        let held = CoderCoding(coder: "", codes: dimension.takesCodes ? coding.codes(for: dimension.id) : [],
                               text: dimension.takesCodes ? nil : coding.texts[dimension.id].flatMap { $0.isEmpty ? nil : $0 },
                               note: "")
        return !held.isEmpty && Self.comparisonKey(held, dimension) == Self.comparisonKey(agreed, dimension)
    }

    /// What two values are compared by: the set of codes, the normalised text, the number.
    public static func comparisonKey(_ coding: CoderCoding, _ dimension: Dimension) -> String {
        guard let text = coding.text else { return Set(coding.codes).sorted().joined(separator: "\u{1F}") }
        if dimension.kind == .number, let number = NumberValue.canonical(text) { return "#" + number }
        return TextNormalisation.normalised(text)
    }

    /// Each of `codes` (coded codes) with the quotes `evidence` attaches to it, for those that have any.
    static func quotes(of codes: [String], dimension: String, in evidence: PaperEvidence) -> [String: [EvidenceQuote]] {
        var quotes: [String: [EvidenceQuote]] = [:]
        for code in codes {
            let attached = evidence.quotes(dimension: dimension, code: code)
            if !attached.isEmpty { quotes[code] = attached }
        }
        return quotes
    }

    /// Codes in codebook order, unknown ones after them sorted, duplicates dropped.
    public static func ordered(_ codes: [String], _ dimension: Dimension) -> [String] {
        let set = Set(codes)
        let known = dimension.codes.map(\.id).filter { set.contains($0) }
        return known + set.subtracting(known).sorted()
    }

    /// `ordered(_:_:)` with the dimension's codes' places looked up once (`positions`, code id
    /// to its place in the codebook): the same list, without walking every code of the dimension.
    static func ordered(_ codes: [String], positions: [String: Int]) -> [String] {
        var seen = Set<String>(minimumCapacity: codes.count)
        return codes.filter { seen.insert($0).inserted }.sorted { a, b in
            switch (positions[a], positions[b]) {
            case let (x?, y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
    }
}
