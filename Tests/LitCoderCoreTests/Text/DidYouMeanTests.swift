import Testing
@testable import LitCoderCore

@Suite struct DidYouMeanTests {
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
        #expect(DidYouMean.best(for: word, among: Self.keys) == expected)
    }

    @Test(arguments: [
        ("", "abc", 3),
        ("abc", "abc", 0),
        ("abc", "acb", 1),
        ("kitten", "sitting", 3),
        ("lable", "label", 1),
    ])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(DidYouMean.editDistance(Array(a), Array(b)) == expected)
        #expect(DidYouMean.editDistance(Array(b), Array(a)) == expected)
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

extension DidYouMeanTests {
    @Test(arguments: [
        ("helthcare", ["healthcare", "hci", "education"], ["healthcare"]),
        ("IEMOCAP", ["iemocap", "msp-podcast"], ["iemocap"]),
        ("msp", ["iemocap", "msp-podcast", "msp-improv"], ["msp-improv", "msp-podcast"]),
        ("zzzzzz", ["healthcare", "hci"], []),
        ("iemocpa", ["iemocap", "emodb"], ["iemocap"]),
    ])
    func closestNames(typed: String, names: [String], expected: [String]) {
        #expect(DidYouMean.closest(to: typed, among: names) == expected)
    }
}
