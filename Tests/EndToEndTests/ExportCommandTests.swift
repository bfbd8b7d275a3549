import Foundation
import Testing

/// `litcoder export` and `litcoder codings import` run as a user runs them.
@Suite struct ExportCommandTests {
    static let codebook = """
        id: e2e
        title: End-to-end codebook
        version: "1"
        dimensions:
          - id: relevance
            label: Relevance
            kind: single
            codes:
              - {id: ser-core, label: SER core}
              - {id: out-of-scope, label: Out of scope}
          - id: motivation
            label: Motivation
            kind: multi
            codes:
              - {id: healthcare, label: Healthcare, needs: [clinical]}
              - {id: voice-assistant, label: Voice assistant}
          - id: dataset
            label: Dataset
            kind: multi
            codes:
              - {id: iemocap, label: IEMOCAP, provides: [acted]}
              - {id: cemo, label: CEMO, provides: [clinical]}
        alignments:
          - {id: motivation-data, label: Motivation vs data, from: motivation, to: dataset}
        """

    static let codings = """
        paper,coder,dimension,code
        p1,alice,relevance,ser-core
        p1,alice,motivation,healthcare
        p1,alice,motivation,voice-assistant
        p1,alice,dataset,iemocap
        p2,alice,relevance,out-of-scope
        "p,3",alice,motivation,healthcare
        "p,3",alice,dataset,cemo
        """

    /// A project with three papers (one id with a comma) and no codings.
    static func makeProject() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-e2e-export-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("codebooks"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try "name: E2E\ncodebook: codebooks/e2e.yaml\ncorpus: corpus/papers.jsonl\n"
            .write(to: root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        try codebook.write(to: root.appendingPathComponent("codebooks/e2e.yaml"), atomically: true, encoding: .utf8)
        try """
            {"id":"p1","title":"Speech, emotion and \\"care\\"","year":2021,"doi":"10.1/x"}
            {"id":"p2","title":"Ältere Sprecher","year":2020}
            {"id":"p,3","title":"情感识别"}

            """.write(to: root.appendingPathComponent("corpus/papers.jsonl"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func importThenExportGivesTheSameCodings() throws {
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let input = project.appendingPathComponent("in.csv")
        try Self.codings.write(to: input, atomically: true, encoding: .utf8)

        let dry = try LitcoderBinary.run(["codings", "import", input.path, "--coder", "alice", "--dry-run"], in: project)
        #expect(dry.status == 0, "\(dry.stderr)")
        // 7 rows make 6 events: p1's motivation has two codes in one event.
        #expect(dry.stdout == "would append 6 event(s) for 3 paper(s) to codings/alice.jsonl (7 row(s) read: 7 in these events); "
            + "nothing written (--dry-run)\n", "\(dry.stdout)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("codings/alice.jsonl").path))

        let imported = try LitcoderBinary.run(["codings", "import", input.path, "--coder", "alice"], in: project)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("appended 6 event(s)"))

        let again = try LitcoderBinary.run(["codings", "import", input.path, "--coder", "alice"], in: project)
        #expect(again.stdout == "appended 0 event(s) for 0 paper(s) to codings/alice.jsonl (7 row(s) read: 7 already as in the log)\n",
                "\(again.stdout)")
        // Every row is counted once: p1's two motivation rows are as in the log, its relevance
        // row changes it (one event), bob's row is skipped: 1 + 2 + 1 = 4.
        let mixed = project.appendingPathComponent("mixed.csv")
        try "paper,coder,dimension,code\np1,alice,motivation,healthcare\np1,alice,motivation,voice-assistant\np1,alice,relevance,out-of-scope\np2,bob,relevance,ser-core\n"
            .write(to: mixed, atomically: true, encoding: .utf8)
        let counted = try LitcoderBinary.run(["codings", "import", mixed.path, "--coder", "alice", "--dry-run"], in: project)
        #expect(counted.stdout == "would append 1 event(s) for 1 paper(s) to codings/alice.jsonl (4 row(s) read: 1 in these events, "
            + "2 already as in the log, 1 for other coders, skipped); nothing written (--dry-run)\n", "\(counted.stdout)\(counted.stderr)")

        let exported = try LitcoderBinary.run(["export", "--format", "csv-long", "--coder", "alice"], in: project)
        #expect(exported.status == 0, "\(exported.stderr)")
        // The same rows, with an empty evidence column: nothing was quoted.
        let expected = Self.codings.split(separator: "\n").map { $0 + (($0.hasPrefix("paper,")) ? ",evidence" : ",") }
            .joined(separator: "\r\n") + "\r\n"
        #expect(exported.stdout == expected)

        let wide = try LitcoderBinary.run(["export", "--format", "csv", "--coder", "alice"], in: project)
        let lines = wide.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "id,title,year,doi,relevance,motivation,motivation.healthcare,motivation.voice-assistant,dataset,dataset.iemocap,dataset.cemo,note,flagged,done,motivation-data")
        #expect(lines.dropFirst().first == "p1,\"Speech, emotion and \"\"care\"\"\",2021,10.1/x,ser-core,healthcare;voice-assistant,1,1,iemocap,1,0,,0,0,mismatched")
        #expect(lines.contains("\"p,3\",情感识别,,,,healthcare,1,0,cemo,0,1,,0,0,aligned"))
    }

    @Test func aBadRowWritesNothingAndNamesTheLine() throws {
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let input = project.appendingPathComponent("bad.csv")
        try (Self.codings + "\np9,alice,motivation,healthcare\np1,alice,motivation,podcasts\n")
            .write(to: input, atomically: true, encoding: .utf8)
        let result = try LitcoderBinary.run(["codings", "import", input.path, "--coder", "alice"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.csv:9: error: unknown paper 'p9'"), "\(result.stderr)")
        #expect(result.stderr.contains("bad.csv:10: error: unknown code 'podcasts' for dimension 'motivation'"))
        #expect(result.stderr.contains("nothing was written"))
        let log = project.appendingPathComponent("codings/alice.jsonl")
        let size = (try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0
        #expect(size == 0, "no event reached the log")
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("codebook.qdc")
        try "keep me".write(to: output, atomically: true, encoding: .utf8)
        let refused = try LitcoderBinary.run(["export", "--format", "qdc", "-o", output.path], in: project)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already exists; pass --force"), "\(refused.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8) == "keep me")

        let forced = try LitcoderBinary.run(["export", "--format", "qdc", "-o", output.path, "--force"], in: project)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8).contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "no temporary file is left behind")
    }

    @Test(arguments: [
        (["export", "--format", "csv", "--consensus", "--all"], Int32(64), "at most one of"),
        (["export", "--format", "qdc", "--all"], Int32(64), "covers the whole project"),
        (["export", "--format", "xlsx"], Int32(64), "xlsx"),
        (["export", "--format", "csv", "--coder", "nobody"], Int32(64), "'nobody' is not a coder of this project"),
        (["codings", "import", "missing.csv", "--coder", "alice"], Int32(1), "cannot read"),
        (["export", "--format", "json", "--consensus"], Int32(1), "there is no consensus yet"),
    ])
    func usageAndDataErrorsExitAsDocumented(arguments: [String], status: Int32, message: String) throws {
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try LitcoderBinary.run(arguments, in: project)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}

/// `litcoder init --codebook FILE.qdc`: a codebook from a QDA tool starts a project.
@Suite struct InitFromQDCTests {
    @Test func aREFIQDACodebookBecomesTheProjectsYAMLCodebook() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-e2e-qdc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let qdc = base.appendingPathComponent("Team Codebook.qdc")
        try """
            <?xml version="1.0" encoding="utf-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Some tool">
              <Codes>
                <Code guid="5B2FC63A-8AF4-44CB-960C-AEFDCED908D6" name="Motivation" isCodable="false">
                  <Description>Why it matters</Description>
                  <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Health &amp; care" isCodable="true">
                    <Description>Clinical aims.</Description>
                  </Code>
                  <Code guid="2A3B4C5D-0000-4000-8000-000000000002" name="Voice assistant" isCodable="true"/>
                </Code>
              </Codes>
            </CodeBook>
            """.write(to: qdc, atomically: true, encoding: .utf8)
        let created = try LitcoderBinary.run(["init", "survey", "--codebook", qdc.path], in: base)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("dimensions are multi-select unless the file marks them 'Kind: single' or 'Kind: text'"), "\(created.stderr)")
        #expect(created.stderr.contains("there are no aliases or alignments"), "\(created.stderr)")
        let yaml = try String(contentsOf: base.appendingPathComponent("survey/codebooks/team-codebook.yaml"), encoding: .utf8)
        #expect(yaml.contains("id: team-codebook"))
        #expect(yaml.contains("version: \"1\""))
        #expect(yaml.contains("- id: health-care\n    label: Health & care\n    definition: Clinical aims."))

        // Exported again, the codebook has the same tree, names and descriptions.
        let exported = try LitcoderBinary.run(["export", "--format", "qdc"], in: base.appendingPathComponent("survey"))
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("name=\"Motivation\" isCodable=\"false\">\n      <Description>Why it matters</Description>"))
        #expect(exported.stdout.contains("name=\"Health &amp; care\" isCodable=\"true\">\n        <Description>Clinical aims.</Description>"))
        #expect(exported.stdout.contains("name=\"Voice assistant\" isCodable=\"true\"/>"))

        let broken = base.appendingPathComponent("broken.qdc")
        try "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\n<Code name=\"x\" isCodable=\"true\"/></Codes></CodeBook>"
            .write(to: broken, atomically: true, encoding: .utf8)
        let refused = try LitcoderBinary.run(["init", "other", "--codebook", broken.path], in: base)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("broken.qdc:2: error: a <Code> has no valid guid attribute"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("other/litcoder.yaml").path))
    }
}
