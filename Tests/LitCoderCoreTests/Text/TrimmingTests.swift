import Foundation
import Testing
@testable import LitCoderCore

/// `String.trimming(_:)` and `isMade(of:)` give Foundation's answers, which they skip computing.
@Suite struct TrimmingTests {
    static let texts = [
        "", " ", "\t", "\n", "\r\n", "x", " x", "x ", " x ", "\tx\n", "a b", "\u{00A0}x", "x\u{3000}", "\u{2003}",
        "\u{200B}x", "x\u{2028}", "\u{85}", "é", "e\u{301}", " e\u{301} ", "😀", " 😀\t", "日本語", "\u{FEFF}x",
    ]

    @Test(arguments: texts)
    func trimmingIsFoundationsTrimming(text: String) {
        for set in [CharacterSet.whitespaces, .whitespacesAndNewlines] {
            let trimmed = text.trimming(set)
            let expected = text.trimmingCharacters(in: set)
            #expect(Array(trimmed.unicodeScalars) == Array(expected.unicodeScalars), "\(Array(text.unicodeScalars))")
            #expect(text.isMade(of: set) == expected.isEmpty, "\(Array(text.unicodeScalars))")
        }
    }
}
