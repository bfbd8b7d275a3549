import Foundation
import Testing

/// A corpus with bad lines, through the built binary: each problem is reported as
/// FILE:LINE and every good paper stays usable.
@Suite struct CorpusProblemTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A project on the repository's codebook whose corpus has a Latin-1 line, a duplicate id,
    /// a line that is not an object and a missing title between good records.
    private func makeProject() throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("litcoder-corpus-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("codebooks"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("codebooks/ser-survey.yaml"),
            to: root.appendingPathComponent("codebooks/ser-survey.yaml"))
        try Data("name: broken corpus\ncodebook: codebooks/ser-survey.yaml\ncorpus: corpus/papers.jsonl\n".utf8)
            .write(to: root.appendingPathComponent("litcoder.yaml"))
        var corpus = Data()
        corpus.append(Data(#"{"id":"good-1","title":"First"}"#.utf8 + [0x0A]))
        corpus.append(Data(#"{"id":"latin","title":"Caf"#.utf8 + [0xE9] + #""}"#.utf8 + [0x0A]))
        corpus.append(Data(#"{"id":"good-1","title":"Again"}"#.utf8 + [0x0A]))
        corpus.append(Data("[1,2]\n".utf8))
        corpus.append(Data(#"{"id":"no-title"}"#.utf8 + [0x0D, 0x0A]))
        corpus.append(Data(#"{"id":"good-2","title":"Second","abstract":"Uses IEMOCAP."}"#.utf8))
        try corpus.write(to: root.appendingPathComponent("corpus/papers.jsonl"))
        return root
    }

    @Test func statusReportsEveryBadLineAndCountsTheGoodPapers() throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try LitcoderBinary.run(["status", "--project", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 papers"), "\(result.stdout)")
        let expected = [
            "corpus/papers.jsonl:2:27: error: not valid UTF-8 (byte 0xE9)",
            "corpus/papers.jsonl:3: error: duplicate paper id 'good-1' (first at corpus/papers.jsonl:1)",
            "corpus/papers.jsonl:4:1: error: malformed paper record: the line is a JSON list, not a JSON object",
            #"corpus/papers.jsonl:5: error: malformed paper record: missing "title""#,
        ]
        for line in expected { #expect(result.stderr.contains(line), "missing \(line) in:\n\(result.stderr)") }
    }

    @Test func aGoodPaperCanStillBeCoded() throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let set = try LitcoderBinary.run(["set", "good-2", "dataset=iemocap", "--coder", "maya", "--project", root.path])
        #expect(set.status == 0, "\(set.stderr)")
        let show = try LitcoderBinary.run(["show", "good-2", "--coder", "maya", "--project", root.path])
        #expect(show.stdout.contains("iemocap"), "\(show.stdout)")
    }
}
