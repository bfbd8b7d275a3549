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
/// A plain alias is a word or phrase matched case-insensitively as whole words; inside it a
/// space or hyphen matches any run of spaces and hyphens ("CREMA-D" finds "CREMA D"), and an
/// apostrophe matches a straight, curly or missing one ("eNTERFACE'05" finds "eNTERFACE’05"),
/// and a final letter may take a plural -s or -es ("call centre" finds "call centres").
/// An alias between slashes is a regular expression (ICU syntax), also case-insensitive
/// unless it turns that off with `(?-i)`: `/(?-i)\bTESS\b/` finds the dataset, not "tess".
///
/// Within one dimension the longest match wins and shorter matches overlapping it are
/// dropped: "Sharif Emotional Speech Database" does not also suggest whatever
/// "Emotional Speech Database" would. Different dimensions do not suppress each other,
/// since each is its own question ("depression" may be a motivation and an emotion).
public struct AliasMatcher: Sendable {
    private struct Pattern: Sendable {
        var regex: LazyRegularExpression
        var dimensionIndex: Int
        var codeIndex: Int
        /// Words (lower-cased, apostrophes dropped) every match contains, each with its plural
        /// forms; a text lacking all forms of one cannot match, so the regular expression is
        /// not run. Empty: always run.
        var requiredWords: [[String]]
        /// How far from a required word a match can reach, with room to spare.
        var span: Int
    }

    private let patterns: [Pattern]
    /// Dimension ids and their code ids, in codebook order.
    private let order: [(dimension: String, codes: [String])]
    /// Off only in tests, to show the prefilter never changes what is found.
    private let usesPrefilter: Bool
    /// For each form of each pattern's first required word, the patterns it starts; so a text
    /// only looks up its own words instead of every pattern looking up its words.
    private let patternsByFirstWord: [String: [Int]]
    /// Patterns whose required words are unknown (non-literal regular expressions): always run.
    private let unindexedPatterns: [Int]

    public init(codebook: Codebook) {
        self.init(codebook: codebook, usesPrefilter: true)
    }

    init(codebook: Codebook, usesPrefilter: Bool) {
        self.usesPrefilter = usesPrefilter
        var patterns: [Pattern] = []
        for (dimensionIndex, dimension) in codebook.dimensions.enumerated() {
            for (codeIndex, code) in dimension.codes.enumerated() {
                for alias in code.aliases {
                    // Compiled on first use; an invalid alias (which validation reports) then matches nothing.
                    patterns.append(Pattern(regex: LazyRegularExpression(pattern: Self.source(of: alias)), dimensionIndex: dimensionIndex, codeIndex: codeIndex,
                                            requiredWords: Self.requiredWords(of: alias).map { [$0, $0 + "s", $0 + "es"] },
                                            span: alias.utf16.count + 24))
                }
            }
        }
        self.patterns = patterns
        var byWord: [String: [Int]] = [:]
        var unindexed: [Int] = []
        for (index, pattern) in patterns.enumerated() {
            guard let first = pattern.requiredWords.first else { unindexed.append(index); continue }
            for form in first { byWord[form, default: []].append(index) }
        }
        self.patternsByFirstWord = byWord
        self.unindexedPatterns = unindexed
        self.order = codebook.dimensions.map { ($0.id, $0.codes.map(\.id)) }
    }

    /// Whether any code has an alias.
    public var isEmpty: Bool { patterns.isEmpty }

    // MARK: - Compiling aliases

    /// The regular expression for an alias, or nil when it is not a valid one.
    public static func compile(_ alias: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: source(of: alias), options: [.caseInsensitive])
    }

    /// What is wrong with an alias, or nil when it can be used (what validation reports).
    public static func problem(with alias: String) -> String? {
        if alias.isMade(of: .whitespaces) { return "the alias is empty" }
        if isRegularExpression(alias), alias.count == 2 { return "the regular expression between the slashes is empty" }
        // A plain alias becomes escaped characters, which always compile, and one holding a
        // letter or digit must match it, so never matches empty text. Compiling the codebook's
        // aliases to prove that cost most of a second at every start.
        if !isRegularExpression(alias), alias.unicodeScalars.contains(where: { CharacterSet.alphanumerics.contains($0) }) {
            return nil
        }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: source(of: alias), options: [.caseInsensitive])
        } catch {
            return "not a valid regular expression; check its brackets, parentheses, quantifiers and backslashes"
        }
        // An alias that matches nothing at all would highlight every gap between letters.
        if regex.firstMatch(in: "", options: [], range: NSRange(location: 0, length: 0)) != nil {
            return "the regular expression matches empty text; it must match at least one character"
        }
        return nil
    }

    /// Whether a plain alias (not between slashes) reads like a regular expression someone
    /// forgot the slashes of: alternation, a character class, an escape such as `\b` or `\s`,
    /// a wildcard or quantifier, an anchor, or a group with a quantifier or `(?`. Such an alias
    /// is matched as plain words, which is rarely what was meant (`call[- ]cent(er|re)`).
    public static func looksLikeRegularExpression(_ alias: String) -> Bool {
        guard !isRegularExpression(alias) else { return false }
        // Each sign below holds one of these ASCII characters, and no other text is canonically
        // equivalent to one: an alias without them (most are names) needs no search at all.
        guard alias.utf8.contains(where: { "|()^$.[]{\\".utf8.contains($0) }) else { return false }
        let text = alias.trimming(.whitespaces)
        if text.contains("|") || text.contains("(?") { return true }
        if text.hasPrefix("^") || (text.hasSuffix("$") && text.count > 1) { return true }
        for wildcard in [".*", ".+", ".?", ")?", ")*", ")+", "]?", "]*", "]+"] where text.contains(wildcard) { return true }
        let characters = Array(text)
        for (i, character) in characters.enumerated() {
            let next = i + 1 < characters.count ? characters[i + 1] : nil
            if character == "\\", let next, "bBdDsSwW.()[]{}|*+?".contains(next) { return true }
            if character == "[", characters[(i + 1)...].contains("]") { return true }
            if character == "{", let next, next.isASCII, next.isNumber { return true }
        }
        return false
    }

    private static func isRegularExpression(_ alias: String) -> Bool {
        alias.count >= 2 && alias.hasPrefix("/") && alias.hasSuffix("/")
    }

    private static let separator = "[\\s\\-\\u2010\\u2011\\u2013]+"
    private static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "`"]

    /// The ICU pattern an alias stands for.
    static func source(of alias: String) -> String {
        if isRegularExpression(alias) { return String(alias.dropFirst().dropLast()) }
        let trimmed = alias.trimming(.whitespaces)
        var pattern = ""
        var inSeparator = false
        for character in trimmed {
            if character.isWhitespace || character == "-" || character == "\u{2010}" || character == "\u{2013}" {
                if !inSeparator { pattern += separator }
                inSeparator = true
                continue
            }
            inSeparator = false
            if apostrophes.contains(character) {
                pattern += "['\u{2019}\u{2018}`]?"
            } else {
                pattern += NSRegularExpression.escapedPattern(for: String(character))
            }
        }
        // Whole words only where the alias begins or ends with a letter or digit; `\b` would
        // fail next to punctuation such as the ")" of "Emotional Speech Dataset (ESD)".
        if let first = trimmed.first, first.isLetter || first.isNumber { pattern = "(?<!\(wordContinuing(first)))" + pattern }
        // A plural is the same cue: "call centre" finds "call centres", "robot" finds "robots".
        if let last = trimmed.last, last.isLetter { pattern += "(?:e?s)?" }
        if let last = trimmed.last, last.isLetter || last.isNumber { pattern += "(?!\(wordContinuing(last)))" }
        return pattern
    }

    /// The characters that continue a word ending (or starting) with `edge`: digits, combining
    /// marks, and letters of the same script. A letter of another script is a word boundary,
    /// as in Chinese, Japanese and Korean text, which puts no space around a Latin name
    /// ("在CASIA和", "IEMOCAP上"); beside a digit, so are the letters of those scripts.
    static func wordContinuing(_ edge: Character) -> String {
        guard let scalar = edge.unicodeScalars.first else { return "[\\p{L}\\p{N}\\p{M}]" }
        if let script = WritingScript.of(scalar) {
            return "[\\p{N}\\p{M}[\\p{L}&&\\p{Script=\(script.name)}]]"
        }
        if edge.isNumber {
            let spaceless = WritingScript.allCases.filter(WritingScript.spaceless.contains).map { "\\p{Script=\($0.name)}" }.joined()
            return "[\\p{N}\\p{M}[\\p{L}--[\(spaceless)]]]"
        }
        return "[\\p{L}\\p{N}\\p{M}]"
    }

    /// The words every match of an alias contains, for the prefilter; empty when unknown.
    static func requiredWords(of alias: String) -> [String] {
        guard isRegularExpression(alias) else { return Array(words(in: alias)) }
        var body = Substring(alias.dropFirst().dropLast())
        for flag in ["(?-i)", "(?i)"] where body.hasPrefix(flag) { body = body.dropFirst(flag.count) }
        // Only a literal phrase is understood: letters, digits, separators, `\b`, `\s`, `\-`, `\.`.
        var literal = ""
        var iterator = body.makeIterator()
        while let character = iterator.next() {
            if character == "\\" {
                guard let escaped = iterator.next() else { return [] }
                switch escaped {
                case "b": literal += " "
                case "s", "-", ".", "'", " ", ",": literal += " "
                default: return []
                }
            } else if character == "+" {
                // `\s+` only; any other quantifier makes the words optional.
                guard literal.hasSuffix(" ") else { return [] }
            } else if character.isLetter || character.isNumber || character == " " || character == "-" || character == "'" || character == "," {
                literal.append(character)
            } else {
                return []
            }
        }
        return Array(words(in: literal))
    }

    /// The text's words, lower-cased, with apostrophes dropped so "Let’s" and "Lets" agree.
    static func words(in text: String) -> Set<String> {
        var result = Set<String>()
        WordIndex.forEachWord(in: Array(text.utf16)) { word, _ in result.insert(word) }
        return result
    }

    // MARK: - Matching

    /// Every alias match in `text` that survives longest-match-wins, ordered by position.
    public func matches(in text: String) -> [AliasMatch] {
        let whole = NSRange(location: 0, length: text.utf16.count)
        // Raw matches per dimension: (UTF-16 range, code index).
        var raw: [Int: [(range: NSRange, code: Int)]] = [:]
        func search(_ pattern: Pattern, in text: String, from offset: Int) {
            pattern.regex.expression?.enumerateMatches(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) { result, _, _ in
                guard let r = result?.range, r.location != NSNotFound, r.length > 0 else { return }
                raw[pattern.dimensionIndex, default: []].append((NSRange(location: r.location + offset, length: r.length), pattern.codeIndex))
            }
        }
        guard usesPrefilter else {
            for pattern in patterns { search(pattern, in: text, from: 0) }
            return ranked(raw, text: text)
        }
        // Most aliases need words the abstract lacks; the rest run only near those words,
        // since running a regular expression costs in proportion to the text it scans.
        let index = WordIndex(text)
        var isCandidate = [Bool](repeating: false, count: patterns.count)
        for word in index.starts.keys {
            for candidate in patternsByFirstWord[word] ?? [] { isCandidate[candidate] = true }
        }
        for candidate in unindexedPatterns { isCandidate[candidate] = true }
        for (number, pattern) in patterns.enumerated() where isCandidate[number] {
            if pattern.requiredWords.isEmpty {
                search(pattern, in: text, from: 0)
                continue
            }
            guard let anchors = index.anchorOffsets(for: pattern.requiredWords) else { continue }
            let windows = index.windows(around: anchors, span: pattern.span)
            if windows.count == 1, windows[0].count == whole.length {
                search(pattern, in: text, from: 0)
                continue
            }
            for window in windows {
                // Window edges fall on ASCII punctuation or the text's ends, never inside a character.
                let lower = String.Index(utf16Offset: window.lowerBound, in: text)
                let upper = String.Index(utf16Offset: window.upperBound, in: text)
                search(pattern, in: String(text[lower..<upper]), from: window.lowerBound)
            }
        }
        return ranked(raw, text: text)
    }

    /// Longest match wins within each dimension; the survivors in scalar offsets, by position.
    private func ranked(_ raw: [Int: [(range: NSRange, code: Int)]], text: String) -> [AliasMatch] {
        if raw.isEmpty { return [] }
        let toScalar = Self.scalarOffsets(of: text)
        var found: [AliasMatch] = []
        // Which UTF-16 offsets a kept match covers: checking a candidate against it costs its
        // length, where checking it against every kept match made a long abstract quadratic.
        var covered = [Bool](repeating: false, count: toScalar.count)
        for (dimensionIndex, candidates) in raw {
            // Longest first; among equals the earlier one, then the earlier code.
            let ranked = candidates.sorted {
                ($0.range.length, -$0.range.location, -$0.code) > ($1.range.length, -$1.range.location, -$1.code)
            }
            var kept: [NSRange] = []
            defer { for range in kept { for offset in range.location..<(range.location + range.length) { covered[offset] = false } } }
            for candidate in ranked {
                let lower = candidate.range.location, upper = lower + candidate.range.length
                guard lower >= 0, upper <= covered.count, !covered[lower..<upper].contains(true) else { continue }
                for offset in lower..<upper { covered[offset] = true }
                kept.append(candidate.range)
                let end = candidate.range.location + candidate.range.length
                guard end < toScalar.count, dimensionIndex < order.count, candidate.code < order[dimensionIndex].codes.count
                else { continue }
                found.append(AliasMatch(range: toScalar[candidate.range.location]..<toScalar[end],
                                        dimension: order[dimensionIndex].dimension,
                                        code: order[dimensionIndex].codes[candidate.code]))
            }
        }
        return found.sorted { ($0.range.lowerBound, $0.range.upperBound, $0.dimension) < ($1.range.lowerBound, $1.range.upperBound, $1.dimension) }
    }

    /// For each UTF-16 offset (and the end), the unicode-scalar offset it falls in.
    private static func scalarOffsets(of text: String) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(text.utf16.count + 1)
        var scalarIndex = 0
        for scalar in text.unicodeScalars {
            offsets.append(scalarIndex)
            if scalar.utf16.count == 2 { offsets.append(scalarIndex) }
            scalarIndex += 1
        }
        offsets.append(scalarIndex)
        return offsets
    }

    // MARK: - Suggestions

    /// The suggested codes of each dimension with any, dimensions and codes in codebook order.
    public func suggestedCodes(for paper: Paper) -> [(dimension: String, codes: [String])] {
        suggestedCodes(in: paper.title + "\n" + paper.abstract)
    }

    /// The suggested codes for a text, per dimension, in codebook order.
    public func suggestedCodes(in text: String) -> [(dimension: String, codes: [String])] {
        var chosen = Set<String>()
        for match in matches(in: text) { chosen.insert(match.dimension + "\u{0}" + match.code) }
        var result: [(dimension: String, codes: [String])] = []
        for (dimension, codes) in order {
            let suggested = codes.filter { chosen.contains(dimension + "\u{0}" + $0) }
            if !suggested.isEmpty { result.append((dimension, suggested)) }
        }
        return result
    }

    /// The codes suggested for a paper, per dimension, in codebook order, from its title and abstract.
    public func suggestions(for paper: Paper) -> [String: [String]] {
        Dictionary(suggestedCodes(for: paper).map { ($0.dimension, $0.codes) }, uniquingKeysWith: { first, _ in first })
    }
}
