import Foundation
import LitCoderCore
import Testing

/// Starting a real survey: `init --empty`, the sample warning, `corpus drop-sample`,
/// `duplicates` and `prisma`, run as a user runs them.
@Suite struct SurveyStartCommandTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-survey-\(UUID().uuidString)")
    }

    static func read(_ root: URL, _ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    }

    @Test func initEmptyStartsWithTheBundledCodebookAndNoPapers() throws {
        let root = Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try LitcoderBinary.run(["init", root.path, "--empty"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("  corpus    corpus/papers.jsonl (0 papers)\n"))
        #expect(made.stdout.contains("litcoder import scopus.csv wos.ris"))
        #expect(try Self.read(root, "corpus/papers.jsonl") == "")
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("codebooks/ser-survey.yaml")
        #expect(try Self.read(root, "codebooks/ser-survey.yaml") == (try String(contentsOf: bundled, encoding: .utf8)))

        let named = Self.folder()
        defer { try? FileManager.default.removeItem(at: named) }
        let ser = try LitcoderBinary.run(["init", named.path, "--codebook", "ser"])
        #expect(ser.status == 0, "\(ser.stderr)")
        #expect(try Self.read(named, "codebooks/ser-survey.yaml") == (try Self.read(root, "codebooks/ser-survey.yaml")))
        #expect(ser.stdout.contains("(44 papers, illustrative and invented: to try litcoder)"))
        #expect(ser.stdout.hasSuffix("For a real survey: litcoder init NAME --empty\n"))

        let both = try LitcoderBinary.run(["init", Self.folder().path, "--empty", "--corpus", "x.jsonl"])
        #expect(both.status == 64)
    }

    @Test func importWarnsAboutTheSampleAndDropSampleRemovesIt() throws {
        let root = Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try LitcoderBinary.run(["init", root.path]).status == 0)
        try "@article{doe2020, title = {A real paper}, year = 2020}\n"
            .write(to: root.appendingPathComponent("refs.bib"), atomically: true, encoding: .utf8)
        let imported = try LitcoderBinary.run(["import", "refs.bib", "--into", "corpus/ser-sample.jsonl"], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("warning: the corpus holds the 44 illustrative sample papers of litcoder's SER sample; "
            + "they are invented and would mix into your survey. Remove them first with 'litcoder corpus drop-sample'"))

        // A coded sample paper stops it, changing nothing.
        #expect(try LitcoderBinary.run(["set", "sample-02-depression-acted-lab", "relevance=ser-core", "--coder", "ann"], in: root).status == 0)
        let before = try Self.read(root, "corpus/ser-sample.jsonl")
        let refused = try LitcoderBinary.run(["corpus", "drop-sample"], in: root)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: 1 of the 44 sample papers has been coded (sample-02-depression-acted-lab, by ann); nothing was removed"))
        #expect(try Self.read(root, "corpus/ser-sample.jsonl") == before)

        try FileManager.default.removeItem(at: root.appendingPathComponent("codings/ann.jsonl"))
        let dropped = try LitcoderBinary.run(["corpus", "drop-sample"], in: root)
        #expect(dropped.status == 0, "\(dropped.stderr)")
        #expect(dropped.stdout == "corpus/ser-sample.jsonl: removed 44 sample papers\n")
        #expect(try Self.read(root, "corpus/ser-sample.jsonl") == #"{"id":"doe2020","title":"A real paper","authors":[],"year":2020,"abstract":"","keywords":[],"source":"refs.bib:1"}"# + "\n")
        let again = try LitcoderBinary.run(["import", "refs.bib"], in: root)
        #expect(!again.stderr.contains("sample papers"))
    }

    static let bib = """
        @article{jones2021,
          title = {Editorial},
          author = {Jones, Bo},
          year = {2021},
          journal = {Speech Journal}
        }
        @article{smith2020,
          title = {Deep learning for speech emotion},
          author = {Smith, Ann},
          year = {2020},
          doi = {10.1000/abc},
          journal = {Speech Journal}
        }

        """
    static let ris = """
        TY  - JOUR
        TI  - Editorial
        AU  - Brown, Cy
        PY  - 2021
        T2  - Another Journal
        ER  - 
        TY  - JOUR
        TI  - Deep Learning for Speech Emotion
        DO  - 10.1000/ABC
        PY  - 2020
        AB  - An abstract.
        ER  - 
        TY  - JOUR
        TI  - Emotion in call centres
        PY  - 2022
        ER  - 

        """

    /// a.bib: 2 papers. b.ris: the Editorial (same title and year as jones2021, a wrong
    /// merge), smith2020 again (same DOI) and a new paper. Splitting d1 makes the second
    /// Editorial a paper; re-importing b.ris then merges each record into its own paper.
    @Test func duplicatesAreListedSplitAndRemembered() throws {
        let root = Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try LitcoderBinary.run(["init", root.path, "--empty"]).status == 0)
        try Self.bib.write(to: root.appendingPathComponent("a.bib"), atomically: true, encoding: .utf8)
        try Self.ris.write(to: root.appendingPathComponent("b.ris"), atomically: true, encoding: .utf8)
        let imported = try LitcoderBinary.run(["import", "a.bib", "b.ris"], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix("added 3, duplicates 2, skipped 0\nwrote corpus/papers.jsonl, corpus/_imports.jsonl\n"))

        let listed = try LitcoderBinary.run(["duplicates"], in: root)
        #expect(listed.stdout == """
            id  record   merged into  from     match       took      now
            --  -------  -----------  -------  ----------  --------  ------
            d1  b.ris:1  jones2021    a.bib:1  title+year            merged
            d2  b.ris:7  smith2020    a.bib:7  doi         abstract  merged

            2 merges, 2 in effect; 'litcoder duplicates split ID' makes a wrongly merged record a paper of its own

            """)
        let split = try LitcoderBinary.run(["duplicates", "split", "d1"], in: root)
        #expect(split.status == 0, "\(split.stderr)")
        let corpus = try Self.read(root, "corpus/papers.jsonl").split(separator: "\n")
        #expect(corpus.count == 4)
        #expect(corpus[1].contains(#""title":"Editorial","authors":["Brown, Cy"],"year":2021,"venue":"Another Journal""#))
        let id = try #require(corpus[1].split(separator: "\"").dropFirst(3).first.map(String.init))
        #expect(split.stdout.hasPrefix("d1: b.ris:1 is now paper '\(id)' in corpus/papers.jsonl, apart from 'jones2021'\n"))
        let twice = try LitcoderBinary.run(["duplicates", "split", "d1"], in: root)
        #expect(twice.status == 1)
        let unknown = try LitcoderBinary.run(["duplicates", "split", "d9"], in: root)
        #expect(unknown.status == 64)

        let third = ImportMerger.hashID(title: "Emotion in call centres", year: 2022)
        let again = try LitcoderBinary.run(["import", "b.ris"], in: root)
        #expect(again.stdout.contains("duplicate: b.ris:1 already in the corpus as \(id) (from b.ris:1) (same title and year)"))
        let json = try LitcoderBinary.run(["duplicates", "--format", "json"], in: root)
        let merges = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["duplicates"] as? [[String: Any]])
        #expect(merges.map { $0["id"] as? String } == ["d1", "d2", "d3", "d4", "d5"])
        #expect(merges.map { $0["kept"] as? String } == ["jones2021", "smith2020", id, "smith2020", third])
        #expect(merges[0]["split"] as? String == id)
        #expect(merges[0]["match"] as? String == "title+year")

        // PRISMA: a.bib 2 + b.ris 3 + b.ris 3 = 8 identified; d2 d3 d4 d5 removed (d1 split);
        // ann screened jones2021 in and the call-centre paper out; 2 of 4 not yet screened.
        #expect(try LitcoderBinary.run(["set", "jones2021", "relevance=ser-core", "--coder", "ann"], in: root).status == 0)
        #expect(try LitcoderBinary.run(["set", third, "relevance=out-of-scope", "--coder", "ann"], in: root).status == 0)
        let prisma = try LitcoderBinary.run(["prisma", "--coder", "ann", "--format", "json"], in: root)
        #expect(prisma.status == 0, "\(prisma.stderr)")
        #expect(prisma.stdout == """
            {
              "identified": 8,
              "by_source": {
                "a.bib": 2,
                "b.ris": 6
              },
              "duplicates_removed": 4,
              "removed_other": 0,
              "screened": 2,
              "excluded": 1,
              "excluded_by_reason": {
                "out-of-scope": 1
              },
              "included": 1,
              "awaiting": 2,
              "screening": {
                "dimension": "relevance",
                "decisions": "coder:ann"
              },
              "imported_not_in_corpus": 0
            }

            """)
        let text = try LitcoderBinary.run(["prisma", "--coder", "ann"], in: root)
        #expect(text.stdout == """
            PRISMA 2020 flow

            Identification
              Records identified                                  8
                a.bib                                             2
                b.ris                                             6
              Duplicate records removed                           4
              Records removed for other reasons                   0

            Screening
              Records screened                                    2
              Records excluded                                    1
                Not about emotion in speech (out-of-scope)        1
              Records not yet screened                            2

            Included
              Studies included in review                          1

            Screening decisions of coder ann on 'relevance'; records from corpus/_imports.jsonl.
            Removed for other reasons: entries that could not be read, or had neither a title nor an abstract.

            """)
        let noConsensus = try LitcoderBinary.run(["prisma", "--format", "json"], in: root)
        #expect(noConsensus.status == 0)
        #expect(noConsensus.stderr.hasPrefix("note: there is no consensus yet, so no paper counts as screened"))
        #expect(noConsensus.stdout.contains("\"screened\": 0,") && noConsensus.stdout.contains("\"awaiting\": 4,"))
    }
}
