import Foundation

/// One place in a text where a code's alias matched.
public struct AliasMatch: Hashable, Sendable {
    /// Offsets in the text's unicode scalars, half-open.
    public var range: Range<Int>
    public var dimension: String
    public var code: String

    public init(range: Range<Int>, dimension: String, code: String) {
        self.range = range
        self.dimension = dimension
        self.code = code
    }
}

/// Finds codes' aliases in abstracts, to highlight and suggest codes (never to code).
///
/// An alias is a word or phrase matched case-insensitively on word boundaries, or a regular
/// expression when written between slashes (`/IEMOCAP|Interactive Emotional Dyadic/`).
public struct AliasMatcher: Sendable {
    private struct Pattern: @unchecked Sendable {
        var regex: NSRegularExpression
        var dimension: String
        var code: String
    }

    private let patterns: [Pattern]

    public init(codebook: Codebook) {
        var patterns: [Pattern] = []
        for dimension in codebook.dimensions {
            for code in dimension.codes {
                for alias in code.aliases {
                    guard let regex = Self.compile(alias) else { continue }
                    patterns.append(Pattern(regex: regex, dimension: dimension.id, code: code.id))
                }
            }
        }
        self.patterns = patterns
    }

    /// The regular expression for an alias, or nil when it is not a valid one.
    public static func compile(_ alias: String) -> NSRegularExpression? {
        let source: String
        if alias.count >= 2, alias.hasPrefix("/"), alias.hasSuffix("/") {
            source = String(alias.dropFirst().dropLast())
        } else {
            source = "\\b" + NSRegularExpression.escapedPattern(for: alias) + "\\b"
        }
        return try? NSRegularExpression(pattern: source, options: [.caseInsensitive])
    }

    /// Every alias match in `text`, ordered by position.
    public func matches(in text: String) -> [AliasMatch] {
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        // NSRegularExpression speaks UTF-16; convert its offsets to unicode-scalar offsets once.
        var scalarOffsetOfUTF16: [Int] = []
        scalarOffsetOfUTF16.reserveCapacity(ns.length + 1)
        var scalarIndex = 0
        for scalar in text.unicodeScalars {
            for _ in 0..<scalar.utf16.count { scalarOffsetOfUTF16.append(scalarIndex) }
            scalarIndex += 1
        }
        scalarOffsetOfUTF16.append(scalarIndex)
        var found: [AliasMatch] = []
        for pattern in patterns {
            pattern.regex.enumerateMatches(in: text, options: [], range: whole) { result, _, _ in
                guard let r = result?.range, r.length > 0, r.location + r.length < scalarOffsetOfUTF16.count else { return }
                let lower = scalarOffsetOfUTF16[r.location]
                let upper = scalarOffsetOfUTF16[r.location + r.length]
                found.append(AliasMatch(range: lower..<upper, dimension: pattern.dimension, code: pattern.code))
            }
        }
        return found.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// The codes suggested for a paper, per dimension, in codebook order, from its title and abstract.
    public func suggestions(for paper: Paper) -> [String: [String]] {
        var byDimension: [String: Set<String>] = [:]
        for match in matches(in: paper.title + "\n" + paper.abstract) {
            byDimension[match.dimension, default: []].insert(match.code)
        }
        return byDimension.mapValues { $0.sorted() }
    }
}
