import Testing
@testable import LitCoderCore

/// The formatting pieces every report and export shares.
@Suite struct ReportPiecesTests {
    @Test(arguments: [
        ("R&D 50% of $x_1$", "R\\&D 50\\% of \\$x\\_1\\$"),
        ("#{}", "\\#\\{\\}"),
        ("a~b^c", "a\\textasciitilde{}b\\textasciicircum{}c"),
        ("back\\slash", "back\\textbackslash{}slash"),
        ("Émotion", "Émotion"),
        ("line\nbreak", "line break"),
    ])
    func latexEscape(text: String, expected: String) {
        #expect(LaTeX.escape(text) == expected)
    }

    @Test(arguments: [
        ("a|b", "a\\|b"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two lines"),
        ("plain", "plain"),
    ])
    func markdownCell(text: String, expected: String) {
        #expect(Markdown.cell(text) == expected)
    }

    @Test(arguments: [
        ("abc", 3), ("", 0), ("é", 1), ("e\u{301}", 1), ("感情", 4), ("a\tb", 2),
    ])
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test(arguments: [
        ("abcdef", 4, "abc…"), ("abc", 3, "abc"), ("感情認識", 5, "感情…"), ("abc", 0, ""),
    ])
    func truncate(text: String, width: Int, expected: String) {
        #expect(DisplayWidth.truncate(text, to: width) == expected)
        #expect(DisplayWidth.of(DisplayWidth.truncate(text, to: width)) <= width)
    }

    let table = TextTable(
        header: ["code", "papers"], rightAligned: [1], maxWidths: [0: 6],
        rows: [["health", "4"], ["a|b&c", "12"], ["感情", "1"], ["truncated-code", "0"]])

    @Test func plainTableAlignsNumbersRightAndCutsLongCells() {
        #expect(table.rendered(indent: "  ") == """
              code    papers
              ------  ------
              health       4
              a|b&c       12
              感情         1
              trunc…       0
            """)
        #expect(table.width == 14)
    }

    @Test func markdownTable() {
        #expect(table.markdown() == """
            | code | papers |
            |---|---:|
            | health | 4 |
            | a\\|b&c | 12 |
            | 感情 | 1 |
            | truncated-code | 0 |
            """)
    }

    @Test func latexTable() {
        #expect(table.latex() == """
            \\begin{tabular}{lr}
            \\toprule
            code & papers \\\\
            \\midrule
            health & 4 \\\\
            a|b\\&c & 12 \\\\
            感情 & 1 \\\\
            truncated-code & 0 \\\\
            \\bottomrule
            \\end{tabular}
            """)
    }

    @Test func shortRowsAreFilledWithEmptyCells() {
        let ragged = TextTable(header: ["a", "b"], rows: [["only"]])
        #expect(ragged.rendered() == "a     b\n----  -\nonly")
        let spaced = TextTable(header: ["a", "b"], rows: [["x", "y  "], ["", " "]])
        #expect(spaced.rendered(indent: " ") == " a  b\n -  ---\n x  y\n ", "no cell leaves trailing spaces; a blank row is its indent")
        #expect(ragged.latex().contains("only &  \\\\"))
    }
}
