import ArgumentParser
import Foundation
import LitCoderCore
import LitCoderUI

/// A paper whose abstract is megabytes long (a pasted full text, a broken import): the time to
/// the workbench's first frame, to page through it, and, in a real terminal (tmux), how soon
/// SIGTERM and a closed terminal end the workbench while it shows that paper.
///
/// Target (issue 13): first frame of a 5 MB abstract under 0.5 s in release; SIGTERM or SIGHUP
/// end the workbench within 1 s whatever it is doing.
struct HugeAbstractBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "huge-abstract",
        abstract: "First frame and paging with a multi-megabyte abstract; SIGTERM/SIGHUP to exit in tmux.")

    @Option(help: "Size of the huge abstract in MB.") var megabytes = 5.0
    @Option(help: "Screen width.") var width = 120
    @Option(help: "Screen height.") var height = 40
    @Option(help: "Codebook to use.") var codebook = "codebooks/ser-survey.yaml"
    @Flag(help: "Skip the end-to-end part in tmux.") var noTmux = false
    @Flag(help: "Also time matching, glyphs and wrapping of the whole text, for scale.") var whole = false

    func run() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("litcoder-bench-huge-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let codebookText = try String(contentsOfFile: codebook, encoding: .utf8)
        try codebookText.write(to: folder.appendingPathComponent("codebook.yaml"), atomically: true, encoding: .utf8)
        try "name: bench\ncodebook: codebook.yaml\ncorpus: corpus/papers.jsonl\n"
            .write(to: folder.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        let bytes = Int(megabytes * 1_000_000)
        let abstract = Self.text(bytes: bytes)
        var lines = "{\"id\":\"huge\",\"title\":\"A paper with a huge abstract on IEMOCAP\",\"year\":2024,\"abstract\":\"\(abstract)\"}\n"
        for i in 0..<20 {
            lines += "{\"id\":\"p\(i)\",\"title\":\"Paper \(i)\",\"year\":2020,\"abstract\":\"Speech emotion recognition on IEMOCAP.\"}\n"
        }
        try lines.write(to: folder.appendingPathComponent("corpus/papers.jsonl"), atomically: true, encoding: .utf8)
        print("abstract: \(abstract.utf8.count) bytes (\(Measurement.format(Double(abstract.utf8.count) / 1_000_000, digits: 1)) MB), screen \(width)x\(height), codebook \(codebook)")
        print("machine: \(Measurement.coreCount) cores, load average \(Self.loadAverage())")

        var parts: [(String, Double, Double)] = []
        func phase(_ name: String, _ body: () throws -> Void) throws {
            let cpu = Measurement.cpuSeconds()
            let wall = try Measurement.seconds(body)
            parts.append((name, wall, Measurement.cpuSeconds() - cpu))
        }
        let project = try Project.load(root: folder)
        var loaded: (Codebook, Corpus)?
        try phase("codebook and corpus") {
            let codebook = CodebookLoader.load(url: project.codebookURL, displayName: "codebook.yaml").0
            let corpus = Corpus.load(files: project.corpusURLs, displayName: project.display).0
            if let codebook { loaded = (codebook, corpus) }
        }
        guard let (codebook, corpus) = loaded else { throw ValidationError("the project did not load") }
        if whole, let paper = corpus.paper("huge") {
            // For scale: what the whole text costs, which the first frame no longer pays.
            let matcher = AliasMatcher(codebook: codebook)
            var matches: [AliasMatch] = []
            var glyphs: [Glyph] = []
            let matching = Measurement.seconds { matches = matcher.matches(in: paper.title + "\n" + paper.abstract) }
            let making = Measurement.seconds { glyphs = Glyph.glyphs(paper.abstract, highlights: matches.map(\.range)) }
            let wrapping = Measurement.seconds { _ = TextLayout.wrap(glyphs, width: width * 58 / 100) }
            print("[not in first frame] the whole text: matching \(Measurement.format(matching)) s (\(matches.count) matches; "
                  + "the background's job for the suggestions), glyphs \(Measurement.format(making)) s, wrapping \(Measurement.format(wrapping)) s")
        }
        var workbench: Workbench?
        try phase("workbench on the huge paper") {
            workbench = Workbench(codebook: codebook, papers: corpus.papers, coder: "alice", events: [], startPaper: "huge")
        }
        guard let built = workbench else { throw ValidationError("no workbench") }
        let backend = MemoryBackend(width: width, height: height)
        var session: WorkbenchSession?
        try phase("first render") {
            let running = WorkbenchSession(workbench: built, backend: backend, store: { $0 })
            running.redraw()
            session = running
        }
        let total = parts.reduce(0) { $0 + $1.1 }
        let totalCPU = parts.reduce(0) { $0 + $1.2 }
        print("first frame (in process, after the corpus is loaded): \(Measurement.format(parts.dropFirst().reduce(0) { $0 + $1.1 })) s wall")
        print("with loading the corpus: \(Measurement.format(total)) s wall, \(Measurement.format(totalCPU)) s CPU; per phase, wall / CPU in s:")
        for (name, wall, cpu) in parts { print("  \(name): \(Measurement.format(wall)) / \(Measurement.format(cpu))") }
        guard let running = session else { return }
        var pages: [Double] = []
        for _ in 0..<200 {
            pages.append(Measurement.seconds {
                running.send(.key(.pageDown))
                running.redraw()
            } * 1000)
        }
        pages.sort()
        print("PgDn through the abstract, 200 pages: p50 \(Measurement.format(Measurement.percentile(pages, 0.5))) ms, "
              + "p99 \(Measurement.format(Measurement.percentile(pages, 0.99))) ms, max \(Measurement.format(pages.last ?? .nan)) ms")
        // A quote deep in the abstract, where the pages above left the screen: v, then sentence
        // and word keys, then Enter (which hashes the whole field and writes the event).
        func timed(_ key: Key) -> Double {
            Measurement.seconds {
                running.send(.key(key))
                running.redraw()
            } * 1000
        }
        let select = timed(.character("v"))
        var moves = (0..<100).map { _ in timed(.down) } + (0..<100).map { _ in timed(.character("L")) }
        moves.sort()
        let attach = timed(.enter)
        print("a quote there: v \(Measurement.format(select)) ms; 100 ↓ and 100 Shift-→: p50 "
              + "\(Measurement.format(Measurement.percentile(moves, 0.5))) ms, p99 \(Measurement.format(Measurement.percentile(moves, 0.99))) ms, "
              + "max \(Measurement.format(moves.last ?? .nan)) ms; Enter (attach) \(Measurement.format(attach)) ms")
        let next = Measurement.seconds {
            running.send(.key(.right))
            running.redraw()
        }
        print("→ to the next paper: \(Measurement.format(next * 1000)) ms")
        print("peak memory: \(Measurement.format(Measurement.peakResidentMiB(), digits: 0)) MiB")
        if !noTmux {
            var endToEnd = EndToEndSignals(project: folder)
            try endToEnd.run()
        }
    }

    /// Words of abstracts, with dataset names and motivations the codebook's aliases find.
    static func text(bytes: Int) -> String {
        let words = ["speech", "emotion", "recognition", "IEMOCAP", "we", "the", "call", "centre", "depression", "model",
                     "acted", "natural", "MSP-Podcast", "corpus", "results", "show", "that", "valence", "and", "of"]
        var text = ""
        text.reserveCapacity(bytes + 16)
        var state: UInt64 = 7
        var sentence = 0
        while text.utf8.count < bytes {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text += words[Int(state >> 33) % words.count]
            sentence += 1
            text += sentence % 15 == 0 ? ". " : " "
        }
        return text
    }

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }
}
