import Foundation

/// The form in which two free-text values are compared: Unicode NFC, case folded, white
/// space collapsed. "Hebrew", " hebrew " and "HEBREW" are one answer; "Hebrew, English" and
/// "English, Hebrew" are two (docs/agreement.md, "Text dimensions").
public enum TextNormalisation {
    /// `text` in NFC with Unicode full case folding (`Straße` and `STRASSE` both become
    /// `strasse`), every run of white space one space, none at either end.
    public static func normalised(_ text: String) -> String {
        // Folding can undo composition (`İ` folds to `i` and a combining dot), so NFC comes last too.
        let folded = text.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCanonicalMapping
        return tidied(folded)
    }

    /// Whether `text` is blank: empty or only white space. A blank value is no value: what
    /// `set`, the workbench, review and `codings import` store as "not coded", and how every
    /// reader takes a blank text a log holds (`CodingState`).
    public static func isBlank(_ text: some StringProtocol) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }

    /// `text` as written, with every run of white space one space and none at either end: the
    /// form in which an agreed text is kept in the consensus (`" ENGLISH  and  Hebrew "` is kept
    /// as `"ENGLISH and Hebrew"`; case and spelling stay the coder's).
    public static func tidied(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }
}
