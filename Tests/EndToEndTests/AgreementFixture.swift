import Foundation
import LitCoderCore

/// A small project with three coders (alice, bob, carol) whose codings agree and disagree in
/// known ways, written to a temporary folder for the agreement commands' tests.
///
/// `data` (single-select), papers p1–p6:
///   p1 acted/acted/acted · p2 natural/acted/natural · p3 induced/induced/– · p4 acted/–/–
///   p5 natural/natural/natural · p6 acted/natural/induced
/// `motivation` (multi-select):
///   p1 {hc}/{hc}/{hc} · p2 {hc,va}/{hc}/{hc,va} · p3 {cc}/{cc}/– · p4 {hc}/–/–
///   p5 {va}/{va}/{va} · p6 {va}/{va}/{va}
/// So the disagreements are p2 data, p2 motivation and p6 data; seven (paper, dimension)
/// pairs are agreed; p4 is coded by alice only and is never pairable.
struct AgreementFixture {
    let root: URL

    static let codebook = """
        id: fixture
        title: Agreement fixture
        version: "1"
        dimensions:
          - id: motivation
            label: Stated motivation
            kind: multi
            codes:
              - {id: healthcare, label: Healthcare}
              - {id: voice-assistant, label: Voice assistant}
              - {id: call-centre, label: Call centre}
          - id: data
            label: Kind of data
            kind: single
            codes:
              - {id: acted, label: Acted}
              - {id: induced, label: Induced}
              - {id: natural, label: Natural}
          - id: remarks
            label: Remarks
            kind: text

        """

    static let data: [String: [String?]] = [
        "p1": ["acted", "acted", "acted"], "p2": ["natural", "acted", "natural"],
        "p3": ["induced", "induced", nil], "p4": ["acted", nil, nil],
        "p5": ["natural", "natural", "natural"], "p6": ["acted", "natural", "induced"],
    ]
    static let motivation: [String: [[String]?]] = [
        "p1": [["healthcare"], ["healthcare"], ["healthcare"]],
        "p2": [["healthcare", "voice-assistant"], ["healthcare"], ["voice-assistant", "healthcare"]],
        "p3": [["call-centre"], ["call-centre"], nil], "p4": [["healthcare"], nil, nil],
        "p5": [["voice-assistant"], ["voice-assistant"], ["voice-assistant"]],
        "p6": [["voice-assistant"], ["voice-assistant"], ["voice-assistant"]],
    ]
    static let coders = ["alice", "bob", "carol"]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-agree-\(UUID().uuidString)")
        let fm = FileManager.default
        for dir in ["codebooks", "corpus", "codings"] {
            try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        try "name: fixture\ncodebook: codebooks/fixture.yaml\ncorpus: corpus/papers.jsonl\n"
            .write(to: root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        try Self.codebook.write(to: root.appendingPathComponent("codebooks/fixture.yaml"), atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var corpus = ""
        for id in Self.data.keys.sorted() {
            let paper = Paper(id: id, title: "Paper \(id.dropFirst())", abstract: "Abstract of paper \(id).")
            corpus += String(decoding: try encoder.encode(paper), as: UTF8.self) + "\n"
        }
        try corpus.write(to: root.appendingPathComponent("corpus/papers.jsonl"), atomically: true, encoding: .utf8)
        for (index, coder) in Self.coders.enumerated() {
            var events: [CodingEvent] = []
            func add(_ event: CodingEvent) {
                var e = event
                e.seq = events.count + 1
                e.time = "2026-01-01T00:00:00.000Z"
                events.append(e)
            }
            for paper in Self.data.keys.sorted() {
                if let code = Self.data[paper]?[index] {
                    add(.set(paper: paper, dimension: "data", codes: [code], coder: coder, codebook: "h"))
                }
                if let codes = Self.motivation[paper]?[index] {
                    add(.set(paper: paper, dimension: "motivation", codes: codes, coder: coder, codebook: "h"))
                }
            }
            if coder == "alice" {
                add(CodingEvent(coder: coder, paper: "p2", op: .note, text: "mentions clinicians", codebook: "h"))
            }
            let lines = try events.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try (lines.joined(separator: "\n") + "\n")
                .write(to: root.appendingPathComponent("codings/\(coder).jsonl"), atomically: true, encoding: .utf8)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The consensus log's events.
    func consensusEvents() throws -> [CodingEvent] {
        try CodingLog.read(url: root.appendingPathComponent("codings/_consensus.jsonl")).events
    }
}
