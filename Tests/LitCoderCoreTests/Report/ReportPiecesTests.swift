import Testing
@testable import LitCoderCore

/// The formatting pieces every report and export shares.
@Suite struct ReportPiecesTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\r", "\"cr\r\""),
        (" padded", "\" padded\""),
        ("", ""),
        ("=1+2", "=1+2"),
    ])
    func csvField(value: String, expected: String) {
        #expect(CSVWriter().field(value) == expected)
    }

    @Test func csvDocumentUsesTheChosenSeparatorAndLineEnding() {
        let writer = CSVWriter(separator: ";", lineEnding: "\r\n")
        #expect(writer.document(header: ["a", "b"], rows: [["1;2", "x"]]) == "a;b\r\n\"1;2\";x\r\n")
    }

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
        columns: [TextTable.Column("code", maxWidth: 6), .number("papers")],
        rows: [["health", "4"], ["a|b&c", "12"], ["感情", "1"], ["truncated-code", "0"]])

    @Test func plainTableAlignsNumbersRightAndCutsLongCells() {
        #expect(table.plain(indent: "  ") == """
              code    papers
              ──────  ──────
              health       4
              a|b&c       12
              感情         1
              trunc…       0

            """)
        #expect(table.plainWidth() == 14)
    }

    @Test func markdownTable() {
        #expect(table.markdown() == """
            | code | papers |
            | --- | ---: |
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
        let ragged = TextTable(columns: [TextTable.Column("a"), TextTable.Column("b")], rows: [["only"]])
        #expect(ragged.csv() == "a,b\nonly,\n")
    }

    @Test func jsonKeepsKeyOrderAndEscapes() {
        let value = JSONValue.object([
            ("z", .int(1)), ("a", .string("quote \" slash \\ line\n tab\t bell\u{7}")),
            ("list", .array([.bool(true), .null, .double(0.5)])), ("empty", .object([])),
        ])
        #expect(value.rendered() == #"{"z":1,"a":"quote \" slash \\ line\n tab\t bell\u0007","list":[true,null,0.5],"empty":{}}"#)
    }

    @Test func prettyJSONPutsShortScalarContainersOnOneLine() {
        let value = JSONValue.object([
            ("row", .array([.int(1), .int(2)])),
            ("nested", .array([.object([("code", .string("x")), ("papers", .int(3))])])),
        ])
        #expect(value.rendered(indent: 2) == """
            {
              "row": [1, 2],
              "nested": [
                {"code": "x", "papers": 3}
              ]
            }
            """)
    }
}
