import Foundation

/// GUIDs derived from names, so the same codebook exports the same GUIDs every time.
///
/// A REFI-QDA tool recognises a code it has seen before by its GUID; random GUIDs would make
/// every re-export look like a new codebook. The GUID is the first 16 bytes of
/// SHA-256(`litcoder:` + the name), marked as an RFC 9562 version 8 (custom, name-based) UUID:
/// version 5 is the same idea but fixed to SHA-1.
public enum StableGUID {
    /// The GUID for `name`, upper-case `XXXXXXXX-XXXX-8XXX-YXXX-XXXXXXXXXXXX`.
    public static func make(_ name: String) -> String {
        var bytes = Array(SHA256.digest(of: Data("litcoder:\(name)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte -> String in
            let s = String(byte, radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return hex[0..<4].joined() + "-" + hex[4..<6].joined() + "-" + hex[6..<8].joined() + "-"
            + hex[8..<10].joined() + "-" + hex[10..<16].joined()
    }

    /// The GUID of a dimension (a parent code in REFI-QDA).
    public static func dimension(_ dimension: String, codebook: String) -> String {
        make("\(codebook)/\(dimension)")
    }

    /// The GUID of a code within its dimension.
    public static func code(_ code: String, dimension: String, codebook: String) -> String {
        make("\(codebook)/\(dimension)/\(code)")
    }

    /// The GUID of a project's thing other than a code (a source, a user, a selection …):
    /// `#KIND/` and the parts joined by `/`. Codes' names start with a codebook id, never
    /// `#`, so the two never meet; only the last part may itself hold a `/` (a paper id),
    /// so two different things never share a name.
    public static func item(_ kind: String, _ parts: String...) -> String {
        make("#\(kind)/" + parts.joined(separator: "/"))
    }
}
