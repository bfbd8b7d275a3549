import Foundation
@testable import LitCoderCore

/// A small survey project on disk for export tests: a codebook with single, multi and text
/// dimensions and an alignment, five papers (one with commas, quotes, a line break and
/// non-ASCII in its title), and whatever logs a test writes.
struct ExportFixture {
    static let codebookYAML = """
        id: mini-ser
        title: Mini SER codebook
        version: "2"
        description: A small codebook for tests.
        dimensions:
          - id: relevance
            label: Relevance
            kind: single
            required: true
            codes:
              - id: ser-core
                label: SER core
                definition: Recognises emotion from speech as a main task.
              - id: out-of-scope
                label: Out of scope
                definition: Not about emotion in speech.
                exclude: Music emotion.
          - id: motivation
            label: Stated motivation
            kind: multi
            help: Code only what the abstract states as a reason.
            codes:
              - id: healthcare
                label: Healthcare
                definition: Clinical or care uses, "mental health" included.
                include: Depression, autism support.
                exclude: Datasets recorded in clinics, without a clinical aim.
                aliases: [healthcare, clinical]
                needs: [clinical]
              - id: voice-assistant
                label: Voice assistant
                definition: Smart speakers & spoken dialogue systems.
                needs: [{any: [home, natural]}]
              - id: not-stated
                label: Not stated in the abstract
          - id: dataset
            label: Datasets
            kind: multi
            codes:
              - id: iemocap
                label: IEMOCAP
                provides: [acted, lab]
              - id: msp-podcast
                label: MSP-Podcast
                provides: [natural, home]
              - id: cemo
                label: CEMO
                provides: [natural, clinical]
          - id: comment
            label: Comment
            kind: text
        alignments:
          - id: motivation-data
            label: Motivation served by data
            from: motivation
            to: dataset
        """

    static let papers: [Paper] = [
        Paper(id: "p1", title: "Emotion, speech and \"care\": a study", year: 2021, doi: "10.1/a", abstract: "x"),
        Paper(id: "p2", title: "Sprachemotion für Ältere\nzweite Zeile", year: 2019, abstract: "y"),
        Paper(id: "p3", title: " leading space", year: nil, doi: nil),
        Paper(id: "p4", title: "情感识别", year: 2024),
        Paper(id: "p5", title: "Plain", year: 2020),
    ]

    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("litcoder-export-\(UUID().uuidString)", isDirectory: true)
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("codebooks"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try """
            name: Mini survey
            codebook: codebooks/mini.yaml
            corpus: corpus/papers.jsonl
            """.write(to: root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        try Self.codebookYAML.write(to: root.appendingPathComponent("codebooks/mini.yaml"), atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lines = ""
        for paper in Self.papers { lines += String(decoding: try encoder.encode(paper), as: UTF8.self) + "\n" }
        try lines.write(to: root.appendingPathComponent("corpus/papers.jsonl"), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func workspace() throws -> Workspace { try Workspace.open(try Project.load(root: root)) }

    /// Appends events to a coder's log through `CodingLog`, as the workbench would.
    func code(_ coder: String, _ events: [CodingEvent]) throws {
        let workspace = try workspace()
        let log = try CodingLog.open(url: workspace.project.logURL(coder: coder), coder: coder)
        defer { log.close() }
        for event in events {
            var event = event
            event.codebook = workspace.codebook.contentHash
            try log.append(event)
        }
    }

    /// Two coders and a consensus with a bit of everything.
    func codeSample() throws {
        try code("alice", [
            .set(paper: "p1", dimension: "relevance", codes: ["ser-core"], coder: "alice", codebook: ""),
            .set(paper: "p1", dimension: "motivation", codes: ["voice-assistant", "healthcare"], coder: "alice", codebook: ""),
            .set(paper: "p1", dimension: "dataset", codes: ["iemocap"], coder: "alice", codebook: ""),
            .setText(paper: "p1", dimension: "comment", text: "uses, commas \"and quotes\"\nand a line", coder: "alice", codebook: ""),
            CodingEvent(coder: "alice", paper: "p1", op: .note, text: "note, with comma"),
            CodingEvent(coder: "alice", paper: "p1", op: .flag, value: true),
            CodingEvent(coder: "alice", paper: "p1", op: .done, value: true),
            .set(paper: "p2", dimension: "relevance", codes: ["out-of-scope"], coder: "alice", codebook: ""),
            .set(paper: "p4", dimension: "motivation", codes: ["not-stated"], coder: "alice", codebook: ""),
            .set(paper: "p4", dimension: "dataset", codes: ["msp-podcast", "iemocap"], coder: "alice", codebook: ""),
        ])
        try code("bob", [
            .set(paper: "p1", dimension: "relevance", codes: ["ser-core"], coder: "bob", codebook: ""),
            .set(paper: "p1", dimension: "motivation", codes: ["healthcare"], coder: "bob", codebook: ""),
            .set(paper: "p3", dimension: "relevance", codes: ["ser-core"], coder: "bob", codebook: ""),
        ])
    }
}
