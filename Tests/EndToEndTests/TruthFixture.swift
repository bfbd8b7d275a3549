import Foundation

/// A project written out by hand, line by line, for checking that every report says exactly
/// what its logs hold: three coders (alice, bob, carol) declared in `litcoder.yaml`, a free-text
/// dimension, a code renamed in the codebook (`iemocap` → `iemocap-v2`), a code no codebook
/// version had (`ravdess`), dimensions some coders left empty, a required one left empty on
/// papers marked done, and two stray logs: `eve` (empty) and `zed` (one view, no coding).
///
/// The codings (latest per paper and dimension):
///
/// | paper | coder | relevance | dataset | languages | other |
/// |---|---|---|---|---|---|
/// | p1 | alice | ser | iemocap (old id) | Hebrew | |
/// | p1 | bob | ser | iemocap-v2 | "hebrew " | |
/// | p1 | carol | ser | iemocap-v2 | HEBREW | |
/// | p2 | alice | ser | emodb | German | note "mentions clinicians" |
/// | p2 | bob | out | emodb | German | |
/// | p2 | carol | ser | emodb, podcast | – | |
/// | p3 | alice | ser | podcast, ravdess | – | done |
/// | p3 | bob | ser | – | English | done |
/// | p4 | alice | – | emodb | – | done |
/// | p4 | carol | – | emodb | – | done |
///
/// carol never touches p3, bob never touches p4.
struct TruthFixture {
    let root: URL

    static let codebook = """
        id: truth
        title: Truth fixture
        version: "1"
        dimensions:
          - id: relevance
            label: Relevance
            kind: single
            required: true
            codes:
              - {id: ser, label: SER}
              - {id: out, label: Out of scope}
          - id: dataset
            label: Datasets
            kind: multi
            codes:
              - {id: iemocap-v2, label: IEMOCAP, replaces: [iemocap]}
              - {id: emodb, label: EmoDB}
              - {id: podcast, label: MSP-Podcast}
          - id: languages
            label: Languages
            kind: text

        """

    static let corpus = """
        {"id":"p1","title":"Paper one","year":2021,"abstract":"About speech."}
        {"id":"p2","title":"Paper two","year":2022,"abstract":"About speech."}
        {"id":"p3","title":"Paper three","year":2023,"abstract":"About speech."}
        {"id":"p4","title":"Paper four","year":2024,"abstract":"About speech."}

        """

    /// The content hash of the codebook, from `sha256sum` (not litcoder's own SHA-256).
    let hash: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-truth-\(UUID().uuidString)")
        let fm = FileManager.default
        for dir in ["codebooks", "corpus", "codings"] {
            try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        try "name: truth\ncodebook: codebooks/truth.yaml\ncorpus: corpus/papers.jsonl\ncoders: [alice, bob, carol]\n"
            .write(to: root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        try Self.codebook.write(to: root.appendingPathComponent("codebooks/truth.yaml"), atomically: true, encoding: .utf8)
        try Self.corpus.write(to: root.appendingPathComponent("corpus/papers.jsonl"), atomically: true, encoding: .utf8)
        hash = try Self.sha256sum(root.appendingPathComponent("codebooks/truth.yaml"))

        try write("alice", [
            (1, "p1", "set", "relevance", #""codes":["ser"]"#),
            (2, "p1", "set", "dataset", #""codes":["iemocap"]"#),
            (3, "p1", "set", "languages", #""text":"Hebrew""#),
            (4, "p2", "set", "relevance", #""codes":["ser"]"#),
            (5, "p2", "set", "dataset", #""codes":["emodb"]"#),
            (6, "p2", "set", "languages", #""text":"German""#),
            (7, "p2", "note", nil, #""text":"mentions clinicians""#),
            (8, "p3", "set", "relevance", #""codes":["ser"]"#),
            (9, "p3", "set", "dataset", #""codes":["podcast","ravdess"]"#),
            (10, "p3", "done", nil, #""value":true"#),
            (11, "p4", "set", "dataset", #""codes":["emodb"]"#),
            (12, "p4", "done", nil, #""value":true"#),
        ])
        try write("bob", [
            (1, "p1", "set", "relevance", #""codes":["ser"]"#),
            (2, "p1", "set", "dataset", #""codes":["iemocap-v2"]"#),
            (3, "p1", "set", "languages", #""text":"hebrew ""#),
            (4, "p2", "set", "relevance", #""codes":["out"]"#),
            (5, "p2", "set", "dataset", #""codes":["emodb"]"#),
            (6, "p2", "set", "languages", #""text":"German""#),
            (7, "p3", "set", "relevance", #""codes":["ser"]"#),
            (8, "p3", "set", "languages", #""text":"English""#),
            (9, "p3", "done", nil, #""value":true"#),
        ])
        try write("carol", [
            (1, "p1", "set", "relevance", #""codes":["ser"]"#),
            (2, "p1", "set", "dataset", #""codes":["iemocap-v2"]"#),
            (3, "p1", "set", "languages", #""text":"HEBREW""#),
            (4, "p2", "set", "relevance", #""codes":["ser"]"#),
            (5, "p2", "set", "dataset", #""codes":["emodb","podcast"]"#),
            (6, "p4", "set", "dataset", #""codes":["emodb"]"#),
            (7, "p4", "done", nil, #""value":true"#),
        ])
        try write("zed", [(1, "p1", "view", nil, nil)])
        try Data().write(to: root.appendingPathComponent("codings/eve.jsonl"))
    }

    /// One event a line, keys in the log's order.
    private func write(_ coder: String, _ events: [(Int, String, String, String?, String?)]) throws {
        var text = ""
        for (seq, paper, op, dimension, rest) in events {
            text += #"{"v":1,"seq":\#(seq),"time":"2026-03-01T10:00:\#(String(format: "%02d", seq)).000Z","coder":"\#(coder)","paper":"\#(paper)","op":"\#(op)""#
            if let dimension { text += #","dim":"\#(dimension)""# }
            if let rest { text += "," + rest }
            text += #","codebook":"\#(hash)"}"# + "\n"
        }
        try text.write(to: root.appendingPathComponent("codings/\(coder).jsonl"), atomically: true, encoding: .utf8)
    }

    /// Appends the adjudicator's two decisions by hand, as `review` writes them: p2's
    /// relevance (alice and carol's `ser`) and p3's dataset (`podcast`, from alice).
    func decideByHand(after seq: Int) throws {
        let lines = [
            #"{"v":1,"seq":\#(seq + 1),"time":"2026-03-02T09:00:00.000Z","coder":"_consensus","paper":"p2","op":"adjudicate","dim":"relevance","codes":["ser"],"codebook":"\#(hash)","sources":["alice","carol"],"reason":"the abstract is about SER","automatic":false,"adjudicator":"ana"}"#,
            #"{"v":1,"seq":\#(seq + 2),"time":"2026-03-02T09:01:00.000Z","coder":"_consensus","paper":"p3","op":"adjudicate","dim":"dataset","codes":["podcast"],"codebook":"\#(hash)","sources":["alice"],"automatic":false,"adjudicator":"ana"}"#,
        ]
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent("codings/_consensus.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
        try handle.close()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static func sha256sum(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", url.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
