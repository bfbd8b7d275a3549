import Foundation
import Testing

/// `litcoder import` run as a user runs it: files in, corpus out, statuses and messages.
@Suite struct ImportCommandTests {
    /// A project folder with a corpus path and the given export files.
    struct Scratch {
        let root: URL
        init(files: [String: String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-import-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try "name: t\ncodebook: codebooks/ser.yaml\ncorpus: corpus/papers.jsonl\n"
                .write(to: root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
            for (name, text) in files {
                try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        }
        var corpus: String? { try? String(contentsOf: root.appendingPathComponent("corpus/papers.jsonl"), encoding: .utf8) }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let bib = """
        @article{doe2020, author = {Doe, Jane and Roe, Richard}, title = {Speech {Emotion} in the Wild},
          year = 2020, doi = {10.1/ABC}}
        @article{broken, title = {Never closed, year = 2021
        @article{lee2019, author = {Lee, K.}, title = {Call Centre Speech}, year = {2019}}
        """
    static let ris = """
        TY  - JOUR
        TI  - Speech emotion in the wild
        PY  - 2020
        AB  - An abstract only the RIS export has.
        ER  - 
        TY  - JOUR
        TI  - A new paper
        PY  - 2022
        DO  - 10.1/new
        ER  - 
        """

    @Test func importsMergesAndReports() throws {
        let scratch = try Scratch(files: ["refs.bib": Self.bib, "refs.ris": Self.ris])
        defer { scratch.remove() }
        let result = try LitcoderBinary.run(["import", "refs.bib", "refs.ris"], in: scratch.root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("added 3, duplicates 1, skipped 1"))
        #expect(result.stdout.contains("duplicate: refs.ris:1 is refs.bib:1 [doe2020] (same title and year); took abstract from it"))
        #expect(result.stderr.contains("refs.bib:3: error: @article skipped: unbalanced braces"))
        let lines = scratch.corpus?.split(separator: "\n") ?? []
        #expect(lines.count == 3)
        #expect(lines.first?.contains("\"abstract\":\"An abstract only the RIS export has.\"") == true)
        #expect(lines.first?.contains("\"authors\":[\"Doe, Jane\",\"Roe, Richard\"]") == true)

        // Importing the same files again adds nothing and changes nothing.
        let before = scratch.corpus
        let again = try LitcoderBinary.run(["import", "refs.ris"], in: scratch.root)
        #expect(again.stdout.contains("added 0, duplicates 2"))
        #expect(scratch.corpus == before)
    }

    @Test func dryRunAndStrictWriteNothing() throws {
        let scratch = try Scratch(files: ["refs.bib": Self.bib])
        defer { scratch.remove() }
        let dry = try LitcoderBinary.run(["import", "--dry-run", "refs.bib"], in: scratch.root)
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("dry run: nothing was written"))
        #expect(scratch.corpus == nil)
        let strict = try LitcoderBinary.run(["import", "--strict", "refs.bib"], in: scratch.root)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("nothing was imported"))
        #expect(scratch.corpus == nil)
    }

    @Test func refusedFilesAreNamedAndOthersStillImported() throws {
        let scratch = try Scratch(files: ["refs.ris": Self.ris, "empty.bib": "", "notes.txt": "just prose\n"])
        defer { scratch.remove() }
        let result = try LitcoderBinary.run(["import", "empty.bib", "notes.txt", "refs.ris"], in: scratch.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty.bib: error: the file is empty"))
        #expect(result.stderr.contains("notes.txt:1: error: not a format litcoder reads"))
        #expect(scratch.corpus?.split(separator: "\n").count == 2)
    }

    @Test(arguments: [
        ["import", "--format", "endnote", "refs.ris"],
        ["import", "--map", "nonsense", "refs.ris"],
        ["import", "--into", "elsewhere.jsonl", "refs.ris"],
        ["import"],
    ])
    func usageErrorsExit64(_ arguments: [String]) throws {
        let scratch = try Scratch(files: ["refs.ris": Self.ris])
        defer { scratch.remove() }
        let result = try LitcoderBinary.run(arguments, in: scratch.root)
        #expect(result.status == 64)
        #expect(scratch.corpus == nil)
    }

    @Test func mapNamesCSVColumns() throws {
        let scratch = try Scratch(files: ["table.csv": "Paper Name,When\nMapped paper,2021\n"])
        defer { scratch.remove() }
        let unmapped = try LitcoderBinary.run(["import", "table.csv"], in: scratch.root)
        #expect(unmapped.status == 1)
        #expect(unmapped.stderr.contains("--map title="))
        let mapped = try LitcoderBinary.run(["import", "--map", "title=Paper Name,year=When", "table.csv"], in: scratch.root)
        #expect(mapped.status == 0)
        #expect(scratch.corpus?.contains("\"title\":\"Mapped paper\",\"authors\":[],\"year\":2021") == true)
    }

    /// Records lacking a year and a DOI (matched by key or title) are not re-added by a second
    /// import, and the report names the paper already in the corpus.
    @Test func reimportingTheSameFileAddsNothing() throws {
        let noYear = """
            @article{noyear, title = {A Paper Without a Year}}
            @misc{abstractonly, abstract = {Only an abstract here.}}
            """
        let ris = "TY  - JOUR\nTI  - Undated RIS paper\nER  - \n"
        let scratch = try Scratch(files: ["noyear.bib": noYear, "wos.ris": ris])
        defer { scratch.remove() }
        let first = try LitcoderBinary.run(["import", "noyear.bib", "wos.ris"], in: scratch.root)
        #expect(first.status == 0)
        #expect(first.stdout.contains("added 3, duplicates 0"))
        let before = scratch.corpus
        let again = try LitcoderBinary.run(["import", "noyear.bib", "wos.ris"], in: scratch.root)
        #expect(again.status == 0)
        #expect(again.stdout.contains("added 0, duplicates 3"))
        #expect(again.stdout.contains("duplicate: noyear.bib:1 already in the corpus as noyear (from noyear.bib:1)"))
        #expect(again.stdout.contains("duplicate: wos.ris:1 already in the corpus as p"))
        #expect(!again.stdout.contains("wos.ris:1 is wos.ris:1"))
        #expect(scratch.corpus == before)
    }

    /// A corpus with a line litcoder cannot read is never rewritten, and the report says what
    /// would have been added rather than "added".
    @Test func blockedImportDoesNotSayAdded() throws {
        let scratch = try Scratch(files: ["refs.ris": Self.ris])
        defer { scratch.remove() }
        let corpusFolder = scratch.root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpusFolder, withIntermediateDirectories: true)
        let broken = "{\"id\":\"old\",\"title\":\"Old paper\",\"abstract\":\"\"}\n{not json\n"
        try broken.write(to: corpusFolder.appendingPathComponent("papers.jsonl"), atomically: true, encoding: .utf8)
        let result = try LitcoderBinary.run(["import", "refs.ris"], in: scratch.root)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("added"))
        #expect(result.stdout.contains("would add 2"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(scratch.corpus == broken)
    }

    /// A malformed CSV row is skipped and named by FILE:LINE; an unreadable year is a warning
    /// naming FILE:LINE and the value.
    @Test func malformedCSVRowsAreReported() throws {
        let csv = "Title,Year,DOI,Abstract\nGood one,2020,10.9/a,fine\n\"Unclosed title,2021,10.9/b,\"abs\"\nWordy year,twenty,,x\n"
        let scratch = try Scratch(files: ["table.csv": csv])
        defer { scratch.remove() }
        let result = try LitcoderBinary.run(["import", "table.csv"], in: scratch.root)
        #expect(result.stdout.contains("added 2, duplicates 0, skipped 1"))
        #expect(result.stderr.contains("table.csv:3: error:"))
        #expect(result.stderr.contains("table.csv:4: warning: year 'twenty'"))
        #expect(scratch.corpus?.contains("Unclosed") == false)
    }
}
