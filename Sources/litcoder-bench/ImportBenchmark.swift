import ArgumentParser
import Foundation
import LitCoderCore

/// A large export imported as `litcoder import` does it: read, decode, parse, normalise (LaTeX,
/// names, DOIs, years), give ids, de-duplicate, and write the corpus file atomically.
///
/// Target (issue 6): 50,000 BibTeX entries with 1–2 KB abstracts (~95 MB) in at most 1.5 s,
/// the same records as RIS in at most 0.6 s, peak memory under 3× the file size. Each run is
/// timed twice over: the parse (everything up to the papers in memory, what the Python peers
/// do) and the whole import a user waits for (the parse plus writing the corpus). The files
/// come from `../shared/bench/bench_import.py`, so Python's parsers time the same bytes;
/// `scripts/bench-import` runs both sides and prints the ratios.
struct ImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Time importing FILE (BibTeX, RIS, …) fully normalised and written as a corpus; report medians and peak memory.")

    @Argument(help: "The export file to import.") var file: String
    @Option(help: "Runs; the median is reported.") var `repeat` = 3
    @Flag(help: "Time the parse only; write no corpus file.") var parseOnly = false
    @Option(help: "Also write the results as JSON to this file.") var json: String?

    /// One run's clock and CPU readings.
    private struct Run {
        var parseWall = 0.0
        var parseCPU = 0.0
        var writeWall = 0.0
        var writeCPU = 0.0
        var totalWall: Double { parseWall + writeWall }
        var totalCPU: Double { parseCPU + writeCPU }
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let size = Double((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-bench-import-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpusURL = folder.appendingPathComponent("papers.jsonl")

        var runs: [Run] = []
        var records = 0
        var format = ""
        var corpusBytes = 0
        // A user imports once per process: the peak after the first run is what one import
        // costs. Later runs can only raise the process's peak (the allocator keeps some freed
        // memory per thread), so the peak over all runs is reported beside it.
        var firstPeak = 0.0
        for _ in 0..<max(1, `repeat`) {
            try? FileManager.default.removeItem(at: corpusURL)
            var run = Run()
            // A fresh project with an empty corpus, as a first import of a survey's papers.
            var session = CorpusImport(
                corpusFiles: [.init(url: corpusURL, name: "papers.jsonl", papers: [], hasUnreadableLines: false)], target: 0)
            var cpu = Measurement.cpuSeconds()
            run.parseWall = Measurement.seconds { session.read(url: url, file: file, options: .init()) }
            run.parseCPU = Measurement.cpuSeconds() - cpu
            if let refused = session.refused.first { throw ValidationError("\(refused)") }
            records = session.merger.added.count
            format = session.files.first?.format.displayName ?? ""
            if !parseOnly {
                cpu = Measurement.cpuSeconds()
                run.writeWall = try Measurement.seconds { try session.write() }
                run.writeCPU = Measurement.cpuSeconds() - cpu
                corpusBytes = ((try? FileManager.default.attributesOfItem(atPath: corpusURL.path)[.size]) as? NSNumber)?.intValue ?? 0
            }
            runs.append(run)
            if runs.count == 1 { firstPeak = Measurement.peakResidentMiB() }
        }
        let peak = Measurement.peakResidentMiB()
        let mib = size / 1_048_576
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
        func median(_ value: (Run) -> Double) -> Double { Measurement.percentile(runs.map(value).sorted(), 0.5) }
        func line(_ label: String, wall: (Run) -> Double, cpu: (Run) -> Double) -> String {
            "\(label) median \(Measurement.format(median(wall))) s  runs \(runs.map { Measurement.format(wall($0)) })  "
                + "\(Measurement.format(mib / median(wall), digits: 1)) MiB/s  cpu (user+system, all threads) median \(Measurement.format(median(cpu))) s"
        }
        print("machine: \(Measurement.coreCount) cores, load average \(load)")
        print("\(file): \(format), \(Measurement.format(mib, digits: 1)) MiB, \(records) papers")
        print(line("parse ", wall: \.parseWall, cpu: \.parseCPU))
        if !parseOnly {
            print(line("write ", wall: \.writeWall, cpu: \.writeCPU) + "  (\(Measurement.format(Double(corpusBytes) / 1_048_576, digits: 1)) MiB corpus)")
            print(line("import", wall: \.totalWall, cpu: \.totalCPU))
        }
        print("peak RSS of one import \(Measurement.format(firstPeak, digits: 0)) MiB (\(Measurement.format(firstPeak / max(mib, 1e-9), digits: 2))× the file); "
              + "over all \(runs.count) runs \(Measurement.format(peak, digits: 0)) MiB (\(Measurement.format(peak / max(mib, 1e-9), digits: 2))×)")
        if let json {
            let result: [String: Any] = [
                "file": file, "format": format, "file_mib": mib, "records": records, "load_average": load,
                "max_rss_mib": peak, "first_run_max_rss_mib": firstPeak,
                // `median_s` is what a user waits for: the whole import, or the parse with --parse-only.
                "median_s": parseOnly ? median(\.parseWall) : median(\.totalWall),
                "parse_median_s": median(\.parseWall), "parse_cpu_median_s": median(\.parseCPU),
                "parse_runs_s": runs.map(\.parseWall),
                "write_median_s": parseOnly ? NSNull() : median(\.writeWall) as Any,
                "import_median_s": parseOnly ? NSNull() : median(\.totalWall) as Any,
                "import_cpu_median_s": parseOnly ? NSNull() : median(\.totalCPU) as Any,
                "import_runs_s": parseOnly ? NSNull() : runs.map(\.totalWall) as Any,
            ]
            try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
                .write(to: URL(fileURLWithPath: json))
        }
    }
}
