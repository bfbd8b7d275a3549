import Foundation

/// Short, human words for Foundation's JSON decoding errors.
public enum JSONErrorText {
    /// What a line that is not JSON at all is called.
    public static let invalidJSON = "not valid JSON"

    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \"\(path(context.codingPath + [key]))\""
        case .typeMismatch(let type, let context):
            return "\"\(path(context.codingPath))\" should be \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "\"\(path(context.codingPath))\" is null, expected \(typeName(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return invalidJSON }
            // Foundation words an unknown enum value as "Cannot initialize Operation from invalid
            // String value sett"; a person needs the value and what would have been valid.
            if context.codingPath.last?.stringValue == "op",
               let range = context.debugDescription.range(of: "invalid String value ") {
                let value = context.debugDescription[range.upperBound...]
                let valid = CodingEvent.Operation.allCases.map(\.rawValue).joined(separator: ", ")
                return "\"op\": unknown operation '\(value)'; expected one of \(valid)"
            }
            return "\"\(path(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of strings"
        default:
            // Foundation reports the container it expected (`Array<Any>`), not the declared type.
            String(describing: type).hasPrefix("Array") ? "a list"
                : String(describing: type).hasPrefix("Dictionary") ? "an object" : "\(type)"
        }
    }
}
