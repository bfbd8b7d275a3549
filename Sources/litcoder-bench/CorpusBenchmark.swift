import ArgumentParser
import Foundation
import LitCoderCore

/// Writing and loading a large corpus: what `import` and every command opening a project pay.
///
/// The papers are the bundled sample's abstracts repeated under fresh ids, so the text has
/// the length and the mix of scripts of real records. No target is set by an issue; the
/// figures in `docs/performance.md` are the baseline to keep.
struct CorpusBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus", abstract: "Write PAPERS papers with Corpus.writeJSONL, then load them with Corpus.load.")

    @Option(help: "Papers in the generated corpus.") var papers = 100_000
    @Option(help: "Timed loads; the median is reported.") var runs = 3
    @Option(help: "The sample corpus whose abstracts are repeated.") var sample = "corpus/ser-sample.jsonl"
    @Option(help: "Folder for the generated corpus (default: a temporary folder).") var directory: String?
    @Option(help: "Only load this existing corpus file (peak memory is then loading's alone).") var loadOnly: String?

    func run() throws {
        if let loadOnly {
            print("machine: \(Measurement.coreCount) cores")
            try measureLoading(URL(fileURLWithPath: loadOnly), expecting: nil)
            return
        }
        let (seed, problems) = Corpus.load(files: [URL(fileURLWithPath: sample)])
        guard seed.count > 0, problems.isEmpty else {
            throw ValidationError("cannot use \(sample) as the seed corpus (run from the repository root): \(problems)")
        }
        let folder = URL(fileURLWithPath: directory ?? NSTemporaryDirectory())
            .appendingPathComponent("litcoder-bench-corpus-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("papers.jsonl")
        let writeSeconds = try write(papers: papers, from: seed, to: url)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let mebibytes = Double(bytes) / 1_048_576
        print("machine: \(Measurement.coreCount) cores")
        print("corpus: \(papers) papers, \(Measurement.format(mebibytes, digits: 1)) MiB")
        print("write (encode + atomic replace with fsync): \(Measurement.format(writeSeconds)) s, "
              + "\(Measurement.format(mebibytes / writeSeconds, digits: 0)) MiB/s")
        try measureLoading(url, expecting: papers)
    }

    private func measureLoading(_ url: URL, expecting papers: Int?) throws {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let mebibytes = Double(bytes) / 1_048_576
        let before = Measurement.peakResidentMiB()
        var times: [Double] = []
        for run in 1...max(runs, 1) {
            var loaded = 0
            var diagnostics = 0
            let cpuBefore = Measurement.cpuSeconds()
            let seconds = Measurement.seconds {
                let (corpus, found) = Corpus.load(files: [url])
                loaded = corpus.count
                diagnostics = found.count
            }
            guard loaded == papers ?? loaded, diagnostics == 0 else {
                throw ValidationError("loaded \(loaded) papers with \(diagnostics) diagnostics, expected \(papers.map(String.init) ?? "any number") and none")
            }
            times.append(seconds)
            let cpu = Measurement.cpuSeconds() - cpuBefore
            print("load run \(run): \(loaded) papers in \(Measurement.format(seconds)) s wall, \(Measurement.format(cpu)) s CPU")
        }
        times.sort()
        let median = Measurement.percentile(times, 0.5)
        print("load median: \(Measurement.format(median)) s, \(Measurement.format(mebibytes / median, digits: 0)) MiB/s; "
              + "peak memory: \(Measurement.format(Measurement.peakResidentMiB(), digits: 0)) MiB "
              + "(before loading: \(Measurement.format(before, digits: 0)) MiB)")
    }


    /// Generates `count` papers from the seed and times writing them; the papers are gone when
    /// it returns, so they do not count in the loading's memory.
    private func write(papers count: Int, from seed: Corpus, to url: URL) throws -> Double {
        let generated = (0..<count).map { index -> Paper in
            var paper = seed.papers[index % seed.count]
            paper.id = "bench-\(index)"
            return paper
        }
        return try Measurement.seconds { try Corpus.writeJSONL(generated, to: url) }
    }
}
