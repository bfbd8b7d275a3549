import Testing
@testable import LitCoderUI
import LitCoderCore

@Suite struct TextLayoutTests {
    private func text(_ glyphs: [Glyph]) -> String { glyphs.map(\.text).joined() }

    @Test(arguments: [
        ("plain", "plain"),
        ("a\u{1B}[31mb", "a^[[31mb"),
        ("bell\u{07}", "bell^G"),
        ("nul\u{0}x", "nul^@x"),
        ("del\u{7F}", "del^?"),
        ("c1\u{9B}x", "c1\u{FFFD}x"),
        ("rlo\u{202E}x\u{2066}", "rlo\u{FFFD}x\u{FFFD}"),
        ("tab\tx", "tab    x"),
        ("line\nbreak", "line break"),
        ("Café 漢字 😀", "Café 漢字 😀"),
        ("👩\u{200D}💻", "👩\u{200D}💻"),
        ("❤\u{FE0F}", "❤"),
        ("👋\u{1F3FD}", "👋"),
        ("\u{301}x", "\u{25CC}\u{301}x"),
        ("e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}"),
        ("\u{378}", "\u{FFFD}"),
    ])
    func sanitisesIntoVisiblePlaceholders(input: String, shown: String) {
        #expect(text(Glyph.line(input)) == shown)
    }

    @Test(arguments: [
        ("abc", 3), ("Café", 4), ("漢字", 4), ("😀!", 3), ("e\u{301}", 1), ("\u{1B}", 2), ("", 0),
        ("مرحبا", 5), ("👩\u{200D}💻", 2), ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2), ("🇩🇪🇫🇷", 4), ("👋\u{1F3FD}", 2),
        ("ก\u{E48}", 1), ("\u{1100}\u{1161}\u{11A8}", 2),
    ])
    func measuresDisplayWidth(input: String, width: Int) {
        #expect(DisplayWidth.drawn(input) == width)
    }

    @Test(arguments: [
        ("the quick brown fox", 10, ["the quick", "brown fox"]),
        ("the quick brown fox", 5, ["the", "quick", "brown", "fox"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("one\n\ntwo", 10, ["one", "", "two"]),
        ("漢字漢字漢字", 5, ["漢字", "漢字", "漢字"]),
        ("a  b", 1, ["a", "b"]),
        ("", 5, [""]),
    ])
    func wrapsWords(input: String, width: Int, expected: [String]) {
        let lines = TextLayout.wrap(Glyph.glyphs(input), width: width)
        #expect(lines.map(text) == expected)
        #expect(lines.allSatisfy { TextLayout.width($0) <= width })
    }

    @Test func wrapToZeroWidthGivesNoLines() {
        #expect(TextLayout.wrap(Glyph.glyphs("abc"), width: 0).isEmpty)
    }

    @Test(arguments: [
        ("short", 10, "short"),
        ("exactly10!", 10, "exactly10!"),
        ("much too long", 8, "much to…"),
        ("漢字漢字", 4, "漢…"),
        ("漢字漢字", 5, "漢字…"),
        ("漢字漢字", 6, "漢字…"),
        ("abc", 1, "…"),
        ("abc", 0, ""),
    ])
    func truncatesWithAnEllipsis(input: String, width: Int, expected: String) {
        let result = TextLayout.fit(input, width: width)
        #expect(text(result) == expected)
        #expect(TextLayout.width(result) <= width)
    }

    /// A grapheme cluster is one glyph: one cell group, never cut by wrapping or truncation.
    @Test(arguments: [
        ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2), ("🇩🇪", 2), ("e\u{301}", 1), ("👩\u{200D}💻", 2),
        ("\u{1100}\u{1161}\u{11A8}", 2), ("ก\u{E48}", 1),
    ])
    func aGraphemeClusterIsOneGlyph(cluster: String, width: Int) {
        let glyphs = Glyph.line(cluster)
        #expect(glyphs.count == 1)
        #expect(glyphs.first?.width == width)
        #expect(glyphs.first?.text == cluster)
        // Wrapped or truncated just after it, it stays whole.
        let line = "ab " + cluster + " cd"
        for width in 1...8 {
            for row in TextLayout.wrap(Glyph.glyphs(line), width: width) + [TextLayout.fit(line, width: width)] {
                #expect(row.allSatisfy { !$0.text.unicodeScalars.contains("\u{200D}") || $0.text == cluster })
            }
        }
        let family = Glyph.glyphs("A family 👨\u{200D}👩\u{200D}👧\u{200D}👦 and 🇩🇪 flags")
        #expect(family.filter { $0.text == "👨\u{200D}👩\u{200D}👧\u{200D}👦" }.count == 1)
        #expect(family.filter { $0.text == "🇩🇪" }.count == 1)
    }

    @Test func aClusterKeepsItsSourceOffsetForHighlights() {
        let glyphs = Glyph.glyphs("🇩🇪 IEMOCAP", highlights: [3..<10])
        #expect(glyphs.filter { $0.style.contains(.accent) }.map(\.text).joined() == "IEMOCAP")
        #expect(glyphs.first?.source == 0 && glyphs.dropFirst().first?.source == 2)
    }

    @Test func highlightsFollowScalarOffsetsThroughSanitising() {
        // "\u{1B}" becomes two glyphs; the highlight on "IEMOCAP" must still land on it.
        let input = "\u{1B}x IEMOCAP y"
        let glyphs = Glyph.glyphs(input, highlights: [3..<10])
        let highlighted = glyphs.filter { $0.style.contains(.accent) }.map(\.text).joined()
        #expect(highlighted == "IEMOCAP")
    }
}
