/// Text made safe for a cell of a Markdown (GitHub-flavoured) pipe table.
public enum Markdown {
    /// Pipes and backslashes escaped, line breaks turned into spaces.
    public static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
