import Foundation
import Testing

/// `litcoder codebook import FILE.qdc -o FILE.yaml`, run as a user runs it.
@Suite struct CodebookImportCommandTests {
    /// The `name` attributes of a `.qdc`'s codes, in document order.
    static func codeNames(_ xml: String) -> [String] {
        xml.components(separatedBy: "<Code guid=").dropFirst().compactMap { element in
            guard let start = element.range(of: " name=\"") else { return nil }
            return element[start.upperBound...].prefix { $0 != "\"" }.replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    @Test func anExportedCodebookComesBackWithEveryDimensionAndCode() throws {
        let project = try ExportCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let exported = try LitcoderBinary.run(["export", "--format", "qdc", "-o", "e2e.qdc"], in: project)
        #expect(exported.status == 0, "\(exported.stderr)")

        let imported = try LitcoderBinary.run(["codebook", "import", "e2e.qdc", "-o", "codebooks/back.yaml"], in: project)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr == "wrote codebooks/back.yaml (3 dimension(s), 6 code(s); codebook id 'back'); check it with: litcoder validate --codebook codebooks/back.yaml\n")
        let yaml = try String(contentsOf: project.appendingPathComponent("codebooks/back.yaml"), encoding: .utf8)
        #expect(yaml.hasPrefix("id: back\ntitle: e2e\nversion: \"1\"\n"), "\(yaml)")
        #expect(yaml.contains("id: relevance\n  label: Relevance\n  kind: single\n"), "\(yaml)")
        #expect(yaml.contains("id: motivation\n  label: Motivation\n  kind: multi\n"), "\(yaml)")

        let validated = try LitcoderBinary.run(["validate", "--codebook", "codebooks/back.yaml"], in: project)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")

        // Exported again from a project on the imported codebook: the same dimensions and codes.
        try "name: back\ncodebook: codebooks/back.yaml\ncorpus: corpus/papers.jsonl\n"
            .write(to: project.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        let again = try LitcoderBinary.run(["export", "--format", "qdc"], in: project)
        #expect(again.status == 0, "\(again.stderr)")
        let original = try String(contentsOf: project.appendingPathComponent("e2e.qdc"), encoding: .utf8)
        #expect(Self.codeNames(original) == ["Relevance", "SER core", "Out of scope", "Motivation", "Healthcare",
                                             "Voice assistant", "Dataset", "IEMOCAP", "CEMO"])
        #expect(Self.codeNames(again.stdout) == Self.codeNames(original))
        #expect(again.stdout.contains("<Description>Kind: single</Description>"))
    }

    @Test func withoutOutputTheYAMLGoesToStandardOutput() throws {
        let project = try ExportCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        _ = try LitcoderBinary.run(["export", "--format", "qdc", "-o", "Team Book.qdc"], in: project)
        let result = try LitcoderBinary.run(["codebook", "import", "Team Book.qdc"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("id: team-book\ntitle: Team Book\n"), "\(result.stdout)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func anExistingFileIsKeptWithoutForce() throws {
        let project = try ExportCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        _ = try LitcoderBinary.run(["export", "--format", "qdc", "-o", "e2e.qdc"], in: project)
        try "keep me".write(to: project.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let refused = try LitcoderBinary.run(["codebook", "import", "e2e.qdc", "-o", "mine.yaml"], in: project)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("mine.yaml already exists; pass --force"), "\(refused.stderr)")
        #expect(try String(contentsOf: project.appendingPathComponent("mine.yaml"), encoding: .utf8) == "keep me")
        let forced = try LitcoderBinary.run(["codebook", "import", "e2e.qdc", "-o", "mine.yaml", "--force"], in: project)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: project.appendingPathComponent("mine.yaml"), encoding: .utf8).hasPrefix("id: mine\n"))
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\n<Code guid=\"2A3B4C5D-0000-4000-8000-000000000001\" name=\"x\" isCodable=\"true\">\n</Codes></CodeBook>\n",
         "bad.qdc:4: error: not well-formed XML"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<CodeBook>&e;</CodeBook>\n",
         "bad.qdc:2: error: a <!DOCTYPE> declaration"),
        ("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\n<Code name=\"x\" isCodable=\"true\"/></Codes></CodeBook>",
         "bad.qdc:2: error: a <Code> has no valid guid attribute"),
    ])
    func aBrokenFileIsRefusedAtItsLineAndNothingIsWritten(xml: String, message: String) throws {
        let project = try ExportCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        try xml.write(to: project.appendingPathComponent("bad.qdc"), atomically: true, encoding: .utf8)
        let result = try LitcoderBinary.run(["codebook", "import", "bad.qdc", "-o", "out.yaml"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("out.yaml").path))
    }
}
