import ArgumentParser
import Foundation
import LitCoderCore

/// A writer for the crash test: appends events forever, printing each seq once append returns.
///
/// The crash test kills it with SIGKILL at random moments and checks that every seq printed is
/// in the log. Every other event carries a note of NOTE-BYTES, so that a kill often lands in the
/// middle of a write and leaves a torn line behind.
struct CrashWriter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-writer", abstract: "Append events until killed (used by the crash test).",
        shouldDisplay: false)

    @Option(help: "The log to write.") var log: String
    @Option(help: "Size of the large notes.") var noteBytes = 200_000
    @Option(help: "Stop after this many events (0: never).") var count = 0

    func run() throws {
        let coder = URL(fileURLWithPath: log).deletingPathExtension().lastPathComponent
        let opened = try CodingLog.open(url: URL(fileURLWithPath: log), coder: coder, codebookHash: SyntheticLog.codebookHash)
        let note = String(repeating: "n", count: noteBytes)
        var written = 0
        while count == 0 || written < count {
            let event = written % 2 == 0
                ? CodingEvent(coder: coder, paper: "p\(written % 97)", op: .note, text: note)
                : CodingEvent.set(paper: "p\(written % 97)", dimension: "motivation", codes: ["healthcare"], coder: coder, codebook: "")
            let saved = try opened.append(event)
            // Straight to the descriptor: nothing buffered may be lost when the kill comes.
            let line = Array("\(saved.seq)\n".utf8)
            _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            written += 1
        }
    }
}
