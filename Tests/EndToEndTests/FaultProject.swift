import Foundation
import Testing

/// A project made with `litcoder init` (the bundled SER sample) in which coders have coded a
/// little, for the tests that break its files or its disk.
struct FaultProject {
    /// Two papers of the bundled sample.
    static let papers = ["sample-01-mental-health-podcast", "sample-03-call-centre-real-calls"]

    let root: URL

    /// `litcoder init` in `folder/project`, then each of `coders` codes the first `papers` papers.
    init(in folder: URL, coders: [String] = ["maya", "jon"], papers: Int = 2) throws {
        root = folder.appendingPathComponent("project")
        let created = try LitcoderBinary.run(["init", root.path])
        try #require(created.status == 0, "init: \(created.stderr)")
        for coder in coders {
            for paper in Self.papers.prefix(papers) {
                let set = try LitcoderBinary.run(["set", paper, "motivation=health-mental", "--coder", coder], in: root)
                try #require(set.status == 0, "set: \(set.stderr)")
            }
        }
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func bytes(_ relative: String) -> [UInt8] {
        FileManager.default.contents(atPath: url(relative).path).map { [UInt8]($0) } ?? []
    }

    func names(in relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(relative).path)) ?? []).sorted()
    }

    func run(_ arguments: [String], userID: Int? = nil) throws -> LitcoderBinary.Result {
        try LitcoderBinary.run(arguments, in: root, userID: userID)
    }
}

/// A fresh folder under the temporary folder, removed at the end of the test.
final class ScratchFolder {
    let url: URL

    init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Readable by the unprivileged user some tests run the binary as.
        chmod(url.path, 0o755)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
