import LitCoderCore
import Testing

/// Ids, de-duplication and completion when records join a corpus.
@Suite struct ImportMergerTests {
    static func record(_ title: String?, key: String? = nil, year: Int? = 2020, doi: String? = nil,
                       abstract: String? = nil, line: Int = 1) -> ImportedRecord {
        ImportedRecord(key: key, title: title, authors: ["Doe, J."], year: year, doi: doi, abstract: abstract, line: line)
    }

    @Test func idsComeFromKeyThenDOIThenHash() {
        var merger = ImportMerger(existing: [])
        merger.add(Self.record("One", key: "doe2020"), file: "a.bib")
        merger.add(Self.record("Two", doi: "10.1/two"), file: "a.ris")
        merger.add(Self.record("Three"), file: "a.ris")
        let ids = merger.added.map(\.id)
        #expect(ids[0] == "doe2020")
        #expect(ids[1] == "10.1/two")
        #expect(ids[2] == ImportMerger.hashID(title: "Three", year: 2020))
        #expect(ids[2].count == 11 && ids[2].hasPrefix("p"))
        #expect(ImportMerger.hashID(title: "three.", year: 2020) == ids[2], "the hash is of the normalised title")
    }

    @Test func idsAreUniqueWithinTheCorpus() {
        var merger = ImportMerger(existing: [Paper(id: "doe2020", title: "Existing")])
        merger.add(Self.record("Other paper", key: "doe2020"), file: "a.bib")
        merger.add(Self.record("Third paper", key: "doe2020"), file: "a.bib")
        #expect(merger.added.map(\.id) == ["doe2020-2", "doe2020-3"])
    }

    @Test(arguments: [
        (record("A title", doi: "10.1/x"), record("Different title", doi: "10.1/x"), ImportMerger.Match.sameDOI),
        (record("The SER Corpus."), record("the ser corpus"), .sameTitleAndYear),
        (record("The SER Corpus", doi: "10.1/x"), record("The SER Corpus"), .sameTitleAndYear),
        (record("No year here", year: nil), record("No Year Here.", year: nil), .sameTitle),
        (record("Keyed", key: "k1", year: nil), record(nil, key: "k1", year: 2021, abstract: "x"), .sameKey),
        (record("Keyed", key: "k1", year: 2020), record("KEYED", key: "k1", year: nil, doi: "10.1/k"), .sameKey),
    ])
    func duplicatesAreFound(_ first: ImportedRecord, _ second: ImportedRecord, _ match: ImportMerger.Match) {
        var merger = ImportMerger(existing: [])
        merger.add(first, file: "a.ris")
        merger.add(second, file: "b.csv")
        #expect(merger.added.count == 1)
        #expect(merger.duplicates.first?.match == match)
        #expect(merger.duplicates.first?.keptSource == "a.ris:1")
        #expect(merger.duplicates.first?.duplicateSource == "b.csv:1")
    }

    @Test(arguments: [
        (record("Same", doi: "10.1/a"), record("Same", doi: "10.1/b")),
        (record("Same", year: 2019), record("Same", year: 2020)),
        (record("Same", year: 2020), record("Same", year: nil)),
        (record("Same", year: nil, doi: "10.1/a"), record("Same", year: nil)),
        (record("One paper", key: "smith2020"), record("Another paper", key: "smith2020")),
        (record("Same", key: "k", year: 2019), record("Same", key: "k", year: 2020)),
    ])
    func notDuplicates(_ first: ImportedRecord, _ second: ImportedRecord) {
        var merger = ImportMerger(existing: [])
        merger.add(first, file: "a.ris")
        merger.add(second, file: "b.ris")
        #expect(merger.added.count == 2)
        #expect(merger.duplicates.isEmpty)
    }

    /// Importing the same records again adds nothing, whatever they lack, and says the kept
    /// paper was in the corpus already.
    @Test(arguments: [
        record("Title only, no year", year: nil),
        record("With key, no year", key: "noyear", year: nil),
        record("With year", year: 2021),
        record(nil, key: "abstractonly", year: nil, abstract: "Just an abstract."),
        record("With DOI", year: nil, doi: "10.1/d"),
    ])
    func reimportingAddsNothing(_ record: ImportedRecord) {
        var first = ImportMerger(existing: [])
        first.add(record, file: "refs.bib")
        var again = ImportMerger(existing: Array(first.added))
        again.add(record, file: "refs.bib")
        #expect(again.added.isEmpty)
        #expect(again.duplicates.count == 1)
        #expect(again.duplicates.first?.keptWasInCorpus == true)
        #expect(again.duplicates.first?.keptID == first.added.first?.id)
    }

    @Test func keptPaperIsCompletedFromTheDuplicate() {
        let existing = Paper(id: "p1", title: "Speech emotion", year: 2020, source: "old.ris:3")
        var merger = ImportMerger(existing: [existing])
        merger.add(Self.record("Speech Emotion", doi: "10.1/X", abstract: "An abstract."), file: "new.csv")
        #expect(merger.added.isEmpty)
        #expect(merger.papers[0].abstract == "An abstract.")
        #expect(merger.papers[0].doi == "10.1/X")
        #expect(merger.papers[0].authors == ["Doe, J."])
        #expect(merger.papers[0].id == "p1")
        #expect(merger.completedExisting == [0])
        #expect(merger.duplicates.first?.completedFields == ["abstract", "authors", "doi"])
        #expect(merger.duplicates.first?.keptSource == "old.ris:3")
    }

    @Test func recordsWithNothingToCodeAreSkipped() {
        var merger = ImportMerger(existing: [])
        merger.add(Self.record(nil, line: 7), file: "a.bib")
        merger.add(Self.record(nil, abstract: "Only an abstract", line: 9), file: "a.bib")
        #expect(merger.added.count == 1)
        #expect(merger.diagnostics.map(\.location) == ["a.bib:7", "a.bib:9"])
        #expect(merger.diagnostics.map(\.severity) == [.error, .warning])
    }

    @Test(arguments: [
        ("https://doi.org/10.1000/ABC", "10.1000/abc"), ("http://dx.doi.org/10.1/x", "10.1/x"),
        ("doi:10.1/X", "10.1/x"), ("DOI: 10.1/x", "10.1/x"), (" 10.1/x ", "10.1/x"), ("", nil),
    ] as [(String, String?)])
    func doiNormalisation(_ raw: String, _ doi: String?) {
        #expect(FieldNormalisation.doi(raw) == doi)
    }

    @Test(arguments: [
        ("2014//", 2014), ("2019 Feb", 2019), ("1948/07//", 1948), ("c. 12345", nil), ("n.d.", nil), ("Apr 2001", 2001),
    ] as [(String, Int?)])
    func yearNormalisation(_ raw: String, _ year: Int?) {
        #expect(FieldNormalisation.year(raw) == year)
    }

    @Test func whitespaceCollapses() {
        #expect(FieldNormalisation.collapse("  a \t\n b\u{00A0}c  ") == "a b c")
        #expect(FieldNormalisation.collapse(" \n ") == nil)
    }

    @Test(arguments: [
        ("refs.csv", "Title,Year\nOne,twenty\nTwo,\nThree,2021\n", 2),
        ("refs.bib", "@article{a,\n  title = {One},\n  year = {in press}\n}\n@article{b, title = {Two}, year = {2021}}\n", 1),
        ("refs.bib", "@article{a,\n  title = {One},\n  date = {forthcoming}\n}\n", 1),
        ("refs.ris", "TY  - JOUR\nTI  - Intro\nPY  - 2020\nER  - \n\nTY  - JOUR\nTI  - One\nPY  - n.d.\nER  - \n", 6),
        ("refs.nbib", "PMID- 1\nTI  - One\nDP  - Spring\n", 1),
        ("refs.jsonl", "{\"title\": \"One\", \"year\": \"unknown\"}\n", 1),
    ] as [(String, String, Int)])
    func aYearThatIsNotOneIsReportedInEveryFormat(file: String, text: String, line: Int) throws {
        let read = try ImportReader.read(bytes: Array(text.utf8), file: file)
        var merger = ImportMerger(existing: [])
        for record in read.parsed.records { merger.add(record, file: file) }
        let warnings = merger.diagnostics.filter { $0.message.contains("is not a year") }
        #expect(warnings.map(\.line) == [line], "\(merger.diagnostics)")
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.file == file })
        #expect(merger.papers.first { $0.title == "One" }?.year == nil)
        #expect(merger.papers.count == read.parsed.records.count, "the record is imported, without a year")
    }

    @Test func aReadableYearInALaterFieldIsTaken() {
        var record = ImportedRecord(line: 1)
        record.setYear(from: "in press", nil, "2021-05")
        #expect(record.year == 2021)
        #expect(record.unreadableYear == nil)
        record = ImportedRecord(line: 1)
        record.setYear(from: nil, "  ", "circa")
        #expect(record.year == nil)
        #expect(record.unreadableYear == "circa")
    }
}
