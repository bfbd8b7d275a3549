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
        if isCollapsed(bytes) {
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }
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

    /// Whether the bytes are already collapsed: most values are, and need no copy.
    ///
    /// Eight bytes at a time: a word with no byte below 0x0E and no 0xC2 can only fail by two
    /// spaces in a row, which the exact space mask shows; other words go byte by byte.
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == 0x20 || last == 0x20 { return false }
        let n = bytes.count
        var previous: UInt8 = 0
        var i = 0
        while i + 8 <= n {
            let word = ByteWords.load(bytes, at: i)
            if !ByteWords.containsByte(below: 0x0E, word), !ByteWords.contains(word, 0xC2) {
                let spaces = ByteWords.positions(of: 0x20, in: word)
                if spaces & (spaces << 8) != 0 || (previous == 0x20 && spaces & 0x80 != 0) { return false }
                previous = UInt8(truncatingIfNeeded: word >> 56)
                i += 8
                continue
            }
            for k in i..<(i + 8) {
                let b = bytes[k]
                if b == 0x09 || b == 0x0A || b == 0x0D || b == 0xC2 || (b == 0x20 && previous == 0x20) { return false }
                previous = b
            }
            i += 8
        }
        while i < n {
            let b = bytes[i]
            if b == 0x09 || b == 0x0A || b == 0x0D || b == 0xC2 || (b == 0x20 && previous == 0x20) { return false }
            previous = b
            i += 1
        }
        return true
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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.utf8.count)
        for b in title.utf8 {
            if b >= 0x80 { return unicodeTitleKey(title) }
            if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 {
                bytes.append(b)
            } else if b >= 0x41 && b <= 0x5A {
                bytes.append(b | 0x20)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A 64-bit FNV-1a hash of `titleKey(title)` and the year, computed without building the key
    /// for ASCII titles: what de-duplication looks papers up by.
    public static func titleHash(_ title: String, year: Int) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var empty = true
        for b in title.utf8 {
            if b >= 0x80 {
                let key = unicodeTitleKey(title)
                guard !key.isEmpty else { return nil }
                hash = 0xCBF2_9CE4_8422_2325
                for k in key.utf8 { hash = (hash ^ UInt64(k)) &* 0x100_0000_01B3 }
                return (hash ^ UInt64(bitPattern: Int64(year))) &* 0x100_0000_01B3
            }
            let c: UInt8
            if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { c = b } else if b >= 0x41 && b <= 0x5A { c = b | 0x20 } else { continue }
            hash = (hash ^ UInt64(c)) &* 0x100_0000_01B3
            empty = false
        }
        return empty ? nil : (hash ^ UInt64(bitPattern: Int64(year))) &* 0x100_0000_01B3
    }

    /// `titleKey(_:)` for titles beyond ASCII, by Unicode properties.
    private static func unicodeTitleKey(_ title: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in title.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return String(out)
    }
}
