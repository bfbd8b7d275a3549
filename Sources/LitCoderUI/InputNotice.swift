/// What the status bar says about input that does nothing where it arrived, in the same words
/// on every screen: a key nothing is bound to, a sequence that is no key, a paste with no
/// prompt open, a mouse report.
public enum InputNotice {
    /// "unbound key Ctrl-F5", or for a sequence that names no key, what it was.
    public static func unbound(_ key: Key) -> String {
        if case .unknown(let sequence) = key {
            return "unknown key sequence \(sequence) ignored; ? lists the keys"
        }
        return "unbound key \(key); ? lists the keys"
    }

    public static let pasteRefused = "Paste ignored: it only goes into a prompt (/ search, e note, c find code)"

    public static func mouse(_ report: MouseReport) -> String {
        "\(report) ignored: litcoder is used with keys (? lists them)"
    }

    /// The most characters a paste puts into a one-line field; longer text belongs in
    /// `$EDITOR` (Ctrl-O), and a field of megabytes would be redrawn on every key.
    public static let pasteLimit = 4_096

    public static func pasteCut(_ kept: Int) -> String {
        "Pasted text cut to its first \(kept) characters; longer text goes in $EDITOR (Ctrl-O)"
    }

    /// Pasted text as it goes into a one-line field: line breaks and tabs become spaces, other
    /// control characters are left out (the field shows what it holds, and never holds those).
    public static func oneLine(_ pasted: String) -> [Character] {
        var result: [Character] = []
        var previousWasCR = false
        for scalar in pasted.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCR: continue
            case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: result.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0: continue
            default: result.append(Character(scalar))
            }
        }
        // Marks that arrived as their own scalars join the character before them.
        return Array(String(result))
    }
}
