import Foundation
import LitCoderCore
import Testing

/// `export --format bibtex|ris`: what it writes re-imports into litcoder as the same records,
/// and the Python readers reference managers' users script with (bibtexparser 2, rispy) read it.
@Suite struct BibliographyExportCommandTests {
    /// Papers with everything a bibliography must survive: LaTeX's special characters, `--`,
    /// accents, CJK, a corporate author, braces in a DOI, a URL with `%` and `#`. Keys by
    /// hand: smith2020deep is a good key; Wang, 2019 and "Wild" (情感识别 has no ASCII letter,
    /// "in" and "the" are small words); Öster, 2018 and "paper".
    static let papers: [Paper] = [
        Paper(id: "smith2020deep", title: "Deep Learning -- for R&D: 50% of $x_1$ ~ {y} #1 \\ back^slash",
              authors: ["Smith, Ann", "Müller, Jürgen"], year: 2020, venue: "Journal of Speech & Emotion",
              doi: "10.1000/abc_{1}", url: "https://ex.org/a_b%20c?x=1#frag", abstract: "An abstract with \"quotes\", 5% and —dashes.",
              keywords: ["speech", "emotion recognition"]),
        Paper(id: "10.1/conf", title: "情感识别 in the Wild", authors: ["Wang, Li", "World Health Organization"], year: 2019,
              venue: "Proceedings of Interspeech", abstract: "Ünïcödé text."),
        Paper(id: "p0123456789", title: "A paper with no venue", authors: ["Öster, Jens"], year: 2018),
    ]

    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-bib-\(UUID().uuidString)")
        #expect(try LitcoderBinary.run(["init", root.path, "--empty"]).status == 0)
        let lines = papers.map { PaperJSONLine.encode($0) }.joined(separator: "\n") + "\n"
        try lines.write(to: root.appendingPathComponent("corpus/papers.jsonl"), atomically: true, encoding: .utf8)
        return root
    }

    /// The papers a fresh project holds after importing `file`.
    static func reimported(_ file: URL) throws -> [Paper] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-bib-again-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try LitcoderBinary.run(["init", root.path, "--empty"]).status == 0)
        let imported = try LitcoderBinary.run(["import", file.path], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")
        let (corpus, problems) = Corpus.load(files: [root.appendingPathComponent("corpus/papers.jsonl")])
        #expect(problems.isEmpty)
        return corpus.papers
    }

    @Test(arguments: ["bibtex", "ris"])
    func theExportReimportsAsTheSameRecords(format: String) throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("out.\(format == "bibtex" ? "bib" : "ris")")
        let export = try LitcoderBinary.run(["export", "--format", format, "-o", file.path], in: root)
        #expect(export.status == 0, "\(export.stderr)")
        let again = try Self.reimported(file)
        #expect(again.count == Self.papers.count)
        for (original, read) in zip(Self.papers, again) {
            #expect(read.title == original.title)
            #expect(read.authors == original.authors)
            #expect(read.year == original.year)
            #expect(read.venue == original.venue)
            #expect(read.doi == original.doi)
            #expect(read.url == original.url)
            #expect(read.abstract == original.abstract)
            #expect(read.keywords == original.keywords)
        }
        if format == "bibtex" {
            // Good keys come back as the ids; the others are made from author, year and title.
            #expect(again.map(\.id) == ["smith2020deep", "wang2019wild", "oster2018paper"])
        }
    }

    @Test func whereExportsThePapersCodedSo() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        for (paper, code) in [("smith2020deep", "ser-core"), ("10.1/conf", "out-of-scope"), ("p0123456789", "ser-dataset")] {
            #expect(try LitcoderBinary.run(["set", paper, "relevance=\(code)", "--coder", "ann"], in: root).status == 0)
        }
        let result = try LitcoderBinary.run(["export", "--format", "ris", "--coder", "ann", "--where", "relevance=ser-core,ser-dataset"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "\nER  - \n").count - 1 == 2)
        #expect(result.stdout.contains("ID  - smith2020deep\n") && result.stdout.contains("ID  - oster2018paper\n"))
        #expect(result.stderr == "note: 2 of 3 papers coded so by ann\n")
        let both = try LitcoderBinary.run(["export", "--format", "bibtex", "--coder", "ann", "--where", "relevance=ser-core",
                                           "--where", "motivation=healthcare"], in: root)
        #expect(both.stdout.isEmpty)
        let noScope = try LitcoderBinary.run(["export", "--format", "bibtex", "--where", "relevance=ser-core"], in: root)
        #expect(noScope.status == 64)
        #expect(noScope.stderr.hasPrefix("error: --where needs whose codes to read: add --consensus or --coder NAME"))
        let typo = try LitcoderBinary.run(["export", "--format", "bibtex", "--coder", "ann", "--where", "relevance=ser-cor"], in: root)
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("dimension 'relevance' has no code 'ser-cor'; did you mean 'ser-core'?"))
    }

    /// With `--consensus`, the bibliography says how complete the consensus is, as every
    /// consensus export does: ann and bob agree on smith2020deep (ser-core) and differ on
    /// 10.1/conf (ser-core, ser-adjacent), so 1 agreed and 1 open; only smith2020deep passes.
    @Test(arguments: ["bibtex", "ris"])
    func theConsensusBibliographySaysHowCompleteTheConsensusIs(format: String) throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        for (paper, coder, code) in [("smith2020deep", "ann", "ser-core"), ("smith2020deep", "bob", "ser-core"),
                                     ("10.1/conf", "ann", "ser-core"), ("10.1/conf", "bob", "ser-adjacent")] {
            #expect(try LitcoderBinary.run(["set", paper, "relevance=\(code)", "--coder", coder], in: root).status == 0)
        }
        #expect(try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "cy"], in: root).status == 0)
        let result = try LitcoderBinary.run(["export", "--format", format, "--consensus", "--where", "relevance=ser-core,ser-adjacent"],
                                            in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "note: consensus: 1 agreed, 0 adjudicated by hand, 1 open (of 1 disagreement); "
            + "'litcoder review' decides the open ones\nnote: 1 of 3 papers coded so by the consensus\n")
        #expect(result.stdout.contains("smith2020deep") && !result.stdout.contains("Wild"), "\(result.stdout)")
    }

    /// A Python with bibtexparser 2 and rispy: `LITCODER_PYTHON`, else the one `.ci/run`
    /// installs them into, else `python3`; nil when none has them.
    static func python() -> String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [ProcessInfo.processInfo.environment["LITCODER_PYTHON"],
                          root.appendingPathComponent(".build/ci-python/bin/python3").path, "/usr/bin/env"].compactMap { $0 }
        for candidate in candidates {
            let arguments = candidate == "/usr/bin/env" ? ["python3"] : []
            let check = "import bibtexparser, rispy, sys; sys.exit(0 if int(bibtexparser.__version__.split('.')[0]) >= 2 else 1)"
            if let (status, _) = try? run(candidate, arguments + ["-c", check]), status == 0 {
                return candidate == "/usr/bin/env" ? "python3" : candidate
            }
        }
        return nil
    }

    static func run(_ program: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program == "python3" ? "/usr/bin/env" : program)
        process.arguments = program == "python3" ? ["python3"] + arguments : arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Reads both files with the Python libraries and prints what they found as JSON: for
    /// BibTeX the raw fields (DOI and URL are verbatim fields) and the LaTeX-decoded ones
    /// (pylatexenc writes \textasciicircum as U+02C6, which is turned back into ^).
    static let script = #"""
        import json, sys
        import bibtexparser, rispy
        import bibtexparser.middlewares as m
        raw = bibtexparser.parse_file(sys.argv[1])
        decoded = bibtexparser.parse_file(sys.argv[1], append_middleware=[
            m.SeparateCoAuthors(), m.LatexDecodingMiddleware()])
        out = {"failed": len(raw.failed_blocks), "bibtex": [], "ris": []}
        for r, d in zip(raw.entries, decoded.entries):
            f = {k: v.value for k, v in d.fields_dict.items()}
            out["bibtex"].append({
                "key": r.key, "type": r.entry_type, "title": f["title"].replace("\u02c6", "^"),
                "authors": [a.strip("{}") for a in f.get("author", [])], "year": f.get("year"),
                "venue": f.get("journal") or f.get("booktitle"), "abstract": f.get("abstract"),
                "doi": r.fields_dict["doi"].value if "doi" in r.fields_dict else None,
                "url": r.fields_dict["url"].value if "url" in r.fields_dict else None})
        with open(sys.argv[2], encoding="utf-8") as handle:
            for e in rispy.load(handle):
                out["ris"].append({"key": e.get("id"), "type": e.get("type_of_reference"), "title": e.get("title"),
                    "authors": e.get("authors", []), "year": e.get("year"), "venue": e.get("secondary_title"),
                    "abstract": e.get("abstract"), "doi": e.get("doi"), "url": (e.get("urls") or [None])[0],
                    "keywords": e.get("keywords", [])})
        print(json.dumps(out))
        """#

    @Test func bibtexparserAndRispyReadTheExports() throws {
        guard let python = Self.python() else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("no Python with bibtexparser 2 and rispy; .ci/run installs them into .build/ci-python")
            } else {
                print("note: no Python with bibtexparser 2 and rispy (set LITCODER_PYTHON); the check with them is skipped")
            }
            return
        }
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let bib = root.appendingPathComponent("out.bib"), ris = root.appendingPathComponent("out.ris")
        #expect(try LitcoderBinary.run(["export", "--format", "bibtex", "-o", bib.path], in: root).status == 0)
        #expect(try LitcoderBinary.run(["export", "--format", "ris", "-o", ris.path], in: root).status == 0)
        let scriptFile = root.appendingPathComponent("read.py")
        try Self.script.write(to: scriptFile, atomically: true, encoding: .utf8)
        let (status, output) = try Self.run(python, [scriptFile.path, bib.path, ris.path])
        #expect(status == 0, "\(output)")
        let read = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(read["failed"] as? Int == 0)
        let keys = ["smith2020deep", "wang2019wild", "oster2018paper"]
        for format in ["bibtex", "ris"] {
            let entries = try #require(read[format] as? [[String: Any]])
            #expect(entries.count == 3)
            #expect(entries.map { $0["key"] as? String } == keys)
            #expect(entries.map { $0["type"] as? String } == (format == "bibtex" ? ["article", "inproceedings", "misc"] : ["JOUR", "CONF", "GEN"]))
            for (paper, entry) in zip(Self.papers, entries) {
                #expect(entry["title"] as? String == paper.title, "\(format)")
                #expect(entry["year"] as? String == paper.year.map(String.init))
                #expect(entry["venue"] as? String == paper.venue)
                #expect(entry["abstract"] as? String == (paper.abstract.isEmpty ? nil : paper.abstract), "\(format)")
                #expect(entry["doi"] as? String == paper.doi.map { format == "bibtex" ? $0.replacingOccurrences(of: "{", with: "\\{").replacingOccurrences(of: "}", with: "\\}") : $0 })
                #expect(entry["url"] as? String == paper.url)
                #expect(entry["authors"] as? [String] == paper.authors, "\(format)")
            }
        }
        let risKeywords = (read["ris"] as? [[String: Any]])?.first?["keywords"] as? [String]
        #expect(risKeywords == ["speech", "emotion recognition"])
    }
}
