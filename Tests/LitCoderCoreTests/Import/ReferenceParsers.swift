import Foundation
@testable import LitCoderCore

/// The straightforward versions of parsing steps that were rewritten to run in linear time:
/// slow on hostile input (quadratic), but simple enough to trust. The differential tests run
/// both on many generated inputs and require the same answers.
enum ReferenceParsers {
    /// `CSVImporter.splitAuthors`'s reading of a Python list literal's inside, as it was: the
    /// pending text gathered and trimmed again for every piece.
    static func pythonListItems(_ inner: Substring) -> [String]? {
        let items = inner.split(separator: ",", omittingEmptySubsequences: false)
        var names: [String] = []
        var pending = ""
        for item in items {
            pending += pending.isEmpty ? String(item) : "," + item
            let t = pending.trimmingCharacters(in: .whitespaces)
            if t.count >= 2, let q = t.first, q == "'" || q == "\"", t.last == q {
                if let name = FieldNormalisation.collapse(t.dropFirst().dropLast()) { names.append(name) }
                pending = ""
            }
        }
        return pending.isEmpty ? names : nil
    }

    /// The line of a byte offset, counted from the start of the file.
    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes.prefix(offset).count { $0 == 0x0A }
    }
}
