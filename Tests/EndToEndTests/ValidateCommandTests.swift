import Foundation
import Testing

/// `litcoder validate` and `litcoder suggest` run as a user would.
@Suite struct ValidateCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let codebook = packageRoot.appendingPathComponent("codebooks/ser-survey.yaml")

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theBundledCodebookPasses() throws {
        let result = try LitcoderBinary.run(["validate", "--codebook", Self.codebook.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("no problems\n"))
    }

    @Test func aBrokenCodebookListsEveryProblemAndExits1() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "id: t\ntitel: T\nversion: 1\ndimensions:\n  - id: d\n    label: D\n    kind: multi\n    codes:\n      - id: c\n"
            .write(to: dir.appendingPathComponent("cb.yaml"), atomically: true, encoding: .utf8)
        let result = try LitcoderBinary.run(["validate", "--codebook", "cb.yaml"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("cb.yaml:2:1: error: unknown key 'titel' in the codebook; did you mean 'title'?"))
        #expect(result.stdout.contains("cb.yaml:9:9: error: code 'c' has no 'label'"))
        #expect(result.stdout.contains("  hint: "))
        #expect(result.stdout.hasSuffix("3 errors, 0 warnings\n"), "\(result.stdout)")
    }

    @Test func aMissingCodebookFileIsAUsageError() throws {
        let result = try LitcoderBinary.run(["validate", "--codebook", "/nonexistent/cb.yaml"])
        #expect(result.status == 64)
    }

    @Test func aProjectWithAStaleCodingWarnsButPasses() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("codings"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.codebook, to: dir.appendingPathComponent("ser.yaml"))
        try "name: t\ncodebook: ser.yaml\ncorpus: papers.jsonl\n".write(to: dir.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        try #"{"id": "p1", "title": "On IEMOCAP", "abstract": "for call centres"}"#.write(to: dir.appendingPathComponent("papers.jsonl"), atomically: true, encoding: .utf8)
        try (#"{"v":1,"seq":1,"time":"2026-01-01T00:00:00.000Z","coder":"ana","paper":"p1","op":"set","dim":"motivation","codes":["retired-code"],"codebook":"abc"}"# + "\n")
            .write(to: dir.appendingPathComponent("codings/ana.jsonl"), atomically: true, encoding: .utf8)
        let result = try LitcoderBinary.run(["validate"], in: dir)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("codings/ana.jsonl:1: warning: paper 'p1', motivation: code 'retired-code' is not in the codebook"))
        #expect(result.stdout.hasSuffix("0 errors, 1 warning\n"))

        let suggest = try LitcoderBinary.run(["suggest", "--format", "json"], in: dir)
        #expect(suggest.status == 0, "\(suggest.stderr)")
        #expect(suggest.stdout.contains(#"{"id": "p1", "suggestions": {"motivation": ["call-center"], "dataset": ["iemocap"]}}"#), "\(suggest.stdout)")
    }
}
