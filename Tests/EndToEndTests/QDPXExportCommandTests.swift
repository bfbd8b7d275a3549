import Foundation
import Testing

/// `litcoder export --format qdpx`, run as a user runs it. What the archive holds is tested in
/// `QDPXTests`; here, that the command writes it where asked, and only there.
@Suite struct QDPXExportCommandTests {
    @Test func theProjectIsWrittenAsAZipToTheFileNamed() throws {
        let project = try ExportCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        try ExportCommandTests.codings.write(to: project.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let imported = try LitcoderBinary.run(["codings", "import", "in.csv", "--coder", "alice"], in: project)
        #expect(imported.status == 0, "\(imported.stderr)")

        let result = try LitcoderBinary.run(["export", "--format", "qdpx", "--all", "-o", "survey.qdpx"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let bytes = try Data(contentsOf: project.appendingPathComponent("survey.qdpx"))
        #expect(result.stderr == "wrote survey.qdpx (qdpx, \(bytes.count) bytes)\n")
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a zip archive")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("project.qde"))
        #expect(text.components(separatedBy: "sources/").count - 1 == 6, "3 sources, each named in its entry and in the directory")

        let again = try LitcoderBinary.run(["export", "--format", "qdpx", "--all", "-o", "survey.qdpx"], in: project)
        #expect(again.status == 1)
        #expect(again.stderr.contains("survey.qdpx already exists; pass --force"), "\(again.stderr)")
        let forced = try LitcoderBinary.run(["export", "--format", "qdpx", "--all", "-o", "survey.qdpx", "--force"], in: project)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: project.appendingPathComponent("survey.qdpx")) == bytes, "the same files give the same bytes")
    }

    @Test(arguments: [
        (["export", "--format", "qdpx", "--coder", "alice"], Int32(64), "--format qdpx writes a zip archive; give its file name with -o"),
        (["export", "--format", "qdpx", "-o", "-", "--coder", "alice"], Int32(64), "give its file name with -o"),
        (["export", "--format", "qdpx", "--consensus", "-o", "x.qdpx"], Int32(1), "there is no consensus yet"),
        (["export", "--format", "qdpx", "--coder", "nobody", "-o", "x.qdpx"], Int32(64), "'nobody' is not a coder of this project"),
    ])
    func usageAndDataErrorsWriteNothing(arguments: [String], status: Int32, message: String) throws {
        let project = try ExportCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try LitcoderBinary.run(arguments, in: project)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("x.qdpx").path))
    }
}
