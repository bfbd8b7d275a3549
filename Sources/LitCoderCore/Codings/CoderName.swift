/// Validates coder names: they become file names under `codings/`.
public enum CoderName {
    /// The consensus log's owner; names starting with `_` are reserved for litcoder.
    public static let consensus = "_consensus"

    /// Why `name` cannot be a coder's name, or nil when it can.
    public static func problem(with name: String, allowReserved: Bool = false) -> String? {
        if name.isEmpty { return "the coder name is empty" }
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "." || $0 == "_" || $0 == "-"
        }
        if !allowed {
            return "coder name '\(name)' may contain only letters A-Z a-z, digits, '.', '_' and '-'"
        }
        if name == "." || name == ".." { return "coder name '\(name)' is not a file name" }
        if name.hasPrefix("_") && !allowReserved {
            return "coder names starting with '_' are reserved for litcoder (e.g. _consensus)"
        }
        return nil
    }
}
