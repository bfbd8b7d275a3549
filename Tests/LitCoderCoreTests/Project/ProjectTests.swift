import Foundation
import Testing
@testable import LitCoderCore

@Suite struct ProjectTests {
    @Test func createMakesAProjectThatLoads() throws {
        let folder = try TemporaryFolder()
        let workspace = try MiniProject.create(in: folder)
        #expect(workspace.project.name == "proj")
        #expect(workspace.project.codebookPath == "codebooks/mini.yaml")
        #expect(workspace.project.corpusPaths == ["corpus/papers.jsonl"])
        #expect(workspace.corpus.count == 2)
        #expect(try folder.names(in: "proj") == [".gitignore", "codebooks", "codings", "corpus", "litcoder.yaml"])
        #expect(try folder.read("proj/codebooks/mini.yaml") == MiniProject.codebookYAML, "copied byte for byte, so its hash is the same")
    }

    @Test func createRefusesAFolderThatIsAlreadyAProject() throws {
        let folder = try TemporaryFolder()
        _ = try MiniProject.create(in: folder)
        let before = try folder.read("proj/litcoder.yaml")
        #expect(throws: ProjectCreatorError.self) {
            try ProjectCreator.create(in: folder.file("proj"), codebook: .file(folder.file("mini.yaml")), corpora: [])
        }
        #expect(try folder.read("proj/litcoder.yaml") == before)
    }

    @Test func anInvalidCodebookCreatesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.yaml", "id: [unclosed\n")
        #expect(throws: DiagnosticList.self) {
            try ProjectCreator.create(in: folder.file("proj"), codebook: .file(folder.file("bad.yaml")), corpora: [])
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("proj/litcoder.yaml").path))
    }

    @Test func aCodebookWithoutCorpusStartsWithAnEmptyOne() throws {
        let folder = try TemporaryFolder()
        try folder.write("mini.yaml", MiniProject.codebookYAML)
        let created = try ProjectCreator.create(in: folder.file("p"), codebook: .file(folder.file("mini.yaml")), corpora: [])
        #expect(created.corpusPaths == ["corpus/papers.jsonl"])
        #expect(created.paperCount == 0)
        #expect(created.diagnostics.isEmpty, "an empty corpus file is a valid empty corpus")
    }

    @Test(arguments: [("plain", "\"plain\""), ("a: b", "\"a: b\""), ("say \"hi\"", "\"say \\\"hi\\\"\""), ("back\\slash", "\"back\\\\slash\"")])
    func configValuesAreQuotedForYAML(value: String, quoted: String) {
        #expect(ProjectCreator.yamlQuoted(value) == quoted)
    }

    @Test func statusCountsProgressAndHealthButNoCodes() throws {
        let folder = try TemporaryFolder()
        let workspace = try MiniProject.create(in: folder)
        do {
            let alice = try workspace.openLog(coder: "alice")
            try alice.append(CodingEvent(coder: "alice", paper: "smith2020", op: .set, dimension: "motivation", codes: ["hci"]))
            try alice.append(CodingEvent(coder: "alice", paper: "smith2020", op: .done, value: true))
            try alice.append(CodingEvent(coder: "alice", paper: "lee2021", op: .flag, value: true))
            try alice.append(CodingEvent(coder: "alice", paper: "gone2019", op: .set, dimension: "motivation", codes: ["retired-code"]))
            let bob = try workspace.openLog(coder: "bob")
            try bob.append(CodingEvent(coder: "bob", paper: "lee2021", op: .set, dimension: "setting", codes: ["lab"]))
        }
        let bobLog = workspace.project.logURL(coder: "bob")
        let handle = try FileHandle(forWritingTo: bobLog)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":1,"seq":2,"ti"#.utf8))
        try handle.close()

        let (status, problems) = try ProjectStatus.gather(workspace)
        #expect(status.papers == 2)
        #expect(status.coders.map(\.coder) == ["alice", "bob"])
        let alice = status.coders[0]
        #expect((alice.events, alice.coded, alice.done, alice.flagged) == (4, 2, 1, 1))
        #expect(alice.unknownPapers == 1)
        #expect((alice.stale.papers, alice.stale.codings, alice.stale.dimensions) == (1, 1, ["motivation"]))
        #expect(alice.olderCodebookEvents == 0)
        let bob = status.coders[1]
        #expect(bob.events == 1 && bob.health.tornLine == 2)
        #expect(problems.contains { $0.file == "codings/bob.jsonl" && $0.line == 2 })
        let json = String(decoding: try JSONEncoder().encode(status), as: UTF8.self)
        #expect(!json.contains("hci") && !json.contains("\"lab\"") && !json.contains("retired-code"), "status never shows anyone's codes")
    }
}
