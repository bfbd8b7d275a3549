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
    @Flag(help: "Prepare the papers ahead only while idle, not also on a background thread.")
    var noBackground = false

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

        // First frame, phase by phase as `litcoder code` takes them: the project file, the
        // codebook, the corpus, the coder's log (lock + replay), the workbench state (of which
        // the alias matcher and the first paper's matching), the summary pane, the first render.
        var session: WorkbenchSession?
        var backend = MemoryBackend(width: width, height: height)
        var parts: [(String, Double, Double)] = []
        // Wall time and the process's CPU time (all threads): on a loaded machine the first is
        // mostly waiting for a core, the second is what the code costs.
        func phase(_ name: String, _ body: () throws -> Void) throws {
            let cpuBefore = Self.processCPUSeconds()
            let wall = try Measurement.seconds(body)
            parts.append((name, wall, Self.processCPUSeconds() - cpuBefore))
        }
        let startCPU = Self.processCPUSeconds()
        let startup = try Measurement.seconds {
            var loadedProject: Project?
            try phase("project file") { loadedProject = try Project.load(root: folder) }
            let project = try require(loadedProject)
            var loadedCodebook: Codebook?
            try phase("codebook") {
                loadedCodebook = CodebookLoader.load(url: project.codebookURL, displayName: "codebook.yaml").0
            }
            let codebook = try require(loadedCodebook)
            var corpus: Corpus?
            try phase("corpus") {
                corpus = Corpus.load(files: project.corpusURLs, displayName: project.display).0
            }
            let loaded = Workspace(project: project, codebook: codebook, corpus: try require(corpus))
            var log: CodingLog?
            try phase("open log") { log = try loaded.openLog(coder: "alice") }
            let opened = try require(log)
            var workbench: Workbench?
            try phase("build state") {
                workbench = Workbench(codebook: loaded.codebook, papers: loaded.corpus.papers, coder: "alice",
                                      state: opened.state, history: EventHistory(loading: opened.history))
            }
            let built = try require(workbench)
            var summary: SummaryPane?
            try phase("summary pane") { summary = SummaryPane(for: built) }
            let pane = try require(summary)
            try phase("render") {
                let view = WorkbenchView(summary: pane, alignmentLine: pane.alignmentLine)
                let running = WorkbenchSession(workbench: built, backend: backend, view: view, store: { $0 },
                                               preparesAhead: !noBackground)
                running.redraw()
                session = running
            }
            opened.close()
        }
        let startupCPU = Self.processCPUSeconds() - startCPU
        // Outside the first frame, for scale: what the pieces cost on their own.
        if let built = session?.workbench {
            try phase("[not in first frame] alias matcher alone") { _ = AliasMatcher(codebook: built.codebook) }
            let pane = SummaryPane(for: built)
            try phase("[not in first frame] summary counts on first 's'") { _ = pane.summary(for: built) }
        }
        print("first frame: \(Measurement.format(startup)) s wall after start, \(Measurement.format(startupCPU)) s CPU; per phase, wall / CPU in s:")
        for (name, wall, cpu) in parts { print("  \(name): \(Measurement.format(wall)) / \(Measurement.format(cpu))") }
        print("peak memory after start: \(Measurement.format(Measurement.peakResidentMiB(), digits: 0)) MiB")

        // Keystrokes: a coder's mix of moves, toggles, paging and paper changes.
        var seq = events
        backend = MemoryBackend(width: width, height: height)
        let workbench = try require(session).workbench
        let timed = WorkbenchSession(workbench: workbench, backend: backend, store: { event in
            var saved = event
            seq += 1
            saved.seq = seq
            return saved
        }, preparesAhead: !noBackground)
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

    /// CPU time of the whole process, all threads (`clock_gettime(CLOCK_PROCESS_CPUTIME_ID)`).
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
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
