import ArgumentParser
import Foundation
import LitCoderCore
import LitCoderUI

/// The workbench on a large project: time to the first frame, and one keystroke's update plus
/// render (the disk write left out: the store here keeps events in memory).
///
/// Target (issue 3): 100,000 papers at 200×60, keystroke p99 ≤ 2 ms, first frame within 1 s.
struct WorkbenchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench", abstract: "First frame and keystroke latency of the workbench on a generated project.")

    @Option(help: "Papers in the generated corpus.") var papers = 100_000
    @Option(help: "Events already in the coder's log.") var events = 20_000
    @Option(help: "Keystrokes to time.") var keys = 5_000
    @Option(help: "Screen width.") var width = 200
    @Option(help: "Screen height.") var height = 60
    @Option(help: "Codebook to use (default: codebooks/ser-survey.yaml when present, else a generated one).")
    var codebook: String?

    func run() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("litcoder-bench-workbench-\(papers)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let codebookText = try codebookYAML()
        try codebookText.write(to: folder.appendingPathComponent("codebook.yaml"), atomically: true, encoding: .utf8)
        try "name: bench\ncodebook: codebook.yaml\ncorpus: corpus/papers.jsonl\n"
            .write(to: folder.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        let corpusBytes = try SyntheticCorpus.write(to: folder.appendingPathComponent("corpus/papers.jsonl"), papers: papers)
        print("project: \(papers) papers (\(Measurement.format(Double(corpusBytes) / 1_048_576, digits: 1)) MiB), \(events) logged events, screen \(width)x\(height)")
        print("machine: \(Measurement.coreCount) cores")

        // Seed the log as earlier sessions would have left it (written in one go: fsyncing
        // each line would only time the disk).
        let project = try Project.load(root: folder)
        let seedWorkspace = try Workspace.open(project)
        let dimensions = seedWorkspace.codebook.dimensions.filter { !$0.codes.isEmpty }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines = Data()
        for i in 0..<events where !dimensions.isEmpty {
            let dimension = dimensions[i % dimensions.count]
            let code = dimension.codes[(i / dimensions.count) % dimension.codes.count]
            var event = CodingEvent.set(paper: "paper-\((i * 7) % papers)", dimension: dimension.id, codes: [code.id],
                                        coder: "alice", codebook: seedWorkspace.codebook.contentHash)
            event.seq = i + 1
            event.time = "2026-01-01T00:00:00.000Z"
            lines += try encoder.encode(event)
            lines.append(UInt8(ascii: "\n"))
        }
        try FileManager.default.createDirectory(at: project.codingsURL, withIntermediateDirectories: true)
        try lines.write(to: project.logURL(coder: "alice"))

        // First frame: load the project, open the log, build the state, render.
        var session: WorkbenchSession?
        var backend = MemoryBackend(width: width, height: height)
        var parts: [(String, Double)] = []
        let startup = try Measurement.seconds {
            var workspace: Workspace?
            parts.append(("load project", try Measurement.seconds { workspace = try Workspace.open(project) }))
            let loaded = try require(workspace)
            var log: CodingLog?
            parts.append(("open log", try Measurement.seconds {
                log = try CodingLog.open(url: project.logURL(coder: "alice"), coder: "alice",
                                         codebookHash: loaded.codebook.contentHash)
            }))
            let opened = try require(log)
            var workbench: Workbench?
            parts.append(("build state", Measurement.seconds {
                workbench = Workbench(codebook: loaded.codebook, papers: loaded.corpus.papers, coder: "alice",
                                      events: opened.events, state: opened.state)
            }))
            let built = try require(workbench)
            parts.append(("of which alias matcher", Measurement.seconds { _ = AliasMatcher(codebook: loaded.codebook) }))
            parts.append(("render", Measurement.seconds {
                let running = WorkbenchSession(workbench: built, backend: backend, store: { $0 })
                running.redraw()
                session = running
            }))
            opened.close()
        }
        print("first frame: \(Measurement.format(startup)) s after start ("
              + parts.map { "\($0.0) \(Measurement.format($0.1))" }.joined(separator: ", ") + ")")

        // Keystrokes: a coder's mix of moves, toggles, paging and paper changes.
        var seq = events
        backend = MemoryBackend(width: width, height: height)
        let workbench = try require(session).workbench
        let timed = WorkbenchSession(workbench: workbench, backend: backend, store: { event in
            var saved = event
            seq += 1
            saved.seq = seq
            return saved
        })
        timed.redraw()
        let mix: [Key] = [.down, .character(" "), .tab, .character("2"), .right, .pageDown, .character("j"), .up,
                          .backTab, .character("1"), .enter, .pageUp, .left, .character("f"), .tab, .character("3")]
        // Twice: keys back to back (key repeat), then with a pause before each key, in which
        // the run loop lets the workbench prepare the neighbouring papers (not timed).
        for paused in [false, true] {
            var samples: [Double] = []
            var cpuSamples: [Double] = []
            var byKey: [Key: [Double]] = [:]
            for i in 0..<keys {
                let key = mix[i % mix.count]
                if paused { timed.send(.idle) }
                let cpuBefore = Self.threadCPUSeconds()
                let seconds = Measurement.seconds {
                    timed.send(.key(key))
                    timed.redraw()
                }
                let cpu = (Self.threadCPUSeconds() - cpuBefore) * 1000
                cpuSamples.append(cpu)
                byKey[key, default: []].append(cpu)
                samples.append(seconds * 1000)
            }
            samples.sort()
            cpuSamples.sort()
            print(paused ? "typing with pauses (neighbours prepared while idle):" : "keys back to back (no idle time):")
            print("  CPU p99 by key: " + byKey.map { key, values in
                "\(key) \(Measurement.format(Measurement.percentile(values.sorted(), 0.99)))"
            }.sorted().joined(separator: ", "))
            print("  keystroke CPU time of this thread: p50 \(Measurement.format(Measurement.percentile(cpuSamples, 0.5))) ms, "
                  + "p99 \(Measurement.format(Measurement.percentile(cpuSamples, 0.99))) ms, max \(Measurement.format(cpuSamples.last ?? .nan)) ms")
            print("  keystroke wall time (update + render + diff), \(keys) keys: p50 \(Measurement.format(Measurement.percentile(samples, 0.5))) ms, "
                  + "p99 \(Measurement.format(Measurement.percentile(samples, 0.99))) ms, max \(Measurement.format(samples.last ?? .nan)) ms")
        }
        print("peak memory: \(Measurement.format(Measurement.peakResidentMiB(), digits: 0)) MiB")
    }

    /// CPU time of the calling thread (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func require<T>(_ value: T?) throws -> T {
        guard let value else { throw ValidationError("the workbench did not start") }
        return value
    }

    private func codebookYAML() throws -> String {
        let path = codebook ?? "codebooks/ser-survey.yaml"
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            print("codebook: \(path)")
            return text
        }
        if codebook != nil { throw ValidationError("cannot read \(path)") }
        print("codebook: generated (8 dimensions, 12 codes each, 2 aliases a code)")
        var yaml = "id: bench\ntitle: Bench\nversion: \"1\"\ndimensions:\n"
        for d in 0..<8 {
            yaml += "  - id: d\(d)\n    label: Dimension \(d)\n    kind: \(d % 3 == 1 ? "single" : "multi")\n    codes:\n"
            for c in 0..<12 {
                yaml += "      - id: c\(d)-\(c)\n        label: Code \(d)-\(c)\n        definition: What code \(c) of dimension \(d) means, with guidance.\n"
                yaml += "        aliases: [\(SyntheticCorpus.vocabulary[(d * 12 + c) % SyntheticCorpus.vocabulary.count]), term\(d)x\(c)]\n"
            }
        }
        return yaml
    }
}

/// Papers with abstracts of about 1,200 characters drawn from a speech-emotion vocabulary.
enum SyntheticCorpus {
    static let vocabulary = [
        "emotion", "speech", "depression", "clinical", "IEMOCAP", "MSP-Podcast", "acted", "natural", "arousal",
        "valence", "call centre", "voice assistant", "robot", "driver", "children", "elderly", "transformer",
        "features", "accuracy", "corpus", "spontaneous", "recordings", "anger", "happiness", "sadness", "neutral",
        "we", "the", "a", "of", "and", "model", "dataset", "results", "show", "that", "our", "method",
    ]

    /// Writes the corpus as JSON Lines; returns its size in bytes.
    static func write(to url: URL, papers: Int) throws -> Int {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var total = 0
        var chunk = ""
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for i in 0..<papers {
            var words: [String] = []
            var length = 0
            while length < 1200 {
                let word = vocabulary[next() % vocabulary.count]
                words.append(word)
                length += word.count + 1
            }
            let title = (0..<8).map { _ in vocabulary[next() % vocabulary.count] }.joined(separator: " ")
            chunk += "{\"id\":\"paper-\(i)\",\"title\":\"\(title)\",\"authors\":[\"Author, A\",\"Writer, B\"],\"year\":\(2000 + i % 25),\"venue\":\"Interspeech\",\"abstract\":\"\(words.joined(separator: " ")).\"}\n"
            if chunk.utf8.count > 1 << 20 {
                total += chunk.utf8.count
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        total += chunk.utf8.count
        handle.write(Data(chunk.utf8))
        return total
    }
}
