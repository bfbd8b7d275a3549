/// The writing system a letter belongs to, for the scripts litcoder meets in abstracts.
///
/// Chinese, Japanese and Korean text puts no space between a Latin name and the words around
/// it ("在CASIA和", "IEMOCAP上"), so a change of script counts as a word boundary when aliases
/// are matched (`AliasMatcher`, `WordIndex`). Swift exposes no script property, so the major
/// scripts' blocks are listed here; `name` is the ICU script name regular expressions use
/// (`\p{Script=Han}`). A letter outside these blocks has no script here, and the old rule
/// (any letter or digit joins a word) applies to it.
public enum WritingScript: String, CaseIterable, Hashable, Sendable {
    case latin = "Latin", greek = "Greek", cyrillic = "Cyrillic", armenian = "Armenian"
    case hebrew = "Hebrew", arabic = "Arabic", devanagari = "Devanagari", bengali = "Bengali"
    case tamil = "Tamil", thai = "Thai", georgian = "Georgian", hangul = "Hangul"
    case hiragana = "Hiragana", katakana = "Katakana", han = "Han"

    /// Scripts written without spaces between words: beside a digit, their letters also end a word.
    public static let spaceless: Set<WritingScript> = [.han, .hiragana, .katakana, .hangul, .thai]

    /// The ICU name, for `\p{Script=…}`.
    public var name: String { rawValue }

    /// The script of a letter, or nil for digits, marks, punctuation and letters of scripts
    /// not listed.
    public static func of(_ scalar: Unicode.Scalar) -> WritingScript? {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) ? .latin : nil
        }
        guard scalar.properties.isAlphabetic else { return nil }
        for (range, script) in blocks where range.contains(v) { return script }
        return nil
    }

    /// Unicode blocks whose letters are of one script (from the Unicode block and script data).
    private static let blocks: [(ClosedRange<UInt32>, WritingScript)] = [
        (0x00C0...0x024F, .latin), (0x0250...0x02AF, .latin), (0x1E00...0x1EFF, .latin), (0x2C60...0x2C7F, .latin),
        (0xA720...0xA7FF, .latin), (0xAB30...0xAB6F, .latin), (0xFF21...0xFF3A, .latin), (0xFF41...0xFF5A, .latin),
        (0x0370...0x03FF, .greek), (0x1F00...0x1FFF, .greek),
        (0x0400...0x052F, .cyrillic), (0x1C80...0x1C8F, .cyrillic), (0x2DE0...0x2DFF, .cyrillic), (0xA640...0xA69F, .cyrillic),
        (0x0530...0x058F, .armenian), (0x0590...0x05FF, .hebrew), (0xFB1D...0xFB4F, .hebrew),
        (0x0600...0x06FF, .arabic), (0x0750...0x077F, .arabic), (0x08A0...0x08FF, .arabic), (0xFB50...0xFDFF, .arabic),
        (0xFE70...0xFEFF, .arabic),
        (0x0900...0x097F, .devanagari), (0x0980...0x09FF, .bengali), (0x0B80...0x0BFF, .tamil), (0x0E00...0x0E7F, .thai),
        (0x10A0...0x10FF, .georgian),
        (0x1100...0x11FF, .hangul), (0x3130...0x318F, .hangul), (0xA960...0xA97F, .hangul), (0xAC00...0xD7AF, .hangul),
        (0xD7B0...0xD7FF, .hangul), (0xFFA0...0xFFDC, .hangul),
        (0x3040...0x309F, .hiragana), (0x30A0...0x30FF, .katakana), (0x31F0...0x31FF, .katakana), (0xFF66...0xFF9F, .katakana),
        (0x2E80...0x2FDF, .han), (0x3005...0x3007, .han), (0x3021...0x3029, .han), (0x3038...0x303B, .han),
        (0x3400...0x4DBF, .han), (0x4E00...0x9FFF, .han), (0xF900...0xFAFF, .han), (0x20000...0x3134F, .han),
    ]
}
