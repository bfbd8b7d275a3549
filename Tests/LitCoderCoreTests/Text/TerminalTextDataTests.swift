import LitCoderCore
import Testing

/// Data shown on a terminal: its layout (tabs, line ends) kept, every other control visible.
@Suite struct TerminalTextDataTests {
    @Test(arguments: [
        ("a,b\nc,d\n", "a,b\nc,d\n"),
        ("a\tb\r\nc\td\r\n", "a\tb\r\nc\td\r\n"),
        ("title \u{1B}]0;pwned\u{07} x", #"title \e]0;pwned^G x"#),
        ("\u{1B}[2J", #"\e[2J"#),
        ("over\rwrite", #"over\rwrite"#),
        ("end\r", #"end\r"#),
        ("\u{9B}31m\u{7F}", #"\u{9B}31m^?"#),
        ("\u{202E}abc\u{2066}", #"\u{202E}abc\u{2066}"#),
        ("plain é ü 日本", "plain é ü 日本"),
    ])
    func controlsAreVisibleAndLayoutIsKept(input: String, shown: String) {
        #expect(TerminalText.escapedData(input) == shown)
    }
}

/// Counts with their nouns in the right number.
@Suite struct CountedTests {
    @Test(arguments: [(0, "0 papers"), (1, "1 paper"), (2, "2 papers"), (100_000, "100000 papers")])
    func papers(count: Int, phrase: String) {
        #expect(count.counted("paper") == phrase)
    }

    @Test func anIrregularPlural() {
        #expect(1.counted("gap or repeat", plural: "gaps or repeats") == "1 gap or repeat")
        #expect(2.counted("gap or repeat", plural: "gaps or repeats") == "2 gaps or repeats")
    }
}
