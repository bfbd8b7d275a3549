import Foundation
import Testing

@Suite struct BinaryTests {
    @Test func helpListsTheCommands() throws {
        let result = try LitcoderBinary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("validate"))
    }

    @Test func outsideAProjectSaysHowToMakeOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-noproject-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try LitcoderBinary.run(["status"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("litcoder init"))
    }
}
