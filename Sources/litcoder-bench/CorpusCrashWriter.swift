import ArgumentParser
import Foundation
import LitCoderCore

/// A corpus writer for the crash test: replaces one corpus file over and over until killed.
///
/// It alternates two versions of the corpus, tagged `a` and `b` in every id, and prints the
/// tag once the replacement returns. The crash test kills it with SIGKILL at random moments
/// and checks that the file always holds one whole version, never a mixture or a fragment.
/// Both versions are encoded once, up front, so nearly all the loop's time is spent inside
/// `AtomicFile.replace` (the part a kill can damage) rather than in encoding.
struct CorpusCrashWriter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus-crash-writer", abstract: "Rewrite a corpus file until killed (used by the crash test).",
        shouldDisplay: false)

    @Option(help: "The corpus file to rewrite.") var corpus: String
    @Option(help: "Papers in each version.") var papers = 2_000

    func run() throws {
        let url = URL(fileURLWithPath: corpus)
        let versions = ["a", "b"].map { tag in
            (tag, (0..<papers).map { index in
                // The versions differ in length too, so a mixture could not pass for either.
                Paper(id: "p\(index)-\(tag)", title: "Paper \(index) (\(tag))",
                      abstract: String(repeating: tag == "a" ? "short " : "rather longer text ", count: 20 + index % 50))
            })
        }
        let encoded = versions.map { tag, papers in
            (tag, papers.flatMap { paper in
                var line: [UInt8] = []
                PaperJSONLine.append(paper, to: &line)
                return line + [UInt8(ascii: "\n")]
            })
        }
        var round = 0
        while true {
            let (tag, bytes) = encoded[round % 2]
            try AtomicFile.replace(url, with: bytes)
            // Straight to the descriptor: nothing buffered may be lost when the kill comes.
            let line = Array("\(tag)\n".utf8)
            _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            round += 1
        }
    }
}
