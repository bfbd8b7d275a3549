/// Text made safe for LaTeX: the ten special characters escaped so that a title or a code
/// label pastes into a paper and compiles.
public enum LaTeX {
    /// `R&D 50% of $x_1$` → `R\&D 50\% of \$x\_1\$`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "\n", "\r", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// `escape(_:)` for a BibTeX value, which LaTeX typesets too: also `--` kept as two hyphens
    /// (`-{}-`), since TeX, and litcoder's own import, read it as an en dash.
    public static func bibtexEscape(_ text: String) -> String {
        var out = escape(text)
        while out.contains("--") { out = out.replacingOccurrences(of: "--", with: "-{}-") }
        return out
    }
}
