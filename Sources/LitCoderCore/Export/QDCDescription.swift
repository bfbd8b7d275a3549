import Foundation

/// A code's definition with its include and exclude rules, as one REFI-QDA `Description`
/// text, and back.
///
/// The rules go in paragraphs starting `Include:` and `Exclude:` so a colleague in NVivo reads
/// them, and `litcoder init --codebook FILE.qdc` can put them back in their fields.
public enum QDCDescription {
    static let includePrefix = "Include: "
    static let excludePrefix = "Exclude: "

    /// The description text of a code.
    public static func compose(_ code: Code) -> String {
        var paragraphs: [String] = []
        if !code.definition.isEmpty { paragraphs.append(code.definition) }
        if let include = code.include, !include.isEmpty { paragraphs.append(includePrefix + include) }
        if let exclude = code.exclude, !exclude.isEmpty { paragraphs.append(excludePrefix + exclude) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// Splits a description into definition, include and exclude.
    public static func split(_ text: String) -> (definition: String, include: String?, exclude: String?) {
        var definition: [String] = []
        var include: String?
        var exclude: String?
        for paragraph in text.components(separatedBy: "\n\n") {
            if paragraph.hasPrefix(includePrefix), include == nil {
                include = String(paragraph.dropFirst(includePrefix.count))
            } else if paragraph.hasPrefix(excludePrefix), exclude == nil {
                exclude = String(paragraph.dropFirst(excludePrefix.count))
            } else {
                definition.append(paragraph)
            }
        }
        let joined = definition.joined(separator: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (joined, include, exclude)
    }
}
