import LitCoderCore
import Testing

/// CSV/TSV reading: delimiters, preambles, quoting, ragged rows, column names, `--map`.
@Suite struct CSVImportTests {
    static func parse(_ text: String, map: [CSVImporter.Field: String] = [:]) throws -> ParsedFile {
        try CSVImporter.parse(Array(text.utf8), file: "refs.csv", map: map)
    }

    @Test(arguments: [
        ("Title,Authors,Year,DOI\nA paper,\"Doe J.; Roe R.\",2020,10.1/A\n", "A paper"),
        ("Title;Authors;Year\nA paper;Doe J.;2020\n", "A paper"),
        ("Title\tAuthors\tYear\nA paper\tDoe J.\t2020\n", "A paper"),
        ("\"SEARCH QUERY\",\"dinosaur:ti\"\n-----\n\nTitle,Year\nA paper,2020\n", "A paper"),
        ("Document Title,Publication Year\nA paper,2020", "A paper"),
        ("Item Title,Item DOI,Publication Year\nA paper,10.1/X,2020\n", "A paper"),
        ("Article Title,Publication Year\nA paper,2020\n", "A paper"),
        ("title,abstract,year\n\"A \"\"quoted\"\" paper\",\"two\nlines\",2020\n", "A \"quoted\" paper"),
    ])
    func headersAndDelimiters(_ text: String, _ title: String) throws {
        let parsed = try Self.parse(text)
        #expect(parsed.records.count == 1)
        #expect(parsed.records.first?.title == title)
        #expect(parsed.records.first?.year == 2020)
    }

    @Test func quotedNewlinesKeepLineNumbers() throws {
        let parsed = try Self.parse("Title,Abstract\nOne,\"a\nb\nc\"\nTwo,d\n")
        #expect(parsed.records.map(\.line) == [2, 5])
        #expect(parsed.records.first?.abstract == "a b c")
    }

    @Test func raggedRows() throws {
        let parsed = try Self.parse("Title,Year,DOI\nShort\nLong,2020,10.1/x,extra,cells\n")
        #expect(parsed.records.map(\.title) == ["Short", "Long"])
        #expect(parsed.records.last?.doi == "10.1/x")
    }

    @Test func mapNamesOtherColumns() throws {
        let parsed = try Self.parse("Paper Name,When\nA paper,2021\n", map: [.title: "Paper Name", .year: "when"])
        #expect(parsed.records.first?.title == "A paper")
        #expect(parsed.records.first?.year == 2021)
    }

    @Test func noTitleColumnSaysHowToMap() {
        #expect(throws: Diagnostic.self) { try Self.parse("Name,When\nA paper,2021\n") }
        do {
            _ = try Self.parse("Name,When\nA paper,2021\n")
        } catch let error as Diagnostic {
            #expect(error.hint?.contains("--map title=") == true)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// A malformed row is skipped alone and named by its line; an unreadable year is a warning
    /// naming the value.
    @Test(arguments: [
        ("Title,Year\nOne,2020\n\"Two\" and more,2021\nThree,2022\n", ["One", "Three"], 3, "text after the closing quote"),
        ("Title,Year\nOne,2020\n\"Unclosed title,2021,\"abs\"\nThree,2022\n", ["One", "Three"], 3, "text after the closing quote"),
        ("Title,Year\nOne,2020\n\"Two,2021\n\"Three\",2022\n", ["One", "Three"], 3, "text after the closing quote"),
        ("Title,Year\nOne,2020\nThree,2022\n\"Four,2023", ["One", "Three"], 4, "never closes"),
    ] as [(String, [String], Int, String)])
    func malformedRowsAreSkippedAlone(_ text: String, _ titles: [String], _ line: Int, _ reason: String) throws {
        let parsed = try Self.parse(text)
        #expect(parsed.records.compactMap(\.title) == titles)
        #expect(parsed.diagnostics.map(\.line) == [line])
        #expect(parsed.diagnostics.first?.message.contains(reason) == true)
        #expect(parsed.diagnostics.first?.severity == .error)
    }


    @Test func unclosedQuoteIsReported() throws {
        let parsed = try Self.parse("Title,Year\nOne,2020\n\"Two,2021\nThree,2022\n")
        #expect(parsed.records.map(\.title) == ["One", "Three"], "one stray quote costs one row")
        #expect(parsed.diagnostics.first?.line == 3)
    }

    @Test(arguments: [
        ("Yang Z., Jiang B., Xu J.", ["Yang Z.", "Jiang B.", "Xu J."]),
        ("Griffin DK, Larkin DM, O'Connor RE.", ["Griffin DK", "Larkin DM", "O'Connor RE"]),
        ("Yang, Z.; Jiang, B.", ["Yang, Z.", "Jiang, B."]),
        ("P. Kogge; J. Shalf", ["P. Kogge", "J. Shalf"]),
        ("Marx, Karl", ["Marx, Karl"]),
        ("['Marx, Karl', 'Lindgren, Astrid']", ["Marx, Karl", "Lindgren, Astrid"]),
        ("Solo", ["Solo"]),
    ])
    func authorCells(_ cell: String, _ names: [String]) {
        #expect(CSVImporter.splitAuthors(cell) == names)
    }
}
