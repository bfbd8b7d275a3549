/// The normalisation every importer applies to a field, documented in `docs/import.md`.
///
/// Works on UTF-8 bytes: importing a large export calls these for every field.
public enum FieldNormalisation {
    /// Runs of whitespace (space, tab, CR, LF, no-break space) become one space; the ends are
    /// trimmed; an empty result is nil.
    public static func collapse(_ text: some StringProtocol) -> String? {
        var text = String(text)
        return text.withUTF8 { collapse(bytes: UnsafeBufferPointer(rebasing: $0[...])) }
    }

    /// `collapse(_:)` over a slice of UTF-8 bytes.
    public static func collapse(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                pendingSpace = true
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                pendingSpace = true
                i += 2
                continue
            }
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b)
            i += 1
        }
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

    /// The year as an integer: the first run of exactly four digits (`2014//` → 2014,
    /// `2019 Feb` → 2019); nil when there is none.
    public static func year(_ text: some StringProtocol) -> Int? {
        var run = 0
        var value = 0
        var previousWasDigit = false
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 {
                if !previousWasDigit { run = 0; value = 0 }
                run += 1
                value = value &* 10 &+ Int(b - 0x30)
                previousWasDigit = true
            } else {
                if previousWasDigit && run == 4 { return value }
                previousWasDigit = false
            }
        }
        return previousWasDigit && run == 4 ? value : nil
    }

    /// Resolver and label prefixes a DOI is often written with, longest first.
    private static let doiPrefixes = [
        "https://dx.doi.org/", "http://dx.doi.org/", "https://doi.org/", "http://doi.org/",
        "dx.doi.org/", "doi.org/", "doi:", "doi ",
    ]

    /// A DOI lower-cased and without `https://doi.org/`, `doi:` and the like; nil when empty.
    ///
    /// DOIs are case-insensitive by definition, so lower case makes equal DOIs compare equal.
    public static func doi(_ text: some StringProtocol) -> String? {
        guard var value = collapse(text)?.lowercased() else { return nil }
        var stripped = true
        while stripped {
            stripped = false
            for prefix in doiPrefixes where value.hasPrefix(prefix) {
                value = String(value.dropFirst(prefix.count))
                while value.first == " " { value.removeFirst() }
                stripped = true
            }
        }
        return value.isEmpty ? nil : value
    }

    /// The title as compared for de-duplication: letters and digits only, lower-cased, so
    /// `The SER Corpus.` and `the ser corpus` match.
    public static func titleKey(_ title: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in title.lowercased().unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.append(scalar)
        }
        return String(out)
    }
}
