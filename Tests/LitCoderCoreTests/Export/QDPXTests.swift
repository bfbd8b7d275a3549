import Foundation
import Testing
@testable import LitCoderCore

/// The `.qdpx` export: a REFI-QDA project that the schema accepts, whose references all
/// resolve, whose selections count Unicode scalars, and that independent readers load.
@Suite struct QDPXTests {
    static let namespace = "urn:QDA-XML:project:1.0"

    /// The export fixture's two coders and a consensus with one decision by hand.
    static func codedSet() throws -> CodedSet {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        try fixture.codeSample()
        try fixture.code(CoderName.consensus, [
            .adjudicate(paper: "p1", dimension: "motivation", codes: ["healthcare"], sources: ["alice", "bob"],
                        adjudicator: "ana", reason: "both right", codebook: ""),
            .adjudicate(paper: "p1", dimension: "relevance", codes: ["ser-core"], sources: ["alice", "bob"],
                        adjudicator: "ana", automatic: true, codebook: ""),
        ])
        return try QDPXProject.codedSet(try fixture.workspace(), selection: .all)
    }

    /// A paper whose title and abstract hold accents (precomposed and combining), CJK, an
    /// emoji and a ZWJ family emoji: 33 Unicode scalars, 37 UTF-16 units, 28 characters.
    static let unicodePaper = Paper(id: "u/1", title: "Émotion 😀 情感", abstract: "Café 👩‍👩‍👧 e\u{301}motion")

    static func unicodeSet() throws -> CodedSet {
        let (codebook, problems) = CodebookLoader.parse(ExportFixture.codebookYAML, file: "mini.yaml")
        let loaded = try #require(codebook, "\(problems)")
        let state = CodingState(coder: "maya", replaying: [
            .set(paper: "u/1", dimension: "motivation", codes: ["healthcare", "voice-assistant"], coder: "maya", codebook: loaded.contentHash),
            .setText(paper: "u/1", dimension: "comment", text: "quotes & <brackets>", coder: "maya", codebook: loaded.contentHash),
        ])
        return CodedSet(projectName: "Unicode", codebook: loaded, corpus: Corpus(papers: [unicodePaper]), states: [state])
    }

    /// Quotes at hand-counted scalar offsets, the way evidence will supply them: `healthcare`
    /// on the decomposed "émotion" of the abstract, `voice-assistant` on the emoji of the title.
    struct QuoteSpans: CodingSpans {
        func spans(coder: String, paper: Paper, text: PaperPlainText, dimension: String, code: String?) -> [TextSpan] {
            switch code {
            case "healthcare": [text.span(TextSpan(start: 11, end: 19), in: .abstract)].compactMap { $0 }
            case "voice-assistant": [text.span(TextSpan(start: 8, end: 9), in: .title)].compactMap { $0 }
            default: [text.whole]
            }
        }
    }

    @Test func thePlainTextCountsUnicodeScalars() {
        let text = PaperPlainText(Self.unicodePaper)
        #expect(text.text == "Émotion 😀 情感\n\nCafé 👩‍👩‍👧 e\u{301}motion")
        #expect(text.length == 33)
        #expect(text.abstractStart == 14)
        #expect(text.span(TextSpan(start: 11, end: 19), in: .abstract) == TextSpan(start: 25, end: 33))
        #expect(text.span(TextSpan(start: 8, end: 9), in: .title) == TextSpan(start: 8, end: 9))
        #expect(text.span(TextSpan(start: 10, end: 13), in: .title) == nil, "past the title's end")
        #expect(text.span(TextSpan(start: 0, end: 20), in: .abstract) == nil, "past the abstract's end")
        let titleOnly = PaperPlainText(Paper(id: "t", title: "情感识别"))
        #expect(titleOnly.text == "情感识别" && titleOnly.length == 4 && titleOnly.abstractStart == nil)
        #expect(titleOnly.span(TextSpan(start: 0, end: 1), in: .abstract) == nil)
    }

    @Test func theProjectHoldsUsersCodebookSourcesCodingsAndNotes() throws {
        let set = try Self.codedSet()
        let document = QDPXProject.render(set)
        let root = try #require(XMLElementTree.parse(document.projectXML), "well-formed")
        #expect(root.name == "Project" && root.namespace == Self.namespace)
        #expect(root.attributes["name"] == "Mini survey")
        #expect(root.children.map(\.name) == ["Users", "CodeBook", "Variables", "Sources", "Notes", "Description"])

        let users = root.descendants(named: "User")
        #expect(users.map { $0.attributes["name"] } == ["alice", "bob", "consensus"])
        #expect(users.map { $0.attributes["id"] } == ["alice", "bob", "_consensus"])
        let userGUID = Dictionary(uniqueKeysWithValues: users.map { ($0.attributes["id"] ?? "", $0.attributes["guid"] ?? "") })

        // The CodeBook is the .qdc's tree, GUIDs included.
        let qdc = try #require(XMLElementTree.parse(QDCWriter.render(set.codebook)))
        let codes = root.descendants(named: "Code")
        #expect(codes.map { $0.attributes } == qdc.descendants(named: "Code").map { $0.attributes })

        // Every paper someone coded is a source named by its id (p5 was coded by nobody).
        let sources = root.descendants(named: "TextSource")
        #expect(sources.map { $0.attributes["name"] } == ["p1", "p2", "p3", "p4"])
        #expect(document.sources.map(\.text) == [
            "Emotion, speech and \"care\": a study\n\nx", "Sprachemotion für Ältere\nzweite Zeile\n\ny", " leading space", "情感识别",
        ])
        for (source, file) in zip(sources, document.sources) {
            let guid = try #require(source.attributes["guid"])
            #expect(source.attributes["plainTextPath"] == "internal://\(guid).txt")
            #expect(file.path == "sources/\(guid).txt")
        }

        // p1: alice's codings share one selection of the whole text (38 scalars, counted by
        // hand: a 35-character title, a blank line, "x"); bob's another; the consensus a third.
        let p1 = sources[0]
        let selections = p1.children.filter { $0.name == "PlainTextSelection" }
        #expect(selections.map { $0.attributes["startPosition"] } == ["0", "0", "0"])
        #expect(selections.map { $0.attributes["endPosition"] } == ["38", "38", "38"])
        #expect(selections.map { $0.attributes["creatingUser"] } == [userGUID["alice"], userGUID["bob"], userGUID["_consensus"]])
        func codeNames(_ selection: XMLElementTree.Element) -> [String] {
            selection.descendants(named: "CodeRef").map { ref in
                codes.first { $0.attributes["guid"] == ref.attributes["targetGUID"] }?.attributes["name"] ?? "?"
            }
        }
        #expect(codeNames(selections[0]) == ["SER core", "Voice assistant", "Healthcare", "IEMOCAP", "Comment"])
        #expect(codeNames(selections[1]) == ["SER core", "Healthcare"])
        #expect(codeNames(selections[2]) == ["SER core", "Healthcare"])
        #expect(selections[0].descendants(named: "Coding").allSatisfy { $0.attributes["creatingUser"] == userGUID["alice"] })
        // p2's title has ü and Ä (2 bytes each in UTF-8): 37 + 2 + 1 scalars, not 42 bytes.
        #expect(sources[1].children.first { $0.name == "PlainTextSelection" }?.attributes["endPosition"] == "40")

        // Notes: alice's note on p1, her comment, and the consensus' two decisions.
        let notes = root.descendants(named: "Note")
        let noteText = Dictionary(uniqueKeysWithValues: notes.map {
            ($0.attributes["guid"] ?? "", ($0.attributes["name"] ?? "", $0.descendants(named: "PlainTextContent").first?.text ?? ""))
        })
        #expect(Set(noteText.values.map(\.0)) == ["Note by alice on p1", "Comment (alice)", "Consensus on Stated motivation", "Consensus on Relevance"])
        let sourceNotes = p1.children.filter { $0.name == "NoteRef" }.compactMap { noteText[$0.attributes["targetGUID"] ?? ""] }
        #expect(sourceNotes.map(\.1) == ["note, with comma"])
        let commentCoding = try #require(selections[0].children.last)
        #expect(commentCoding.descendants(named: "NoteRef").compactMap { noteText[$0.attributes["targetGUID"] ?? ""]?.1 }
                == ["uses, commas \"and quotes\"\nand a line"])
        let decisions = selections[2].descendants(named: "NoteRef").compactMap { noteText[$0.attributes["targetGUID"] ?? ""]?.1 }
        #expect(decisions == ["Taken automatically: alice, bob agreed.", "Decided by ana from the codings of alice, bob. Reason: both right"])

        // Paper attributes as variable values.
        let values = p1.children.filter { $0.name == "VariableValue" }.map { $0.children.last?.text ?? "" }
        #expect(values == ["2021", "10.1/a"])
        #expect(document.warnings.isEmpty, "\(document.warnings)")
    }

    /// Every GUID a project refers to is defined in it, and no GUID is defined twice.
    @Test func everyReferenceResolves() throws {
        let root = try #require(XMLElementTree.parse(QDPXProject.render(try Self.codedSet()).projectXML))
        var defined: [String] = []
        var referred: [String] = []
        func walk(_ element: XMLElementTree.Element) {
            if let guid = element.attributes["guid"] { defined.append(guid) }
            for key in ["targetGUID", "creatingUser"] { if let ref = element.attributes[key] { referred.append(ref) } }
            element.children.forEach(walk)
        }
        walk(root)
        #expect(Set(defined).count == defined.count, "unique GUIDs")
        #expect(Set(referred).subtracting(defined).isEmpty)
        #expect(defined.count > 40)
    }

    @Test func codesTheCodebookNoLongerHasAreLeftOutWithAWarning() throws {
        var set = try Self.codedSet()
        set.codebook.dimensions[1].codes.removeAll { $0.id == "healthcare" }
        set.codebook.dimensions.removeAll { $0.id == "comment" }
        let document = QDPXProject.render(set)
        #expect(!document.projectXML.contains(StableGUID.code("healthcare", dimension: "motivation", codebook: "mini-ser")))
        #expect(document.warnings.map(\.description) == [
            "codings/alice.jsonl: warning: paper 'p1': 2 coding(s) of codes the codebook does not have are left out of the project (first: motivation: healthcare)\n  hint: litcoder validate lists them; recode the paper or restore the codes",
            "codings/bob.jsonl: warning: paper 'p1': 1 coding(s) of codes the codebook does not have are left out of the project (first: motivation: healthcare)\n  hint: litcoder validate lists them; recode the paper or restore the codes",
            "codings/_consensus.jsonl: warning: paper 'p1': 1 coding(s) of codes the codebook does not have are left out of the project (first: motivation: healthcare)\n  hint: litcoder validate lists them; recode the paper or restore the codes",
        ])
    }

    @Test func selectionsComeFromTheSpansGivenAndBadOnesFallBackToTheWholeText() throws {
        struct Outside: CodingSpans {
            func spans(coder: String, paper: Paper, text: PaperPlainText, dimension: String, code: String?) -> [TextSpan] {
                [TextSpan(start: 30, end: 40), TextSpan(start: 5, end: 5)]
            }
        }
        let quoted = QDPXProject.render(try Self.unicodeSet(), spans: QuoteSpans()).projectXML
        #expect(quoted.contains("startPosition=\"8\" endPosition=\"9\""))
        #expect(quoted.contains("startPosition=\"25\" endPosition=\"33\""))
        #expect(quoted.contains("startPosition=\"0\" endPosition=\"33\""), "the text dimension covers the whole text")

        let document = QDPXProject.render(try Self.unicodeSet(), spans: Outside())
        #expect(document.projectXML.components(separatedBy: "<PlainTextSelection ").count == 2, "one selection, the whole text")
        #expect(document.projectXML.contains("startPosition=\"0\" endPosition=\"33\""))
        #expect(document.warnings.count == 3)
        #expect(document.warnings.first?.message == "paper 'u/1', motivation: healthcare: 2 selection(s) outside the paper's text are left out")
    }

    @Test func theSameFilesGiveTheSameBytes() throws {
        let first = try QDPXArchive.make(QDPXProject.render(try Self.codedSet()))
        let second = try QDPXArchive.make(QDPXProject.render(try Self.codedSet()))
        #expect(first == second)
        #expect(first.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a zip")
    }

    @Test func xmllintValidatesTheProjectAgainstProjectXSD() throws {
        guard let xmllint = QDPXTools.xmllint() else { return }
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("REFI-QDA/Project.xsd")
        let folder = try TemporaryFolder()
        func validate(_ xml: String) throws -> (Int32, String) {
            try folder.write("project.qde", xml)
            return try QDPXTools.run(xmllint, ["--noout", "--schema", schema.path, folder.file("project.qde").path])
        }
        for xml in [QDPXProject.render(try Self.codedSet()).projectXML,
                    QDPXProject.render(try Self.unicodeSet(), spans: QuoteSpans()).projectXML] {
            let (status, output) = try validate(xml)
            #expect(status == 0, "\(output)")
        }
        // The check can fail: a selection without its end is refused.
        let broken = QDPXProject.render(try Self.unicodeSet()).projectXML.replacingOccurrences(of: " endPosition=\"33\"", with: "")
        #expect(try validate(broken).0 != 0)
    }

    /// Python's own zip reader finds `project.qde` and the sources, deflated, dated 1980-01-01,
    /// as UTF-8 without a byte-order mark.
    @Test func pythonsZipReaderReadsTheArchive() throws {
        guard let python = QDPXTools.python(needing: nil) else { return }
        let folder = try TemporaryFolder()
        let archive = folder.file("u.qdpx")
        try QDPXArchive.make(QDPXProject.render(try Self.unicodeSet())).write(to: archive)
        let script = """
            import json, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            out = [[i.filename, i.compress_type, list(i.date_time), z.read(i).decode("utf-8")[:40] if i.filename.endswith(".txt") else ""] for i in z.infolist()]
            print(json.dumps(out))
            """
        let (status, output) = try QDPXTools.run(python, ["-c", script, archive.path])
        #expect(status == 0, "\(output)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[Any]])
        let guid = StableGUID.item("source", "u/1")
        #expect(entries.map { $0[0] as? String } == ["project.qde", "sources/\(guid).txt"])
        #expect(entries.allSatisfy { ($0[1] as? Int) == 8 }, "deflated")
        #expect(entries.allSatisfy { ($0[2] as? [Int]) == [1980, 1, 1, 0, 0, 0] })
        #expect(entries.last?[3] as? String == "Émotion 😀 情感\n\nCafé 👩‍👩‍👧 e\u{301}motion")
    }

    /// More than 65,535 entries take the ZIP64 end records, which Python's reader follows.
    @Test func anArchiveOfMoreThan65535EntriesIsReadWhole() throws {
        guard let python = QDPXTools.python(needing: nil) else { return }
        var writer = ZipArchiveWriter()
        for n in 0..<65_537 { try writer.add("sources/\(n).txt", contents: Data("paper \(n)".utf8)) }
        let bytes = [UInt8](try writer.finish())
        // Read by hand (APPNOTE 4.3.14-4.3.16): the classic end record says 0xFFFF entries,
        // the locator before it points at the ZIP64 record, which holds the true count.
        func little(_ at: Int, _ count: Int) -> UInt64 {
            (0..<count).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
        }
        let end = bytes.count - 22
        #expect(little(end, 4) == 0x0605_4B50 && little(end + 10, 2) == 0xFFFF)
        #expect(little(end - 20, 4) == 0x0706_4B50)
        let zip64 = Int(little(end - 20 + 8, 8))
        #expect(little(zip64, 4) == 0x0606_4B50)
        #expect(little(zip64 + 32, 8) == 65_537)
        let folder = try TemporaryFolder()
        let archive = folder.file("many.zip")
        try Data(bytes).write(to: archive)
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            names = z.namelist()
            print(len(names), names[-1], z.read(names[-1]).decode(), z.testzip())
            """
        let (status, output) = try QDPXTools.run(python, ["-c", script, archive.path])
        #expect(status == 0, "\(output)")
        #expect(output == "65537 sources/65536.txt paper 65536 None\n")
    }

    /// An independent REFI-QDA reader (the Python package pyrefiqda) loads the project, and the
    /// text at each selection's offsets, sliced by Python (which counts code points), is the
    /// quote litcoder meant.
    @Test func pyrefiqdaLoadsTheProjectAndTheOffsetsSelectTheQuotes() throws {
        guard let python = QDPXTools.python(needing: "pyrefiqda") else { return }
        let folder = try TemporaryFolder()
        let archive = folder.file("survey.qdpx")
        try QDPXArchive.make(QDPXProject.render(try Self.unicodeSet(), spans: QuoteSpans())).write(to: archive)
        let script = """
            import json, sys
            from pyrefiqda.refiproject import RefiProject
            project = RefiProject.load(sys.argv[1], extract_dir=sys.argv[2])
            users = {u.guid: u.name for u in project.users.user}
            codes = {}
            def walk(code):
                codes[code.guid] = code.name
                for child in code.code or []:
                    walk(child)
            for code in project.code_book.codes.code:
                walk(code)
            out = []
            for source in project.sources.text_source:
                path = RefiProject.resolve_source_path(source.plain_text_path, sys.argv[2])
                text = open(path, encoding="utf-8").read()
                for selection in source.plain_text_selection:
                    quote = text[selection.start_position:selection.end_position]
                    inside = 0 <= selection.start_position < selection.end_position <= len(text)
                    for coding in selection.coding:
                        out.append([source.name, users[coding.creating_user], codes[coding.code_ref.target_guid], quote, str(inside)])
            print(json.dumps(out, ensure_ascii=False))
            """
        let (status, output) = try QDPXTools.run(python, ["-c", script, archive.path, folder.file("extracted").path])
        #expect(status == 0, "\(output)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]])
        #expect(rows == [
            ["u/1", "maya", "Comment", "Émotion 😀 情感\n\nCafé 👩‍👩‍👧 e\u{301}motion", "True"],
            ["u/1", "maya", "Voice assistant", "😀", "True"],
            ["u/1", "maya", "Healthcare", "e\u{301}motion", "True"],
        ])
    }
}

/// The `.qdpx` export of quotes attached as evidence (not spans given by a test): each coding
/// over its quotes' spans, a stale quote left out, checked by an independent reader.
@Suite struct QDPXEvidenceTests {
    /// maya's codings of `QDPXTests.unicodePaper` with quotes: "e\u{301}motion" (abstract
    /// 11–19) for healthcare, "😀" (title 8–9) for voice-assistant, and for not-stated a quote
    /// whose words are not at its offsets (abstract 0–4 is "Café", not "Cafe"). Offsets counted
    /// by hand in `QDPXTests.thePlainTextCountsUnicodeScalars`.
    static func quotedSet() throws -> CodedSet {
        let (codebook, problems) = CodebookLoader.parse(ExportFixture.codebookYAML, file: "mini.yaml")
        let loaded = try #require(codebook, "\(problems)")
        let paper = QDPXTests.unicodePaper
        func quote(_ field: PaperField, _ start: Int, _ end: Int, _ text: String) -> EvidenceQuote {
            EvidenceQuote(field: field, start: start, end: end, text: text, fieldHash: EvidenceQuote.hash(of: paper.text(of: field)))
        }
        var events: [CodingEvent] = [
            .set(paper: "u/1", dimension: "motivation", codes: ["healthcare", "voice-assistant", "not-stated"], coder: "maya",
                 codebook: loaded.contentHash),
            .evidence(paper: "u/1", dimension: "motivation", code: "healthcare", quote: quote(.abstract, 11, 19, "e\u{301}motion"),
                      attached: true, coder: "maya", codebook: loaded.contentHash),
            .evidence(paper: "u/1", dimension: "motivation", code: "voice-assistant", quote: quote(.title, 8, 9, "😀"),
                      attached: true, coder: "maya", codebook: loaded.contentHash),
            .evidence(paper: "u/1", dimension: "motivation", code: "not-stated", quote: quote(.abstract, 0, 4, "Cafe"),
                      attached: true, coder: "maya", codebook: loaded.contentHash),
        ]
        for index in events.indices { events[index].seq = index + 1 }
        let state = CodingState(coder: "maya", replaying: events)
        return CodedSet(projectName: "Unicode", codebook: loaded, corpus: Corpus(papers: [paper]), states: [state])
    }

    @Test func eachQuoteIsASelectionAtItsOffsetsInThePlainText() throws {
        let xml = QDPXProject.render(try Self.quotedSet()).projectXML
        // Title (0–12), a blank line (13, 14), abstract from 14: abstract 11–19 is 25–33.
        #expect(xml.contains("startPosition=\"8\" endPosition=\"9\""))
        #expect(xml.contains("startPosition=\"25\" endPosition=\"33\""))
        // The stale quote selects nothing of its own: its coding covers the whole text.
        #expect(xml.contains("startPosition=\"0\" endPosition=\"33\""))
        #expect(!xml.contains("startPosition=\"14\" endPosition=\"18\""))
        #expect(xml.components(separatedBy: "<PlainTextSelection ").count == 4)
    }

    @Test func xmllintAndPyrefiqdaReadTheQuotesAtTheirWords() throws {
        if let xmllint = QDPXTools.xmllint() {
            let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("REFI-QDA/Project.xsd")
            let folder = try TemporaryFolder()
            try folder.write("project.qde", QDPXProject.render(try Self.quotedSet()).projectXML)
            let (status, output) = try QDPXTools.run(xmllint, ["--noout", "--schema", schema.path, folder.file("project.qde").path])
            #expect(status == 0, "\(output)")
        }
        guard let python = QDPXTools.python(needing: "pyrefiqda") else { return }
        let folder = try TemporaryFolder()
        let archive = folder.file("survey.qdpx")
        try QDPXArchive.make(QDPXProject.render(try Self.quotedSet())).write(to: archive)
        // Python slices the source text by code points, as litcoder counts.
        let script = """
            import json, sys
            from pyrefiqda.refiproject import RefiProject
            project = RefiProject.load(sys.argv[1], extract_dir=sys.argv[2])
            codes = {}
            def walk(code):
                codes[code.guid] = code.name
                for child in code.code or []:
                    walk(child)
            for code in project.code_book.codes.code:
                walk(code)
            out = []
            for source in project.sources.text_source:
                text = open(RefiProject.resolve_source_path(source.plain_text_path, sys.argv[2]), encoding="utf-8").read()
                for selection in source.plain_text_selection:
                    for coding in selection.coding:
                        out.append([codes[coding.code_ref.target_guid], text[selection.start_position:selection.end_position]])
            print(json.dumps(sorted(out), ensure_ascii=False))
            """
        let (status, output) = try QDPXTools.run(python, ["-c", script, archive.path, folder.file("extracted").path])
        #expect(status == 0, "\(output)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]])
        #expect(rows == [
            ["Healthcare", "e\u{301}motion"],
            ["Not stated in the abstract", "Émotion 😀 情感\n\nCafé 👩‍👩‍👧 e\u{301}motion"],
            ["Voice assistant", "😀"],
        ])
    }
}

/// The external programs the `.qdpx` tests check with: found, or skipped with a note (a
/// failure under `CI=true`, where `.ci/run` installs them).
enum QDPXTools {
    static var underCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static func missing(_ what: String) {
        if underCI {
            Issue.record("\(what) is missing; .ci/run installs it")
        } else {
            print("note: \(what) is not installed; skipping")
        }
    }

    static func xmllint() -> URL? {
        if let found = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return URL(fileURLWithPath: found)
        }
        missing("xmllint (Debian: libxml2-utils)")
        return nil
    }

    /// A Python 3 that can import `module`: the virtual environment `.ci/run` makes under
    /// `.build/`, else `python3` on the PATH.
    static func python(needing module: String?) -> URL? {
        let venv = TestFiles.packageRoot.appendingPathComponent(".build/pyrefiqda-venv/bin/python")
        var candidates = [venv]
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(dir)).appendingPathComponent("python3"))
        }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            guard let module else { return candidate }
            if let (status, _) = try? run(candidate, ["-c", "import \(module)"]), status == 0 { return candidate }
        }
        missing(module.map { "the Python package \($0) (pip install \($0))" } ?? "python3")
        return nil
    }

    /// Runs a program; its status, and its standard output when it succeeds, else its
    /// standard error (the programs run here print little).
    static func run(_ program: URL, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationStatus
        return (status, String(decoding: status == 0 ? out : err + out, as: UTF8.self))
    }
}
