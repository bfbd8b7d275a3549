/// Where each word of a text starts, for running an alias's regular expression only near
/// the words it needs instead of over the whole abstract.
///
/// Words are runs of letters and digits, lower-cased, with apostrophes dropped (so "Let’s"
/// and "Lets" are one word), as `AliasMatcher.words(in:)` defines them.
struct WordIndex {
    /// The text's UTF-16 code units, the offsets `NSRegularExpression` speaks.
    let utf16: [UInt16]
    /// Each word's start offsets in `utf16`.
    private(set) var starts: [String: [Int]] = [:]

    init(_ text: String) {
        utf16 = Array(text.utf16)
        var current = String.UnicodeScalarView()
        var currentStart = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if current.isEmpty { currentStart = offset }
                current.append(scalar)
            } else if !(scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`") {
                if !current.isEmpty { starts[String(current).lowercased(), default: []].append(currentStart) }
                current = String.UnicodeScalarView()
            }
            offset += scalar.utf16.count
        }
        if !current.isEmpty { starts[String(current).lowercased(), default: []].append(currentStart) }
    }

    /// The start offsets of the rarest of `required` (each word given with its variant
    /// forms), or nil when one of them does not occur at all.
    func anchorOffsets(for required: [[String]]) -> [Int]? {
        var best: [Int]?
        for forms in required {
            var offsets: [Int] = []
            for form in forms { offsets += starts[form] ?? [] }
            if offsets.isEmpty { return nil }
            if best == nil || offsets.count < best?.count ?? 0 { best = offsets }
        }
        return best ?? []
    }

    /// Ranges of at most `span` code units either side of each offset, merged, and widened
    /// to the nearest non-word character on each side, so a match in a window is exactly a
    /// match in the whole text (no word is cut in two, a lookbehind sees its character).
    func windows(around offsets: [Int], span: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for offset in offsets.sorted() {
            var lower = max(0, offset - span)
            var upper = min(utf16.count, offset + span)
            while lower > 0, Self.isWordish(utf16[lower - 1]) { lower -= 1 }
            if lower > 0 { lower -= 1 }
            while upper < utf16.count, Self.isWordish(utf16[upper]) { upper += 1 }
            if upper < utf16.count { upper += 1 }
            if let last = result.last, lower <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, upper)
            } else {
                result.append(lower..<upper)
            }
        }
        return result
    }

    /// Letters, digits and anything outside ASCII (so surrogate pairs are never split).
    private static func isWordish(_ unit: UInt16) -> Bool {
        unit >= 0x80 || (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A)
    }
}
