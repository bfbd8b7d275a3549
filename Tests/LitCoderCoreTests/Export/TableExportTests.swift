import Foundation
import Testing
@testable import LitCoderCore

@Suite struct TableExportTests {
    @Test func wideCSVHasOneRowPerPaperAndOneColumnPerMultiCode() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        try fixture.codeSample()
        let set = try CodedSet.load(try fixture.workspace(), selection: .coder("alice"))
        let table = try CSVTable(data: Data(WideCSVExport.render(set)))
        let header = try #require(table.records.first).fields
        #expect(header == [
            "id", "title", "year", "doi", "relevance",
            "motivation", "motivation.healthcare", "motivation.voice-assistant", "motivation.not-stated",
            "dataset", "dataset.iemocap", "dataset.msp-podcast", "dataset.cemo", "comment", "note", "flagged", "done",
            "motivation-data",
        ])
        let rows = table.records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) }
        #expect(rows.map { $0["id"] } == ExportFixture.papers.map(\.id), "every corpus paper, in corpus order")
        let p1 = try #require(rows.first)
        #expect(p1["title"] == ExportFixture.papers[0].title)
        #expect(p1["year"] == "2021")
        #expect(p1["motivation"] == "voice-assistant;healthcare")
        #expect(p1["motivation.healthcare"] == "1")
        #expect(p1["motivation.voice-assistant"] == "1")
        #expect(p1["motivation.not-stated"] == "0")
        #expect(p1["comment"] == "uses, commas \"and quotes\"\nand a line")
        #expect(p1["note"] == "note, with comma")
        #expect(p1["flagged"] == "1" && p1["done"] == "1")
        #expect(p1["motivation-data"] == "mismatched", "IEMOCAP serves neither healthcare nor a voice assistant")
        #expect(rows[2]["motivation-data"] == "undetermined")
        #expect(rows[1]["title"] == "Sprachemotion für Ältere\nzweite Zeile")
        #expect(rows[2]["title"] == " leading space" && rows[2]["year"] == "" && rows[2]["relevance"] == "")
        #expect(rows[2]["motivation"] == "" && rows[2]["motivation.healthcare"] == ""
                && rows[2]["motivation.not-stated"] == "", "not coded is missing (NA), not 0")
        #expect(rows[3]["title"] == "情感识别" && rows[3]["dataset"] == "msp-podcast;iemocap")
        #expect(table.records.allSatisfy { $0.fields.count == header.count })
    }

    @Test func wideCSVWithAllHasACoderColumnAndOnlyTouchedPapers() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        try fixture.codeSample()
        let set = try CodedSet.load(try fixture.workspace(), selection: .all)
        let table = try CSVTable(data: Data(WideCSVExport.render(set)))
        #expect(table.records.first?.fields.prefix(3) == ["id", "coder", "title"])
        let keys = table.records.dropFirst().map { "\($0.fields[0])/\($0.fields[1])" }
        #expect(keys == ["p1/alice", "p1/bob", "p2/alice", "p3/bob", "p4/alice"])
    }

    @Test func longCSVThenImportGivesBackTheSameCodes() throws {
        let source = try ExportFixture()
        defer { source.remove() }
        try source.codeSample()
        let sourceWorkspace = try source.workspace()
        let exported = Data(LongCSVExport.render(try CodedSet.load(sourceWorkspace, selection: .all)))

        let target = try ExportFixture()
        defer { target.remove() }
        let targetWorkspace = try target.workspace()
        for coder in ["alice", "bob"] {
            let plan = try CodingsImport.plan(
                exported, file: "long.csv", coder: coder, codebook: targetWorkspace.codebook,
                corpus: targetWorkspace.corpus, current: CodingState(coder: coder))
            try target.code(coder, plan.events)
            let (before, _) = try sourceWorkspace.state(coder: coder)
            let (after, _) = try targetWorkspace.state(coder: coder)
            for paper in ExportFixture.papers.map(\.id) {
                #expect(after.coding(for: paper).codes == before.coding(for: paper).codes, "\(coder) \(paper)")
                #expect(after.coding(for: paper).texts == before.coding(for: paper).texts, "\(coder) \(paper)")
            }
            // The same file again changes nothing.
            let again = try CodingsImport.plan(
                exported, file: "long.csv", coder: coder, codebook: targetWorkspace.codebook,
                corpus: targetWorkspace.corpus, current: after)
            #expect(again.events.isEmpty)
            #expect(again.unchangedCount == plan.events.count)
        }
        // And exporting the imported project gives the same file.
        let reexported = Data(LongCSVExport.render(try CodedSet.load(targetWorkspace, selection: .all)))
        #expect(reexported == exported)
    }

    @Test func jsonCarriesMetadataCodingsNotesAndFlags() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        try fixture.codeSample()
        let set = try CodedSet.load(try fixture.workspace(), selection: .all)
        let document = try JSONDecoder().decode(JSONExport.Document.self, from: Data(try JSONExport.renderDocument(set)))
        #expect(document.project == "Mini survey")
        #expect(document.codebook.id == "mini-ser" && document.codebook.contentHash.count == 64)
        #expect(document.coders == ["alice", "bob"])
        let p1 = try #require(document.papers.first)
        #expect(p1.paper == ExportFixture.papers[0])
        #expect(p1.codings["alice"]?.codes["motivation"] == ["voice-assistant", "healthcare"])
        #expect(p1.codings["alice"]?.note == "note, with comma")
        #expect(p1.codings["alice"]?.flagged == true)
        #expect(p1.codings["bob"]?.codes["motivation"] == ["healthcare"])
        let alignment = try #require(p1.codings["alice"]?.alignments["motivation-data"])
        #expect(alignment.outcome == "mismatched")
        #expect(Set(alignment.unserved) == ["healthcare", "voice-assistant"])
        #expect(alignment.provided == ["acted", "lab"])
        #expect(p1.codings["bob"]?.alignments["motivation-data"]?.reason == "to-not-coded")

        let lines = try JSONExport.renderLines(set).split(separator: UInt8(ascii: "\n"))
        let records = try lines.map { try JSONDecoder().decode(JSONExport.PaperRecord.self, from: Data($0)) }
        #expect(records == document.papers)
        #expect(try JSONExport.renderLines(set) == JSONExport.renderLines(set), "byte-identical across exports")
    }
}
