import LitCoderCore

/// Finds a dimension's codes from what the coder types after `c`: part of a code's label, id
/// or alias ("podc" finds MSP-Podcast), or its number in the dimension ("84").
///
/// The number makes every code of a long list reachable in at most four keys (`c`, two
/// digits, Enter) whatever its label; the text is what a coder remembers.
enum CodeFinder {
    /// Indices of the codes that match, best first: the code with that number, then codes
    /// whose label or id starts with the text, then whose label has a word starting with it,
    /// then whose label or id holds it, then whose alias does; codebook order within each.
    static func matches(_ query: String, in dimension: Dimension) -> [Int] {
        let needle = query.trimmingSpaces.lowercased()
        guard !needle.isEmpty else { return Array(dimension.codes.indices) }
        var ranked: [(rank: Int, index: Int)] = []
        let number = needle.allSatisfy(\.isASCIIDigit) ? Int(needle) : nil
        for (index, code) in dimension.codes.enumerated() {
            let label = code.label.lowercased()
            let id = code.id.lowercased()
            let rank: Int
            if let number, number == index + 1 {
                rank = 0
            } else if label.hasPrefix(needle) || id.hasPrefix(needle) {
                rank = 1
            } else if label.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains(where: { $0.hasPrefix(needle) }) {
                rank = 2
            } else if label.contains(needle) || id.contains(needle) {
                rank = 3
            } else if code.aliases.contains(where: { aliasText($0).contains(needle) }) {
                rank = 4
            } else {
                continue
            }
            ranked.append((rank, index))
        }
        return ranked.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map(\.index)
    }

    /// An alias as words: a regular expression between slashes loses its slashes and flags.
    private static func aliasText(_ alias: String) -> String {
        var text = alias
        if text.count >= 2, text.hasPrefix("/"), text.hasSuffix("/") {
            text = String(text.dropFirst().dropLast())
            for flag in ["(?-i)", "(?i)"] where text.hasPrefix(flag) { text = String(text.dropFirst(flag.count)) }
        }
        return text.lowercased()
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
