import Yams

/// Turns a codebook's YAML node tree into a `Codebook`, recording every problem with its place.
///
/// The first pass (this file) checks the shape: keys, types, required keys, ids. The second
/// (`CodebookReader+Checks.swift`) checks what only the whole codebook can tell: duplicate
/// ids, needs no code provides, alignments, aliases.
struct CodebookReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Did-you-mean hints left to give: each compares a word with every candidate, so a
    /// codebook of thousands of misspellings would cost thousands times thousands.
    private var suggestionsLeft = 50
    /// The key nodes `lookup(_:_:)` finds keys with, one per key name (see there).
    let keyProbes = KeyProbes()

    init(file: String) { self.file = file }

    // The keys each level allows, in the order the documentation lists them.
    static let codebookKeys = ["id", "title", "version", "description", "dimensions", "alignments", "screening"]
    static let dimensionKeys = ["id", "label", "kind", "required", "ordered", "min", "max", "help", "codes"]
    static let codeKeys = ["id", "label", "definition", "include", "exclude", "examples", "aliases", "needs", "provides", "replaces"]
    static let alignmentKeys = ["id", "label", "from", "to", "help"]
    static let needKeys = ["any"]
    static let screeningKeys = ["dimension", "include", "exclude"]

    /// What the rest of the checks need to know about a code besides its value: where things are.
    struct LocatedCode {
        var code: Code
        var mark: Mark?
        var idMark: Mark?
        var needMarks: [Mark?] = []
        var provideMarks: [Mark?] = []
        var aliasMarks: [Mark?] = []
        var replaceMarks: [Mark?] = []
    }

    struct LocatedDimension {
        var dimension: Dimension
        var mark: Mark?
        var idMark: Mark?
        /// False when `kind` was missing or invalid (already reported), so kind-based checks stay quiet.
        var kindKnown: Bool
        var codesMark: Mark?
        var codes: [LocatedCode]
        /// Where `ordered`, `min` and `max` are written, for checks that depend on the kind.
        var orderedMark: Mark?
        var rangeMarks: [Mark?] = []
    }

    struct LocatedScreening {
        var screening: Screening
        var mark: Mark?
        var dimensionMark: Mark?
        var includeMarks: [Mark?]
        var excludeMarks: [Mark?]
    }

    struct LocatedAlignment {
        var rule: AlignmentRule
        var mark: Mark?
        var idMark: Mark?
        var fromMark: Mark?
        var toMark: Mark?
    }

    // MARK: - Reporting

    /// The candidate `word` most likely meant, within the budget of hints; nil for a word too long
    /// to be a slip (its edit distance would cost its length times each candidate's).
    mutating func suggestion(for word: String, among candidates: [String]) -> String? {
        guard suggestionsLeft > 0, word.utf8.count <= 64 else { return nil }
        suggestionsLeft -= 1
        return DidYouMean.best(for: word, among: candidates)
    }

    /// `; did you mean 'X'?`, or nothing (see `suggestion(for:among:)`).
    mutating func didYouMean(_ word: String, among candidates: [String]) -> String {
        suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    mutating func report(_ mark: Mark?, _ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(file: file, line: mark?.line, column: mark?.column,
                                      severity: severity, message: message, hint: hint))
    }

    // MARK: - The tree

    mutating func read(_ node: Node?, contentHash: String) -> Codebook? {
        guard let node, let root = node.mapping else {
            diagnostics.append(Diagnostic(
                file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1,
                message: "a codebook must be a mapping with id, title, version and dimensions",
                hint: "start the file with 'id: my-codebook' on its own line; see docs/codebook-format.md"))
            return nil
        }
        checkKeys(root, allowed: Self.codebookKeys, in: "the codebook")
        let id = requiredID(root, owner: "the codebook", ownerMark: root.mark)
        let title = requiredString(root, "title", owner: "the codebook", ownerMark: root.mark)
        let version = requiredString(root, "version", owner: "the codebook", ownerMark: root.mark)
        let description = optionalString(root, "description")
        var dimensions: [LocatedDimension] = []
        if let list = requiredList(root, "dimensions", owner: "the codebook", ownerMark: root.mark) {
            for item in list {
                if let dimension = readDimension(item) { dimensions.append(dimension) }
            }
        }
        var alignments: [LocatedAlignment] = []
        if let value = lookup(root, "alignments"), let list = list(value, key: "alignments") {
            for item in list {
                if let alignment = readAlignment(item) { alignments.append(alignment) }
            }
        }
        let screening = lookup(root, "screening").flatMap { readScreening($0) }
        checkWhole(dimensions: dimensions, alignments: alignments)
        if let screening { checkScreening(screening, dimensions: dimensions) }
        return Codebook(
            id: id ?? "", title: title ?? "", version: version ?? "", description: description,
            dimensions: dimensions.map { located in
                var dimension = located.dimension
                dimension.codes = located.codes.map(\.code)
                return dimension
            },
            alignments: alignments.map(\.rule), screening: screening?.screening, contentHash: contentHash)
    }

    private mutating func readDimension(_ node: Node) -> LocatedDimension? {
        guard let map = node.mapping else {
            report(node.mark, "a dimension must be a mapping with id, label and kind",
                   hint: "write '- id: NAME' followed by 'label:' and 'kind:' indented under it")
            return nil
        }
        checkKeys(map, allowed: Self.dimensionKeys, in: "a dimension")
        let id = requiredID(map, owner: "this dimension", ownerMark: map.mark)
        let owner = id.map { "dimension '\($0)'" } ?? "this dimension"
        let label = requiredString(map, "label", owner: owner, ownerMark: map.mark)
        var kind: Dimension.Kind?
        if let kindText = requiredString(map, "kind", owner: owner, ownerMark: map.mark) {
            kind = Dimension.Kind(rawValue: kindText)
            if kind == nil {
                let kinds = Dimension.Kind.allCases.map(\.rawValue)
                report(lookup(map, "kind")?.mark, "kind '\(kindText)' is not one of \(kinds.joined(separator: ", "))"
                       + didYouMean(kindText, among: kinds),
                       hint: "single: at most one code; multi: any number of codes; text: free text; number: a number")
            }
        }
        let required = flag(map, "required") ?? false
        let ordered = flag(map, "ordered") ?? false
        let minimum = number(map, "min")
        let maximum = number(map, "max")
        var codes: [LocatedCode] = []
        if let value = lookup(map, "codes"), let list = list(value, key: "codes") {
            for item in list {
                if let code = readCode(item, dimension: id) { codes.append(code) }
            }
        }
        let dimension = Dimension(id: id ?? "", label: label ?? "", kind: kind ?? .multi, required: required,
                                  help: optionalString(map, "help"), codes: [], ordered: ordered,
                                  minimum: minimum, maximum: maximum)
        return LocatedDimension(dimension: dimension, mark: map.mark, idMark: lookup(map, "id")?.mark,
                                kindKnown: kind != nil, codesMark: keyMark(map, "codes"), codes: codes,
                                orderedMark: keyMark(map, "ordered"), rangeMarks: [keyMark(map, "min"), keyMark(map, "max")])
    }

    /// A `true`/`false` key, reporting anything else; nil when absent.
    private mutating func flag(_ map: Node.Mapping, _ key: String) -> Bool? {
        guard let value = lookup(map, key) else { return nil }
        if let flag = value.scalar.flatMap(Bool.construct) { return flag }
        report(value.mark, "'\(key)' must be true or false", hint: "write '\(key): true' or '\(key): false'")
        return nil
    }

    /// A finite number key, reporting anything else; nil when absent.
    private mutating func number(_ map: Node.Mapping, _ key: String) -> Double? {
        guard let value = lookup(map, key), !isNull(value) else { return nil }
        if let scalar = value.scalar, let number = NumberValue.parse(scalar.string) { return number }
        report(value.mark, "'\(key)' must be a number", hint: "write e.g. '\(key): 0' or '\(key): 7.5'")
        return nil
    }

    private mutating func readCode(_ node: Node, dimension: String?) -> LocatedCode? {
        guard let map = node.mapping else {
            report(node.mark, "a code must be a mapping with id and label",
                   hint: "write '- id: NAME' followed by 'label:' indented under it")
            return nil
        }
        checkKeys(map, allowed: Self.codeKeys, in: "a code")
        let id = requiredID(map, owner: "this code", ownerMark: map.mark)
        let owner = id.map { "code '\($0)'" } ?? "this code"
        let label = requiredString(map, "label", owner: owner, ownerMark: map.mark)
        let examples = stringList(map, "examples")
        let aliases = stringList(map, "aliases")
        let provides = stringList(map, "provides")
        for (context, mark) in provides { checkContextName(context, at: mark) }
        let replaces = stringList(map, "replaces")
        for (old, mark) in replaces where !Self.isWellFormedName(old) {
            report(mark, "'\(old)' in 'replaces' is not a well-formed code id",
                   hint: "list the earlier ids exactly as the logs hold them, e.g. 'replaces: [\(Self.suggestedName(for: old))]'")
        }
        var needs: [(Requirement, Mark?)] = []
        if let value = lookup(map, "needs"), let list = list(value, key: "needs") {
            for item in list {
                if let requirement = readRequirement(item) { needs.append((requirement, item.mark)) }
            }
        }
        let code = Code(
            id: id ?? "", label: label ?? "", definition: optionalString(map, "definition") ?? "",
            include: optionalString(map, "include"), exclude: optionalString(map, "exclude"),
            examples: examples.map(\.0), aliases: aliases.map(\.0),
            needs: needs.map(\.0), provides: provides.map(\.0), replaces: replaces.map(\.0))
        return LocatedCode(code: code, mark: map.mark, idMark: lookup(map, "id")?.mark, needMarks: needs.map(\.1),
                           provideMarks: provides.map(\.1), aliasMarks: aliases.map(\.1), replaceMarks: replaces.map(\.1))
    }

    /// A need: `natural`, or `{any: [clinical, home]}`.
    private mutating func readRequirement(_ node: Node) -> Requirement? {
        if let scalar = node.scalar {
            checkContextName(scalar.string, at: node.mark)
            return .context(scalar.string)
        }
        guard let map = node.mapping else {
            report(node.mark, "a need is a context name or 'any: [context, …]', not a list",
                   hint: "write 'needs: [natural, {any: [clinical, home]}]'")
            return nil
        }
        checkKeys(map, allowed: Self.needKeys, in: "a need")
        guard let value = lookup(map, "any") else {
            report(map.mark, "a need written as a mapping must have 'any'",
                   hint: "write '{any: [clinical, home]}': any one of the contexts meets it")
            return nil
        }
        let alternatives = stringList(map, "any")
        if alternatives.isEmpty {
            report(value.mark, "'any' lists no contexts, so it can never be met",
                   hint: "list at least one context: '{any: [clinical, home]}'")
            return nil
        }
        for (context, mark) in alternatives { checkContextName(context, at: mark) }
        return .any(alternatives.map(\.0))
    }

    private mutating func readAlignment(_ node: Node) -> LocatedAlignment? {
        guard let map = node.mapping else {
            report(node.mark, "an alignment must be a mapping with id, label, from and to",
                   hint: "write '- id: NAME' followed by 'label:', 'from: DIMENSION' and 'to: DIMENSION'")
            return nil
        }
        checkKeys(map, allowed: Self.alignmentKeys, in: "an alignment")
        let id = requiredID(map, owner: "this alignment", ownerMark: map.mark)
        let owner = id.map { "alignment '\($0)'" } ?? "this alignment"
        let label = requiredString(map, "label", owner: owner, ownerMark: map.mark)
        let from = requiredString(map, "from", owner: owner, ownerMark: map.mark)
        let to = requiredString(map, "to", owner: owner, ownerMark: map.mark)
        let rule = AlignmentRule(id: id ?? "", label: label ?? "", from: from ?? "", to: to ?? "",
                                 help: optionalString(map, "help"))
        return LocatedAlignment(rule: rule, mark: map.mark, idMark: lookup(map, "id")?.mark,
                                fromMark: from == nil ? nil : lookup(map, "from")?.mark,
                                toMark: to == nil ? nil : lookup(map, "to")?.mark)
    }

    /// `screening: {dimension: relevance, include: [ser-core], exclude: [out-of-scope]}`.
    private mutating func readScreening(_ node: Node) -> LocatedScreening? {
        guard let map = node.mapping else {
            report(node.mark, "'screening' must be a mapping with dimension, include and exclude",
                   hint: "write 'screening: {dimension: relevance, include: [ser-core], exclude: [out-of-scope]}'")
            return nil
        }
        checkKeys(map, allowed: Self.screeningKeys, in: "'screening'")
        let dimension = requiredString(map, "dimension", owner: "'screening'", ownerMark: map.mark)
        var lists: [[(String, Mark?)]] = []
        for key in ["include", "exclude"] {
            let items = stringList(map, key)
            if items.isEmpty, lookup(map, key) == nil || isNull(lookup(map, key) ?? Node("")) || lookup(map, key)?.sequence != nil {
                report(lookup(map, key)?.mark ?? map.mark, "'screening' lists no '\(key)' codes",
                       hint: key == "include" ? "name the codes that put a paper in the review: 'include: [ser-core]'"
                           : "name the codes that keep a paper out, each an exclusion reason: 'exclude: [out-of-scope]'")
            }
            lists.append(items)
        }
        guard let dimension else { return nil }
        return LocatedScreening(
            screening: Screening(dimension: dimension, include: lists[0].map(\.0), exclude: lists[1].map(\.0)),
            mark: map.mark, dimensionMark: lookup(map, "dimension")?.mark,
            includeMarks: lists[0].map(\.1), excludeMarks: lists[1].map(\.1))
    }

    // MARK: - Keys and types

    /// Where a key itself is written (a value's mark is where its value starts, maybe lines below).
    private func keyMark(_ map: Node.Mapping, _ key: String) -> Mark? {
        map.first { $0.key.scalar?.string == key }?.key.mark
    }

    private mutating func checkKeys(_ map: Node.Mapping, allowed: [String], in owner: String) {
        for (key, _) in map {
            guard let name = key.scalar?.string else {
                report(key.mark, "a key in \(owner) must be a plain word", hint: "the keys are \(allowed.joined(separator: ", "))")
                continue
            }
            if !allowed.contains(name) {
                let suggestion = suggestion(for: name, among: allowed)
                report(key.mark, "unknown key '\(name)' in \(owner)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                       hint: suggestion == nil ? "the keys are \(allowed.joined(separator: ", "))" : "rename it to '\(suggestion ?? "")'")
            }
        }
    }

    /// The text of a scalar key, reporting a list or mapping given where text belongs.
    private mutating func scalarText(_ value: Node, key: String) -> String? {
        guard let scalar = value.scalar else {
            report(value.mark, "'\(key)' must be text, not a \(value.mapping != nil ? "mapping" : "list")",
                   hint: "write '\(key): some text' on one line, or quote it")
            return nil
        }
        return scalar.string
    }

    private mutating func requiredString(_ map: Node.Mapping, _ key: String, owner: String, ownerMark: Mark?) -> String? {
        guard let value = lookup(map, key), !isNull(value) else {
            report(ownerMark, "\(owner) has no '\(key)'", hint: "add '\(key): …' (it is required)")
            return nil
        }
        guard let text = scalarText(value, key: key) else { return nil }
        if text.isMade(of: .whitespaces) {
            report(value.mark, "'\(key)' of \(owner) is empty", hint: "write a \(key)")
            return nil
        }
        return text
    }

    private mutating func optionalString(_ map: Node.Mapping, _ key: String) -> String? {
        guard let value = lookup(map, key), !isNull(value) else { return nil }
        return scalarText(value, key: key)
    }

    /// An `id`, which must also be well-formed: ids are what logs and scripts refer to.
    private mutating func requiredID(_ map: Node.Mapping, owner: String, ownerMark: Mark?) -> String? {
        guard let id = requiredString(map, "id", owner: owner, ownerMark: ownerMark) else { return nil }
        if !Self.isWellFormedName(id) {
            report(lookup(map, "id")?.mark, "id '\(id)' is not a well-formed id",
                   hint: "use lower-case letters, digits and . _ : - only, starting with a letter or digit, e.g. '\(Self.suggestedName(for: id))'")
        }
        return id
    }

    private mutating func checkContextName(_ context: String, at mark: Mark?) {
        if !Self.isWellFormedName(context) {
            report(mark, "context '\(context)' is not a well-formed name",
                   hint: "use lower-case letters, digits and . _ : - only, e.g. '\(Self.suggestedName(for: context))'")
        }
    }

    private mutating func requiredList(_ map: Node.Mapping, _ key: String, owner: String, ownerMark: Mark?) -> [Node]? {
        guard let value = lookup(map, key), !isNull(value) else {
            report(ownerMark, "\(owner) has no '\(key)'", hint: "add '\(key):' with a list under it (it is required)")
            return nil
        }
        return list(value, key: key)
    }

    private mutating func list(_ value: Node, key: String) -> [Node]? {
        if isNull(value) { return [] }
        guard let sequence = value.sequence else {
            report(value.mark, "'\(key)' must be a list", hint: "write each item on its own line starting with '- ', or '[a, b]'")
            return nil
        }
        return Array(sequence)
    }

    /// A list of texts; a single text is accepted as a list of one, since that is what was meant.
    private mutating func stringList(_ map: Node.Mapping, _ key: String) -> [(String, Mark?)] {
        guard let value = lookup(map, key), !isNull(value) else { return [] }
        if let scalar = value.scalar { return [(scalar.string, value.mark)] }
        guard let items = list(value, key: key) else { return [] }
        var result: [(String, Mark?)] = []
        for item in items {
            if let scalar = item.scalar, !isNull(item) {
                result.append((scalar.string, item.mark))
            } else {
                report(item.mark, "each item of '\(key)' must be text", hint: "quote it if it contains ': ' or starts with a symbol")
            }
        }
        return result
    }

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    // MARK: - Names

    /// Ids and context names: `[a-z0-9][a-z0-9._:-]*`. Lower case so that two spellings of one
    /// name cannot become two codes; no spaces so they survive `DIM=CODE,CODE` on a command line.
    static func isWellFormedName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isLowerAlphanumeric(first) else { return false }
        return name.unicodeScalars.allSatisfy { isLowerAlphanumeric($0) || "._:-".unicodeScalars.contains($0) }
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// A well-formed name close to `name`: `Voice Assistant` becomes `voice-assistant`.
    static func suggestedName(for name: String) -> String {
        var result = ""
        for scalar in name.lowercased().unicodeScalars {
            if isLowerAlphanumeric(scalar) || "._:".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        while let first = result.unicodeScalars.first, !isLowerAlphanumeric(first) { result.removeFirst() }
        return result.isEmpty ? "code-1" : result
    }
}
