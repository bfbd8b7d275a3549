/// A codebook: the dimensions a coder fills in for every paper, their codes, and the
/// alignments between dimensions that the summary checks.
///
/// Read from YAML by `CodebookLoader`, which validates it and locates every problem.
/// The format is documented in `docs/codebook-format.md`.
public struct Codebook: Hashable, Sendable {
    public var id: String
    public var title: String
    public var version: String
    public var description: String?
    public var dimensions: [Dimension]
    public var alignments: [AlignmentRule]
    /// The dimension whose codes decide whether a paper is in the review (`screening:`).
    public var screening: Screening?
    /// Hex SHA-256 of the file's bytes; every coding event records it.
    public var contentHash: String

    public init(
        id: String, title: String, version: String, description: String? = nil,
        dimensions: [Dimension], alignments: [AlignmentRule] = [], screening: Screening? = nil, contentHash: String = ""
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.description = description
        self.dimensions = dimensions
        self.alignments = alignments
        self.screening = screening
        self.contentHash = contentHash
    }

    public func dimension(_ id: String) -> Dimension? { dimensions.first { $0.id == id } }

    /// The short form of `contentHash` shown to people (12 hex digits).
    public var shortHash: String { String(contentHash.prefix(12)) }
}

/// One question asked of every paper ("stated motivation", "datasets used").
public struct Dimension: Hashable, Sendable, Identifiable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// At most one code.
        case single
        /// Any number of codes.
        case multi
        /// Free text, no codes.
        case text
        /// A number (`minimum`…`maximum` when given), no codes.
        case number
    }

    public var id: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    public var help: String?
    public var codes: [Code]
    /// Single-choice only: the codes are a scale, listed from low to high, so agreement uses
    /// Krippendorff's ordinal distance instead of the nominal one.
    public var ordered: Bool
    /// Number dimensions only: the smallest and largest value a coder may enter.
    public var minimum: Double?
    public var maximum: Double?

    public init(
        id: String, label: String, kind: Kind, required: Bool = false, help: String? = nil,
        codes: [Code] = [], ordered: Bool = false, minimum: Double? = nil, maximum: Double? = nil
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.required = required
        self.help = help
        self.codes = codes
        self.ordered = ordered
        self.minimum = minimum
        self.maximum = maximum
    }

    public func code(_ id: String) -> Code? { codes.first { $0.id == id } }

    /// Whether a coder chooses codes (single, multi) rather than writing a value (text, number).
    public var takesCodes: Bool { kind == .single || kind == .multi }

    /// The code that took the place of `id`: `id` itself when it is a code, the code whose
    /// `replaces` names it, or nil when the dimension has neither.
    public func currentCode(for id: String) -> String? {
        if code(id) != nil { return id }
        return codes.first { $0.replaces.contains(id) }?.id
    }
}

/// One answer a dimension allows.
public struct Code: Hashable, Sendable, Identifiable {
    public var id: String
    public var label: String
    public var definition: String
    public var include: String?
    public var exclude: String?
    public var examples: [String]
    /// Words or regular expressions that, found in an abstract, suggest this code.
    /// Used to highlight and suggest, never to code.
    public var aliases: [String]
    /// Contexts a `from` code of an alignment needs; all must hold.
    public var needs: [Requirement]
    /// Contexts a `to` code of an alignment provides.
    public var provides: [String]
    /// Earlier ids of this code: codings that name one of them are read as this code.
    public var replaces: [String]

    public init(
        id: String, label: String, definition: String = "", include: String? = nil,
        exclude: String? = nil, examples: [String] = [], aliases: [String] = [],
        needs: [Requirement] = [], provides: [String] = [], replaces: [String] = []
    ) {
        self.id = id
        self.label = label
        self.definition = definition
        self.include = include
        self.exclude = exclude
        self.examples = examples
        self.aliases = aliases
        self.needs = needs
        self.provides = provides
        self.replaces = replaces
    }
}

/// One requirement of a code's `needs`: a context, or any one of several.
public enum Requirement: Hashable, Sendable {
    case context(String)
    case any([String])

    /// The contexts any one of which satisfies this requirement.
    public var alternatives: [String] {
        switch self {
        case .context(let c): [c]
        case .any(let cs): cs
        }
    }

    /// Whether a set of provided contexts meets this requirement.
    public func isMet(by provided: Set<String>) -> Bool {
        alternatives.contains { provided.contains($0) }
    }

    /// `clinical` or `clinical or natural`, for messages.
    public var phrase: String { alternatives.joined(separator: " or ") }
}

/// A pair of dimensions whose codes must fit together: every coded `from` code with needs
/// must be served by one coded `to` code that provides all of them.
public struct AlignmentRule: Hashable, Sendable, Identifiable {
    public var id: String
    public var label: String
    public var from: String
    public var to: String
    public var help: String?

    public init(id: String, label: String, from: String, to: String, help: String? = nil) {
        self.id = id
        self.label = label
        self.from = from
        self.to = to
        self.help = help
    }
}

/// The screening decision: a single-select dimension whose `include` codes put a paper in the
/// review and whose `exclude` codes keep it out, each an exclusion reason (PRISMA 2020).
public struct Screening: Hashable, Sendable {
    public var dimension: String
    public var include: [String]
    public var exclude: [String]

    public init(dimension: String, include: [String], exclude: [String]) {
        self.dimension = dimension
        self.include = include
        self.exclude = exclude
    }

    /// What a code decides: included, excluded, or nil for a code in neither list (undecided).
    public func decision(for code: String) -> Decision? {
        if include.contains(code) { return .included }
        if exclude.contains(code) { return .excluded }
        return nil
    }

    public enum Decision: Hashable, Sendable { case included, excluded }
}
