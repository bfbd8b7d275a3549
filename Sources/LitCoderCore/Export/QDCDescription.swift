import Foundation

/// A code's definition with its include and exclude rules, or a dimension's help with its
/// kind, as one REFI-QDA `Description` text, and back.
///
/// What REFI-QDA has no attribute for goes in paragraphs of their own (`Include: …`,
/// `Exclude: …`, `Kind: single`, `Required: yes`), so a colleague in NVivo reads them and
/// `litcoder codebook import` can put them back in their fields.
public enum QDCDescription {
    static let includePrefix = "Include: "
    static let excludePrefix = "Exclude: "
    static let kindPrefix = "Kind: "
    static let requiredParagraph = "Required: yes"

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

    /// The description text of a dimension: its help, then `Kind: KIND` unless it is `multi`
    /// (what a QDA tool's parent code means anyway), then `Required: yes` when it is required.
    public static func compose(_ dimension: Dimension) -> String {
        var paragraphs: [String] = []
        if let help = dimension.help, !help.isEmpty { paragraphs.append(help) }
        if dimension.kind != .multi { paragraphs.append(kindPrefix + dimension.kind.rawValue) }
        if dimension.required { paragraphs.append(requiredParagraph) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// Splits a top-level code's description into help, the kind it names (nil when none, or
    /// not one litcoder knows) and whether it says the dimension is required.
    public static func splitDimension(_ text: String) -> (help: String?, kind: Dimension.Kind?, required: Bool) {
        var help: [String] = []
        var kind: Dimension.Kind?
        var required = false
        for paragraph in text.components(separatedBy: "\n\n") {
            let trimmed = paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
            if kind == nil, trimmed.hasPrefix(kindPrefix),
               let named = Dimension.Kind(rawValue: String(trimmed.dropFirst(kindPrefix.count))) {
                kind = named
            } else if trimmed == requiredParagraph {
                required = true
            } else {
                help.append(paragraph)
            }
        }
        let joined = help.joined(separator: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (joined.isEmpty ? nil : joined, kind, required)
    }
}
