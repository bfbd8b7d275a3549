import Foundation
import LitCoderCore

/// `litcoder-bench alignment [--papers N] [--codebook FILE] [--seed S]`: the full summary of a
/// coded corpus, and one paper's change, against the bundled SER codebook.
///
/// Targets (issue: alignment and summary): 100,000 papers summarised in ≤ 200 ms; one paper's
/// change applied in ≤ 50 µs.
enum AlignmentBenchmark {
    static func run(_ arguments: [String]) throws {
        var papers = 100_000
        var codebookPath = "codebooks/ser-survey.yaml"
        var seed: UInt64 = 2026
        var i = 0
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch arguments[i] {
            case "--papers": papers = Int(value) ?? papers
            case "--codebook": codebookPath = value
            case "--seed": seed = UInt64(value) ?? seed
            default: throw BenchmarkError.usage("unknown option \(arguments[i])")
            }
            i += 2
        }
        let (loaded, diagnostics) = CodebookLoader.load(url: URL(fileURLWithPath: codebookPath))
        guard let codebook = loaded else {
            throw BenchmarkError.usage("cannot load \(codebookPath): \(diagnostics.map(\.description).joined(separator: "; "))")
        }
        var random = SplitMix(state: seed)
        let corpus = Corpus(papers: (0..<papers).map { Paper(id: "p\($0)", title: "Paper \($0)") })
        var state = CodingState(coder: "bench")
        for paper in corpus.papers {
            for event in randomCoding(of: paper.id, codebook: codebook, random: &random) { state.apply(event) }
        }
        print("alignment benchmark: \(papers) papers, codebook \(codebook.id) (\(codebook.alignments.count) alignments), "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores")

        // Full summary: every paper judged, every count made, snapshot taken.
        // Wall time and CPU time (all cores): on a shared machine the CPU time is what the code costs.
        var fullTimes: [Double] = []
        var fullCPU: [Double] = []
        var summary = Summary(scope: "", papers: 0)
        for _ in 0..<7 {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = processCPUNanoseconds()
            let counts = SummaryCounts(codebook: codebook, corpus: corpus, state: state)
            summary = counts.summary(scope: "coder:bench")
            fullCPU.append(Double(processCPUNanoseconds() - cpuStart) / 1e6)
            fullTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let first = summary.alignments.first
        print("  full summary: median \(format(median(fullTimes))) ms wall (min \(format(fullTimes.min() ?? 0))), "
            + "median \(format(median(fullCPU))) ms CPU (min \(format(fullCPU.min() ?? 0)))")
        print("    (\(first?.id ?? "-"): aligned \(first?.aligned ?? 0), mismatched \(first?.mismatched ?? 0), "
            + "undetermined \(first?.undetermined ?? 0))")

        // One paper's change: a random recoding of a random paper, applied to the counts.
        var counts = SummaryCounts(codebook: codebook, corpus: corpus, state: state)
        let edits = 100_000
        var prepared: [(String, PaperCoding)] = []
        prepared.reserveCapacity(edits)
        for _ in 0..<edits {
            let id = "p\(Int(random.next() % UInt64(papers)))"
            var recoded = CodingState(coder: "bench")
            for event in randomCoding(of: id, codebook: codebook, random: &random) { recoded.apply(event) }
            prepared.append((id, recoded.coding(for: id)))
        }
        var start = DispatchTime.now().uptimeNanoseconds
        var cpuStart = processCPUNanoseconds()
        for (id, coding) in prepared { counts.update(paper: id, coding: coding) }
        let perUpdateCPU = Double(processCPUNanoseconds() - cpuStart) / Double(edits) / 1e3
        let perUpdate = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(edits) / 1e3
        print("  one paper's change: \(format(perUpdate)) µs wall, \(format(perUpdateCPU)) µs CPU, mean of \(edits) edits")

        // What the summary pane does per keystroke: the change, then a fresh snapshot.
        let snapshots = 2_000
        start = DispatchTime.now().uptimeNanoseconds
        cpuStart = processCPUNanoseconds()
        for (id, coding) in prepared.prefix(snapshots) {
            counts.update(paper: id, coding: coding)
            summary = counts.summary(scope: "coder:bench")
        }
        let perSnapshotCPU = Double(processCPUNanoseconds() - cpuStart) / Double(snapshots) / 1e3
        let perSnapshot = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(snapshots) / 1e3
        print("  change + summary snapshot (the pane, per keystroke): \(format(perSnapshot)) µs wall, "
            + "\(format(perSnapshotCPU)) µs CPU, mean of \(snapshots) edits")
    }

    /// Codes a paper the way surveys look: 1–2 motivations, 1–3 datasets, a few of the rest,
    /// and one paper in twenty left uncoded.
    static func randomCoding(of paper: String, codebook: Codebook, random: inout SplitMix) -> [CodingEvent] {
        if random.next() % 20 == 0 { return [] }
        var events: [CodingEvent] = []
        for dimension in codebook.dimensions where dimension.kind != .text && !dimension.codes.isEmpty {
            let count: Int
            switch dimension.kind {
            case .single: count = 1
            default: count = dimension.id == "dataset" ? 1 + Int(random.next() % 3) : 1 + Int(random.next() % 2)
            }
            let codes = (0..<count).map { _ in dimension.codes[Int(random.next() % UInt64(dimension.codes.count))].id }
            events.append(.set(paper: paper, dimension: dimension.id, codes: codes, coder: "bench", codebook: ""))
        }
        return events
    }

    /// CPU time the process has used on all cores; the C equivalent is `clock_gettime(CLOCK_PROCESS_CPUTIME_ID)`.
    static func processCPUNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// SplitMix64: a seeded generator, so every run measures the same corpus.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum BenchmarkError: Error, CustomStringConvertible {
    case usage(String)
    var description: String {
        switch self {
        case .usage(let message): message
        }
    }
}
