import ArgumentParser
import Foundation
import LitCoderCore

/// Replaying a large log: the time and memory it takes to open a coder's log with a long history.
///
/// Targets: 1,000,000 events over 100,000 papers in at most 1.5 s and 600 MB (issue 2), then
/// 0.5 s (issue 15).
struct ReplayBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Open (lock, read, replay) a generated log of EVENTS events over PAPERS papers.")

    @Option(help: "Events in the generated log.") var events = 1_000_000
    @Option(help: "Distinct papers the events touch.") var papers = 100_000
    @Option(help: "Timed runs; the median is reported.") var runs = 3
    @Option(help: "Folder for the generated log (default: a temporary folder).") var directory: String?

    func run() throws {
        let folder = URL(fileURLWithPath: directory ?? NSTemporaryDirectory())
            .appendingPathComponent("litcoder-bench-replay-\(events)-\(papers)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("alice.jsonl")
        let bytes = try SyntheticLog.write(to: log, events: events, papers: papers)
        defer { try? FileManager.default.removeItem(at: folder) }
        print("log: \(events) events over \(papers) papers, \(Measurement.format(Double(bytes) / 1_048_576, digits: 1)) MiB")
        print("machine: \(Measurement.coreCount) cores")
        let before = Measurement.peakResidentMiB()
        var times: [Double] = []
        for run in 1...max(runs, 1) {
            var check = (0, 0)
            let cpuBefore = Measurement.cpuSeconds()
            let seconds = try Measurement.seconds {
                let opened = try CodingLog.open(url: log, coder: "alice", codebookHash: SyntheticLog.codebookHash)
                check = (opened.state.eventCount, opened.state.paperCount)
                opened.close()
            }
            guard check.0 == events else { throw ValidationError("replayed \(check.0) events, expected \(events)") }
            times.append(seconds)
            let cpu = Measurement.cpuSeconds() - cpuBefore
            print("run \(run): \(Measurement.format(seconds)) s wall, \(Measurement.format(cpu)) s CPU (\(check.1) papers in the state)")
        }
        times.sort()
        print("replay median: \(Measurement.format(Measurement.percentile(times, 0.5))) s, "
              + "peak memory: \(Measurement.format(Measurement.peakResidentMiB(), digits: 0)) MiB "
              + "(before replay: \(Measurement.format(before, digits: 0)) MiB)")
    }
}

/// A made-up but realistic log: mostly `set` of codes, some notes, flags, done marks and views.
enum SyntheticLog {
    static let codebookHash = String(repeating: "5e", count: 32)

    /// Writes the log in pieces (so generating it needs little memory); returns its size in bytes.
    static func write(to url: URL, events: Int, papers: Int) throws -> Int {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let motivations = ["healthcare", "voice-assistant", "call-centre", "hci-general", "education", "automotive", "none-stated"]
        let datasets = ["iemocap", "msp-podcast", "emo-db", "ravdess", "crema-d", "savee", "tess", "meld", "cmu-mosei", "aibo"]
        var state: UInt64 = 0x2545F4914F6CDD1D
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % 1_000_000_007)
        }
        var buffer: [UInt8] = []
        var total = 0
        for seq in 1...max(events, 1) {
            let paper = "p\(next() % max(papers, 1))"
            let time = "2026-11-24T10:\(10 + seq % 50):\(10 + seq % 50).\(100 + seq % 900)Z"
            let kind = next() % 20
            let event: CodingEvent
            switch kind {
            case 0..<7:
                event = CodingEvent(seq: seq, time: time, coder: "alice", paper: paper, op: .set, dimension: "motivation",
                                    codes: [motivations[next() % motivations.count]], codebook: codebookHash)
            case 7..<14:
                event = CodingEvent(seq: seq, time: time, coder: "alice", paper: paper, op: .set, dimension: "datasets",
                                    codes: [datasets[next() % datasets.count], datasets[next() % datasets.count]], codebook: codebookHash)
            case 14:
                event = CodingEvent(seq: seq, time: time, coder: "alice", paper: paper, op: .note,
                                    text: "Unsure whether the \"in-car\" setting counts as natural speech.", codebook: codebookHash)
            case 15:
                event = CodingEvent(seq: seq, time: time, coder: "alice", paper: paper, op: .flag, value: next() % 2 == 0, codebook: codebookHash)
            case 16, 17:
                event = CodingEvent(seq: seq, time: time, coder: "alice", paper: paper, op: .done, value: true, codebook: codebookHash)
            default:
                event = CodingEvent(seq: seq, time: time, coder: "alice", paper: paper, op: .view, codebook: codebookHash)
            }
            buffer += EventLineEncoder.line(for: event)
            if buffer.count > 1 << 20 {
                handle.write(Data(buffer))
                total += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
        return total + buffer.count
    }
}
