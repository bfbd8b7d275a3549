import LitCoderCore
import Testing

/// JSON Lines: litcoder's own records and what other tools write.
@Suite struct JSONLinesImportTests {
    @Test(arguments: [
        (#"{"id":"p1","title":"Own","authors":["Doe, J."],"year":2020,"doi":"10.1/x","abstract":"A."}"#, ["Doe, J."], "A."),
        (#"{"title":"Zotero","abstractNote":"B.","author":"Doe, J.; Roe, R.","date":"2020-05-01"}"#, ["Doe, J.", "Roe, R."], "B."),
        (#"{"title":"S2","abstract":"C.","authors":[{"authorId":"1","name":"Jane Doe"}],"year":"2020","externalIds":{"DOI":"10.1/Y"}}"#, ["Jane Doe"], "C."),
        (#"{"title":"CSL","author":[{"family":"Doe","given":"Jane"}],"issued":{"date-parts":[[2020,1]]}}"#, ["Doe, Jane"], nil),
        (#"{"title":"And","authors":"Jane Doe and Rick Roe","year":2020}"#, ["Jane Doe", "Rick Roe"], nil),
    ] as [(String, [String], String?)])
    func variants(_ line: String, _ authors: [String], _ abstract: String?) {
        let parsed = JSONLinesImporter.parse(Array(line.utf8), file: "x.jsonl")
        #expect(parsed.records.first?.authors == authors)
        #expect(parsed.records.first?.abstract == abstract)
        #expect(parsed.records.first?.year == 2020)
    }

    @Test func badLineIsSkippedWithItsLine() {
        let parsed = JSONLinesImporter.parse(Array("{\"title\":\"a\"}\n\n{broken\n{\"title\":\"b\"}\n".utf8), file: "x.jsonl")
        #expect(parsed.records.map(\.title) == ["a", "b"])
        #expect(parsed.diagnostics.map(\.location) == ["x.jsonl:3"])
    }
}
