import LitCoderCore
import Testing

/// RIS, MEDLINE and Web of Science plain text, one row per rule.
@Suite struct TaggedFormatImportTests {
    static func ris(_ text: String) -> ParsedFile { RISParser.parse(Array(text.utf8), file: "refs.ris") }

    @Test func risFieldsAndFallbacks() {
        let parsed = Self.ris("""
            TY  - JOUR
            T1  - Title from T1
            A1  - Doe, Jane
            A1  - Roe, Richard
            Y1  - 2019///
            JF  - Journal Full
            N2  - Abstract from N2
            DO  - https://doi.org/10.1/ABC
            KW  - one
            KW  - two
            UR  - https://example.org
            ER  - 
            """)
        let r = parsed.records.first
        #expect(r?.title == "Title from T1")
        #expect(r?.authors == ["Doe, Jane", "Roe, Richard"])
        #expect(r?.year == 2019)
        #expect(r?.venue == "Journal Full")
        #expect(r?.abstract == "Abstract from N2")
        #expect(r?.doi == "10.1/abc")
        #expect(r?.keywords == ["one", "two"])
        #expect(r?.url == "https://example.org")
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("TY  - JOUR\nTI  - Primary\nT1  - Secondary\nPY  - 2001\nY1  - 1999\nER  -", "Primary", 2001),
        ("TY  - JOUR\nTI  - Only\nDA  - 2005/03/01\nER  -", "Only", 2005),
        ("TY  - JOUR\nTI  - A title\n  continued here\nand here\nER  -", "A title continued here and here", nil),
        ("TY  - JOUR\nTI  - Before\n\nafter a blank line\nER  -", "Before after a blank line", nil),
        ("TY  - JOUR\r\nTI  - CRLF\r\nER  - \r\n", "CRLF", nil),
    ] as [(String, String, Int?)])
    func risTitlesAndYears(_ source: String, _ title: String, _ year: Int?) throws {
        let text = try SourceText.decode(Array(source.utf8), file: "x.ris")
        let parsed = RISParser.parse(text.bytes, file: "x.ris")
        #expect(parsed.records.first?.title == title)
        #expect(parsed.records.first?.year == year)
    }

    @Test func risRecordWithoutERIsKeptWithAWarning() {
        let parsed = Self.ris("TY  - JOUR\nTI  - First\nTY  - JOUR\nTI  - Second\n")
        #expect(parsed.records.map(\.title) == ["First", "Second"])
        #expect(parsed.diagnostics.count == 2)
        #expect(parsed.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(parsed.diagnostics.map(\.line) == [1, 3])
    }

    @Test func risChatterBetweenRecordsIsIgnored() {
        let parsed = Self.ris("Record #1 of 2\nProvider: x\n\nTY  - JOUR\nTI  - A\nER  - \n1.\nTY  - BOOK\nTI  - B\nER  - \n")
        #expect(parsed.records.map(\.title) == ["A", "B"])
    }

    @Test func medline() {
        let text = """
            PMID- 123
            TI  - A long title that goes on
                  over two lines.
            AB  - An abstract.
            FAU - Doe, Jane
            AU  - Doe J
            FAU - Roe, Richard
            DP  - 2016 Apr 12
            JT  - Journal of Tests
            AID - S0001 [pii]
            AID - 10.1000/XYZ [doi]
            MH  - Humans
            OT  - emotion

            PMID- 456
            TI  - Second.
            AU  - Solo A
            """
        let parsed = MedlineParser.parse(Array(text.utf8), file: "pubmed.nbib")
        #expect(parsed.records.count == 2)
        let r = parsed.records.first
        #expect(r?.title == "A long title that goes on over two lines.")
        #expect(r?.authors == ["Doe, Jane", "Roe, Richard"])
        #expect(r?.year == 2016)
        #expect(r?.venue == "Journal of Tests")
        #expect(r?.doi == "10.1000/xyz")
        #expect(r?.keywords == ["emotion", "Humans"])
        #expect(parsed.records.last?.authors == ["Solo A"])
        #expect(parsed.records.last?.line == 15)
    }

    @Test func webOfSciencePlainText() {
        let text = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\n   Roe, R\nTI A title\n   continued\nPY 2004\nDI 10.1/X\nER\n\nEF\n"
        let parsed = WebOfScienceParser.parse(Array(text.utf8), file: "wos.txt")
        #expect(parsed.records.first?.authors == ["Doe, J", "Roe, R"])
        #expect(parsed.records.first?.title == "A title continued")
        #expect(parsed.records.first?.doi == "10.1/x")
    }

    @Test(arguments: [
        ("TY  - JOUR\nTI  - x\nER  - ", ImportFormat.ris),
        ("\n\n@article{k, title={x}}", .bibtex),
        ("PMID- 1\nTI  - x", .medline),
        ("FN Clarivate\nVR 1.0\nPT J", .wos),
        ("{\"title\": \"x\"}", .jsonl),
        ("Title;Year\nx;2000", .csv),
        ("\"SEARCH QUERY\",\"x\"\n\nTitle,Year\nx,2000", .csv),
    ])
    func formatIsRecognisedFromContent(_ text: String, _ format: ImportFormat) throws {
        #expect(try ImportFormat.detect(Array(text.utf8), file: "f") == format)
    }
}
