import Testing
@testable import LitCoderCore

@Suite struct SpellingSuggestionTests {
    static let keys = ["id", "label", "definition", "include", "exclude", "examples", "aliases", "needs", "provides"]

    @Test(arguments: [
        ("lable", "label"),
        ("defintion", "definition"),
        ("alias", "aliases"),
        ("need", "needs"),
        ("Label", "label"),
        ("colour", nil),
        ("x", nil),
    ] as [(String, String?)])
    func closestKey(word: String, expected: String?) {
        #expect(SpellingSuggestion.closest(to: word, among: Self.keys) == expected)
    }

    @Test(arguments: [
        ("", "abc", 3),
        ("abc", "abc", 0),
        ("abc", "acb", 1),
        ("kitten", "sitting", 3),
        ("lable", "label", 1),
    ])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(SpellingSuggestion.editDistance(Array(a), Array(b)) == expected)
        #expect(SpellingSuggestion.editDistance(Array(b), Array(a)) == expected)
    }

    @Test(arguments: [
        ("Voice Assistant", "voice-assistant"),
        ("eNTERFACE'05", "enterface-05"),
        ("--x--", "x"),
        ("ÜÜ", "code-1"),
    ])
    func wellFormedNames(name: String, expected: String) {
        #expect(!CodebookReader.isWellFormedName(name))
        let suggested = CodebookReader.suggestedName(for: name)
        #expect(suggested == expected)
        #expect(CodebookReader.isWellFormedName(suggested))
    }
}
