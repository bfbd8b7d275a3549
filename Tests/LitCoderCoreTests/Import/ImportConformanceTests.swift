import Foundation
import LitCoderCore
import Testing

/// Every shared import fixture read by litcoder and compared with the reference parse.
@Suite struct ImportConformanceTests {
    /// Where litcoder deliberately reads a fixture differently from its reference parser.
    enum Deviation {
        /// The file is refused with a message containing this text.
        case refused(containing: String, reason: String)
        /// A different record count.
        case recordCount(Int, reason: String)
        /// Titles with math (`$…$`, `\\(…\\)`) in the reference come out decoded: no `$` or `\\` left.
        case mathDecoded(reason: String)
        /// A different value of one field of one record (`nil` for none).
        case field(record: Int, name: String, value: String?, reason: String)
    }

    static let deviations: [String: [Deviation]] = [
        "other/jabref-EndnoteXmlImporterTestArticle.xml": [
            .refused(containing: "EndNote XML", reason: "EndNote XML is not read; users are told to export RIS instead"),
        ],
        "ris/colrev-ris_data.ris": [
            .recordCount(2, reason: "a 'TY  -' inside a record without 'ER' starts a new record (the fixture's own 'right reading'); rispy merges the two"),
            .field(record: 0, name: "authors", value: "A. Author-One|B. Author-Two|C. Author-Three|D. Author-Four|E. Author-Five",
                   reason: "'KW - keyword2' (one space) is read as a KW tag with a warning, so it and its continuation lines are keywords, not authors; the second record's authors stay with it"),
        ],
        "ris/rispy-example_utf_chars.ris": [
            .field(record: 0, name: "title", value: "Состояние рецепторного аппарата эндометрия и метаболизм эстрогенов при гиперплазиях эндометрия в позднем репродуктивном периоде",
                   reason: "a record with only ST (short title) takes it as its title rather than having none"),
        ],
        "bibtex/jabref-tiny-LE-withBOM.bib": [
            .field(record: 0, name: "year", value: "2011", reason: "biblatex 'date = {2011-12}' gives the year when there is no 'year' field"),
        ],
        "bibtex/jabref-jabref-authors.bib": [
            .mathDecoded(reason: "math mode is decoded ($\\Sigma$ → Σ, \\({}^{\\mbox{k}}\\) → (^k)); the reference leaves it as written"),
            .field(record: 196, name: "authors", value: "Broch, Ole Jacob|Ellingsen, Ingrid Helene|Forbord, Silje|Wang, Xinxin|Volent, Zsolt|Alver, Morten Omholt|Handå, Aleksander|Andresen, Kjersti|Slagstad, Dag|Reitan, KIR",
                   reason: "BibTeX's 'and others' means et al.; it is not an author and is left out"),
            .field(record: 209, name: "year", value: "2019", reason: "biblatex 'date' gives the year when there is no 'year' field"),
            .field(record: 210, name: "year", value: "2018", reason: "biblatex 'date' gives the year when there is no 'year' field"),
        ],
        "bibtex/pybtex-xampl.bib": [
            .mathDecoded(reason: "math mode is decoded ($O(n \\log n)$ → O(n log n)); the reference leaves it as written"),
        ],
        "csv/asreview-generic_semicolon.csv": [
            .field(record: 0, name: "authors", value: "Marx, Karl|Lindgren, Astrid", reason: "a Python list literal written by pandas is read item by item"),
            .field(record: 1, name: "authors", value: "Marxus, Karlus|Lindgren, Astrid", reason: "a Python list literal written by pandas is read item by item"),
        ],
        "bibtex/colrev-web_of_science_bib.bib": [
            .field(record: 1, name: "title", value: "A dummy title&apos;s",
                   reason: "the reference is questionable ('&' decoded to a space); litcoder keeps the characters as written"),
        ],
    ]

    struct Expected: Decodable {
        struct Record: Decodable {
            var title: String?
            var authors: [String]?
            var year: String?
            var doi: String?
            var abstract: String?
        }
        var record_count: Int
        var alternative_record_count: Int?
        var records: [Record]
    }

    static func normalisedExpected(_ field: String, _ record: Expected.Record) -> String? {
        switch field {
        case "title": record.title.flatMap { FieldNormalisation.collapse($0) }
        case "authors": (record.authors ?? []).compactMap { FieldNormalisation.collapse($0) }.joined(separator: "|")
        case "year": record.year
        case "doi": record.doi.flatMap { FieldNormalisation.doi($0) }
        case "abstract": record.abstract.flatMap { FieldNormalisation.collapse($0) }
        default: nil
        }
    }

    static func actual(_ field: String, _ record: ImportedRecord) -> String? {
        switch field {
        case "title": record.title
        case "authors": record.authors.joined(separator: "|")
        case "year": record.year.map(String.init)
        case "doi": record.doi
        case "abstract": record.abstract.flatMap { FieldNormalisation.collapse(String($0.unicodeScalars.prefix(80))) }
        default: nil
        }
    }

    @Test func fixturesArePresent() {
        guard SharedFixtures.require() else { return }
        #expect(SharedFixtures.names.count >= 32)
    }

    @Test(arguments: SharedFixtures.names)
    func fixtureMatchesTheReference(_ name: String) throws {
        guard SharedFixtures.require() else { return }
        let url = SharedFixtures.root.appendingPathComponent(name)
        let expectedURL = SharedFixtures.root.appendingPathComponent(name + ".expected.json")
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expectedURL))
        let deviations = Self.deviations[name] ?? []
        let result: ImportReader.Result
        do {
            result = try ImportReader.read(url: url, file: name)
        } catch {
            let refusal = deviations.compactMap { if case .refused(let text, _) = $0 { text } else { nil } }.first
            #expect(refusal != nil, "\(name) refused: \(error)")
            if let refusal { #expect(error.description.contains(refusal)) }
            #expect(error.file == name, "a refusal names the file")
            return
        }
        #expect(!deviations.contains { if case .refused = $0 { true } else { false } }, "\(name) should be refused")
        let records = result.parsed.records
        let count = deviations.compactMap { if case .recordCount(let n, _) = $0 { n } else { nil } }.first ?? expected.record_count
        #expect(records.count == count, "\(name): \(records.count) records, expected \(count)")
        for (index, reference) in expected.records.enumerated() where index < records.count {
            for field in ["title", "authors", "year", "doi", "abstract"] {
                var want = Self.normalisedExpected(field, reference)
                if field == "abstract", let w = want { want = FieldNormalisation.collapse(String(w.unicodeScalars.prefix(80))) }
                for case .field(let r, let f, let value, _) in deviations where r == index && f == field { want = value }
                let got = Self.actual(field, records[index])
                if field == "title", let w = want, w.contains("$") || w.contains("\\("),
                   deviations.contains(where: { if case .mathDecoded = $0 { true } else { false } }) {
                    #expect(got.map { !$0.contains("$") && !$0.contains("\\") } == true, "\(name) record \(index) title: \(got ?? "nil")")
                    continue
                }
                #expect(got == want, "\(name) record \(index) \(field)")
            }
        }
    }
}
