import ArgumentParser
import Foundation
import LitCoderCore

/// One durable append (write + fsync) at a time, as the workbench records each decision.
///
/// Target (issue 2): p99 under 15 ms. Run it on the disk the projects live on: fsync costs what
/// the file system and device make it cost.
struct AppendBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append", abstract: "Time COUNT durable appends to a fresh log and report p50, p99 and max.")

    @Option(help: "Appends to time.") var count = 1000
    @Option(help: "Folder for the log (default: a new folder under the current one, i.e. on the project's disk).")
    var directory: String?

    func run() throws {
        let base = URL(fileURLWithPath: directory ?? FileManager.default.currentDirectoryPath)
        let folder = base.appendingPathComponent(".litcoder-bench-append-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try CodingLog.open(url: folder.appendingPathComponent("alice.jsonl"), coder: "alice",
                                     codebookHash: SyntheticLog.codebookHash)
        defer { log.close() }
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for i in 0..<max(count, 1) {
            let event = CodingEvent.set(paper: "p\(i % 500)", dimension: "motivation", codes: ["healthcare"],
                                        coder: "alice", codebook: "")
            samples.append(try Measurement.seconds { try log.append(event) } * 1000)
        }
        samples.sort()
        print("machine: \(Measurement.coreCount) cores; log in \(folder.deletingLastPathComponent().path)")
        print("\(samples.count) durable appends: p50 \(Measurement.format(Measurement.percentile(samples, 0.5))) ms, "
              + "p99 \(Measurement.format(Measurement.percentile(samples, 0.99))) ms, "
              + "max \(Measurement.format(samples.last ?? .nan)) ms")
    }
}
