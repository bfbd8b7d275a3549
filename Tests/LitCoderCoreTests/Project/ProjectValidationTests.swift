import Foundation
import Testing
@testable import LitCoderCore

@Suite struct ProjectValidationTests {
    /// A project in a fresh temporary folder with the bundled codebook and the given files.
    static func project(corpus: String, logs: [String: String] = [:]) throws -> Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("codings"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("codebooks"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestFiles.bundledCodebook, to: root.appendingPathComponent("codebooks/ser.yaml"))
        try "name: t\ncodebook: codebooks/ser.yaml\ncorpus: papers.jsonl\n".write(
            to: root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        try corpus.write(to: root.appendingPathComponent("papers.jsonl"), atomically: true, encoding: .utf8)
        for (coder, text) in logs {
            try text.write(to: root.appendingPathComponent("codings/\(coder).jsonl"), atomically: true, encoding: .utf8)
        }
        return try Project.load(root: root)
    }

    static func event(_ seq: Int, _ paper: String, _ dimension: String, _ codes: [String], hash: String) throws -> String {
        let event = CodingEvent(seq: seq, time: "2026-01-01T00:00:00.000Z", coder: "ana", paper: paper, op: .set,
                                dimension: dimension, codes: codes, codebook: hash)
        return String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
    }

    @Test func aHealthyProjectHasNoProblems() throws {
        let hash = try TestFiles.serCodebook().contentHash
        let project = try Self.project(
            corpus: #"{"id": "p1", "title": "One"}"# + "\n",
            logs: ["ana": try Self.event(1, "p1", "motivation", ["health-mental"], hash: hash) + "\n"])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let validation = ProjectValidation.project(project)
        #expect(validation.diagnostics.isEmpty, "\(DiagnosticList(validation.diagnostics))")
        #expect(validation.summary.hasSuffix("no problems"))
        #expect(validation.summary.contains("1 corpus file (1 paper)"))
        #expect(validation.summary.contains("1 coding log (1 event)"))
    }

    @Test func aStaleCodingIsReportedAtTheLineOfItsEvent() throws {
        let log = [
            try Self.event(1, "p1", "motivation", ["vague"], hash: "older"),
            "{not an event",
            "",
            try Self.event(2, "p1", "motivation", ["also-gone"], hash: "older"),
        ].joined(separator: "\n") + "\n"
        let project = try Self.project(corpus: #"{"id": "p1", "title": "One"}"# + "\n", logs: ["ana": log])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let lines = ProjectValidation.project(project).diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("codings/ana.jsonl:4: warning: paper 'p1', motivation: code 'also-gone' is not in the codebook") },
                "\(lines)")
        #expect(!lines.contains { $0.contains("'vague'") }, "only the current decision is stale")
    }

    @Test func listsEveryProblemAcrossFiles() throws {
        let project = try Self.project(
            corpus: #"{"id": "p1", "title": "One"}"# + "\n{not json\n" + #"{"id": "p1", "title": "Again"}"# + "\n",
            logs: ["ana": try Self.event(1, "p1", "motivation", ["vague"], hash: "older") + "\n{torn"])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let validation = ProjectValidation.project(project)
        let lines = validation.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("papers.jsonl:2") && $0.contains("error: malformed paper record") })
        #expect(lines.contains { $0.hasPrefix("papers.jsonl:3: error: duplicate paper id 'p1'") })
        #expect(lines.contains { $0.hasPrefix("codings/ana.jsonl:2:") }, "the torn or malformed log line, located")
        #expect(lines.contains { $0.hasPrefix("codings/ana.jsonl:1: warning: paper 'p1', motivation: code 'vague' is not in the codebook") })
        #expect(lines.contains { $0.contains("note: 1 of 1 events were made under 1 earlier version") })
        #expect(validation.hasErrors)
        #expect(validation.summary.contains("errors"))
    }

    @Test func aBrokenCodebookIsReportedAndLogsStillRead() throws {
        let project = try Self.project(corpus: "", logs: ["ana": "{bad\n"])
        defer { try? FileManager.default.removeItem(at: project.root) }
        try "id: x\ntitle: X\n".write(to: project.codebookURL, atomically: true, encoding: .utf8)
        let validation = ProjectValidation.project(project)
        #expect(validation.diagnostics.contains { $0.file == "codebooks/ser.yaml" && $0.message.contains("no 'version'") })
        #expect(validation.diagnostics.contains { $0.file == "codings/ana.jsonl" && $0.line == 1 })
    }

    @Test func theBundledCodebookIsClean() throws {
        let (validation, codebook) = ProjectValidation.codebook(at: TestFiles.bundledCodebook)
        #expect(validation.diagnostics.isEmpty, "\(DiagnosticList(validation.diagnostics))")
        let loaded = try #require(codebook)
        let datasets = try #require(loaded.dimension("dataset"))
        let named = datasets.codes.filter { !$0.provides.isEmpty }
        #expect(named.count >= 77, "every dataset of the reference table")
        #expect(named.allSatisfy { !$0.aliases.isEmpty && !$0.definition.isEmpty })
        let motivation = try #require(loaded.dimension("motivation"))
        for id in ["hci-general", "scientific", "technical", "fairness-privacy", "not-stated"] {
            #expect(motivation.code(id)?.needs == [], "\(id) names no deployment, so it needs nothing")
        }
        #expect(motivation.code("health-mental")?.needs.contains(.context("clinical")) == true)
        #expect(Set(loaded.alignments.map { "\($0.from)->\($0.to)" }) == ["motivation->dataset", "motivation->emotions"])
        #expect(loaded.dimensions.allSatisfy { $0.codes.allSatisfy { !$0.definition.isEmpty } }, "every code is defined")
    }
}
