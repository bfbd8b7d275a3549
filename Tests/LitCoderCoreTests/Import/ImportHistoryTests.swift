import Foundation
import Testing
@testable import LitCoderCore

/// What imports record in `corpus/_imports.jsonl`, undoing a merge, and re-imports after it.
@Suite struct ImportHistoryTests {
    static let bib = """
        @article{smith2020deep,
          title = {Deep Learning for Speech Emotion},
          author = {Smith, Ann and Lee, Kim},
          year = {2020},
          journal = {Speech Journal},
          doi = {10.1000/abc}
        }
        @inproceedings{jones2021,
          title = {Editorial},
          author = {Jones, Bo},
          year = {2021},
          booktitle = {Proceedings of Interspeech}
        }
        @misc{broken,
          author = {Nobody}
        }

        """

    static let ris = """
        TY  - JOUR
        TI  - Deep learning for speech emotion
        AU  - Smith, Ann
        PY  - 2020
        DO  - 10.1000/ABC
        AB  - An abstract only the second export had.
        ER  - 
        TY  - JOUR
        TI  - Editorial
        AU  - Brown, Cy
        PY  - 2021
        T2  - Another Journal
        ER  - 
        TY  - JOUR
        TI  - A third paper
        PY  - 2019
        ER  - 

        """

    /// Imports a.bib then b.ris into an empty corpus; returns the session and the folder.
    static func importBoth(_ folder: TemporaryFolder, existing: [Paper] = [], keptApart: [(kept: String, paper: String)] = [])
        throws -> CorpusImport {
        try folder.write("a.bib", bib)
        try folder.write("b.ris", ris)
        let file = CorpusImport.CorpusFile(url: folder.file("corpus/papers.jsonl"), name: "corpus/papers.jsonl",
                                           papers: existing, hasUnreadableLines: false)
        var session = CorpusImport(corpusFiles: [file], target: 0, keptApart: keptApart)
        session.read(url: folder.file("a.bib"), file: "a.bib", options: .init())
        session.read(url: folder.file("b.ris"), file: "b.ris", options: .init())
        return session
    }

    /// Worked out from the two files: a.bib holds 3 entries (the third, with neither title nor
    /// abstract, is skipped); b.ris's first record has a.bib's DOI (and gives its abstract), its
    /// second the title and year of jones2021, its third is new.
    @Test func anImportRecordsEachFileAndEachMerge() throws {
        let folder = try TemporaryFolder()
        let session = try Self.importBoth(folder)
        let text = session.historyLines(after: ImportHistory(), time: "2026-01-02T03:04:05.678Z")
        let id = ImportMerger.hashID(title: "A third paper", year: 2019)
        #expect(text == """
            {"import":1,"time":"2026-01-02T03:04:05.678Z","file":"a.bib","format":"bibtex","records":3,"duplicates":0,"skipped":1,"added":["smith2020deep","jones2021"]}
            {"import":2,"time":"2026-01-02T03:04:05.678Z","file":"b.ris","format":"ris","records":3,"duplicates":2,"skipped":0,"added":["\(id)"]}
            {"duplicate":"d1","import":2,"kept":"smith2020deep","kept_source":"a.bib:1","source":"b.ris:1","match":"doi","completed":["abstract"],"record":{"id":"","title":"Deep learning for speech emotion","authors":["Smith, Ann"],"year":2020,"doi":"10.1000/abc","abstract":"An abstract only the second export had.","keywords":[],"source":"b.ris:1"}}
            {"duplicate":"d2","import":2,"kept":"jones2021","kept_source":"a.bib:8","source":"b.ris:8","match":"title+year","completed":[],"record":{"id":"","title":"Editorial","authors":["Brown, Cy"],"year":2021,"venue":"Another Journal","abstract":"","keywords":[],"source":"b.ris:8"}}

            """)
        try ImportHistory.append(text, to: folder.file("corpus/_imports.jsonl"))
        let (history, problems) = ImportHistory.load(url: folder.file("corpus/_imports.jsonl"), displayPath: "corpus/_imports.jsonl")
        #expect(problems.isEmpty)
        #expect(history.imports.map(\.file) == ["a.bib", "b.ris"])
        #expect(history.imports.map(\.records) == [3, 3])
        #expect(history.imports.map(\.skipped) == [1, 0])
        #expect(history.merges.map(\.id) == ["d1", "d2"])
        #expect(history.merges[1].record.authors == ["Brown, Cy"])
        #expect(history.merges[1].match == .sameTitleAndYear)
        #expect(history.nextImportNumber == 3 && history.nextMergeNumber == 3)
        // Numbering goes on from what the file holds.
        let more = session.historyLines(after: history, time: "T")
        #expect(more.hasPrefix("{\"import\":3,"))
        #expect(more.contains("{\"duplicate\":\"d3\","))
    }

    /// Splitting d2 makes b.ris:8 a paper of its own after jones2021; splitting d1 also gives
    /// back the abstract smith2020deep took from it.
    @Test func aSplitMakesTheRecordAPaperAndGivesFieldsBack() throws {
        let folder = try TemporaryFolder()
        let session = try Self.importBoth(folder)
        try session.write()
        try ImportHistory.append(session.historyLines(after: ImportHistory(), time: "T"), to: folder.file("corpus/_imports.jsonl"))
        let history = ImportHistory.load(url: folder.file("corpus/_imports.jsonl"), displayPath: "h").0
        var files = CorpusImport.loadCorpusFiles([folder.file("corpus/papers.jsonl")], names: ["corpus/papers.jsonl"], target: 0).0

        let editorial = try DuplicateSplit.split(try #require(history.merge("d2")), in: &files)
        let hash = ImportMerger.hashID(title: "Editorial", year: 2021)
        #expect(editorial.paper.id == hash)
        #expect(editorial.paper.authors == ["Brown, Cy"] && editorial.paper.venue == "Another Journal")
        #expect(editorial.restored.isEmpty)
        #expect(files[0].papers.map(\.id) == ["smith2020deep", "jones2021", hash, ImportMerger.hashID(title: "A third paper", year: 2019)])

        let deep = try DuplicateSplit.split(try #require(history.merge("d1")), in: &files)
        #expect(deep.paper.id == "10.1000/abc", "no key: the DOI, which no other paper has as its id")
        #expect(deep.restored == ["abstract"])
        #expect(files[0].papers[0].abstract == "")
        #expect(files[0].papers[1].abstract == "An abstract only the second export had.")
    }

    /// After the split, importing the same files again merges each record into its own paper.
    @Test func reimportsKeepSplitPapersApart() throws {
        let folder = try TemporaryFolder()
        let first = try Self.importBoth(folder)
        var papers = Array(first.merger.papers)
        let split = Paper(id: "brown-editorial", title: "Editorial", authors: ["Brown, Cy"], year: 2021,
                          venue: "Another Journal", source: "b.ris:8")
        papers.insert(split, at: 2)
        let again = try Self.importBoth(folder, existing: papers, keptApart: [(kept: "jones2021", paper: "brown-editorial")])
        #expect(again.merger.added.isEmpty)
        #expect(again.merger.duplicates.map(\.keptID) == ["smith2020deep", "jones2021", "smith2020deep", "brown-editorial",
                                                          ImportMerger.hashID(title: "A third paper", year: 2019)])
        // Without the decision the second Editorial would be merged into jones2021 again.
        let forgetful = try Self.importBoth(folder, existing: papers)
        #expect(forgetful.merger.duplicates[3].keptID == "jones2021")
    }
}
