import Testing
@testable import LitCoderCore

/// The byte-level check for control characters finds exactly the scalars `isControl` names,
/// wherever they stand in a text and whatever surrounds them.
@Suite struct TerminalTextControlTests {
    /// Every scalar up to U+2FFF (C0, DEL, C1, the bidirectional controls and their
    /// neighbours, other two- and three-byte scalars), and some four-byte ones.
    static let scalars: [Unicode.Scalar] = (0...0x2FFF).compactMap(Unicode.Scalar.init)
        + [0x1F600, 0x10FFFF, 0xFEFF].compactMap(Unicode.Scalar.init)

    @Test(arguments: [true, false])
    func eachScalarAloneAndInsideText(keepingLineBreaks: Bool) {
        for scalar in Self.scalars {
            let expected = TerminalText.isControl(scalar) && !(keepingLineBreaks && scalar == "\n")
            let alone = String(Character(scalar))
            for text in [alone, "ab" + alone, alone + "é", "é" + alone + "\u{2029}x"] {
                #expect(TerminalText.containsControl(text, keepingLineBreaks: keepingLineBreaks) == expected,
                        "U+\(String(scalar.value, radix: 16)) in \(text.debugDescription)")
            }
        }
    }

    @Test func reportsEscapeAsBefore() {
        #expect(TerminalText.escaped("title \u{1B}[31mred\u{202E}\n") == "title \\e[31mred\\u{202E}\n")
        #expect(TerminalText.escaped("a\nb", keepingLineBreaks: false) == "a\\nb")
        #expect(TerminalText.escaped("plain é ü\n") == "plain é ü\n")
    }
}
