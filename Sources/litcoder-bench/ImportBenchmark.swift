import ArgumentParser
import Foundation
import LitCoderCore

/// A large export imported as `litcoder import` does it, short of the final write: read,
/// decode, parse, normalise (LaTeX, names, DOIs, years), give ids and de-duplicate.
///
/// Target (issue 6): 50,000 BibTeX entries with 1–2 KB abstracts (~95 MB) in at most 1.5 s,
/// the same records as RIS in at most 0.6 s, peak memory under 3× the file size. The files
/// come from `../shared/bench/bench_import.py`, so Python's parsers time the same bytes;
/// `scripts/bench-import` runs both sides and prints the ratios.
struct ImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Time importing FILE (BibTeX, RIS, …) fully normalised; report the median and peak memory.")

    @Argument(help: "The export file to import.") var file: String
    @Option(help: "Runs; the median is reported.") var `repeat` = 3
    @Flag(help: "Also time writing the papers as a corpus file (to a temporary folder).") var write = false
    @Option(help: "Also write the results as JSON to this file.") var json: String?

    /// User plus system time of this process so far, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let size = Double((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0)
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var writeTimes: [Double] = []
        var records = 0
        var format = ""
        for _ in 0..<max(1, `repeat`) {
            var session = CorpusImport(corpusFiles: [], target: 0)
            let cpuBefore = Self.cpuSeconds()
            times.append(Measurement.seconds {
                session.read(url: url, file: file, options: .init())
            })
            cpuTimes.append(Self.cpuSeconds() - cpuBefore)
            if let refused = session.refused.first { throw ValidationError("\(refused)") }
            records = session.merger.added.count
            format = session.files.first?.format.displayName ?? ""
            if write {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-bench-import-\(getpid())")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let papers = Array(session.merger.added)
                writeTimes.append(try Measurement.seconds {
                    try Corpus.writeJSONL(papers, to: folder.appendingPathComponent("papers.jsonl"))
                })
            }
        }
        times.sort()
        cpuTimes.sort()
        writeTimes.sort()
        let median = Measurement.percentile(times, 0.5)
        let peak = Measurement.peakResidentMiB()
        let mib = size / 1_048_576
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
        print("machine: \(Measurement.coreCount) cores, load average \(load)")
        print("\(file): \(format), \(Measurement.format(mib, digits: 1)) MiB, \(records) papers")
        print("import median \(Measurement.format(median)) s  runs \(times.map { Measurement.format($0) })  "
              + "\(Measurement.format(mib / median, digits: 1)) MiB/s  peak RSS \(Measurement.format(peak, digits: 0)) MiB "
              + "(\(Measurement.format(peak / max(mib, 1e-9), digits: 2))× the file)")
        print("cpu (user+system, all threads) median \(Measurement.format(Measurement.percentile(cpuTimes, 0.5))) s; fastest run \(Measurement.format(times.first ?? .nan)) s")
        if !writeTimes.isEmpty {
            print("write corpus median \(Measurement.format(Measurement.percentile(writeTimes, 0.5))) s")
        }
        if let json {
            let result: [String: Any] = [
                "file": file, "format": format, "file_mib": mib, "records": records, "median_s": median,
                "runs_s": times, "max_rss_mib": peak, "cpu_median_s": Measurement.percentile(cpuTimes, 0.5), "load_average": load,
                "write_median_s": writeTimes.isEmpty ? NSNull() : Measurement.percentile(writeTimes, 0.5) as Any,
            ]
            try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
                .write(to: URL(fileURLWithPath: json))
        }
    }
}
