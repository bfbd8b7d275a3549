import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder-bench alignment`: the full summary of a coded corpus, and one paper's change,
/// against the bundled SER codebook.
///
/// Targets (issue 4): 100,000 papers summarised in ≤ 200 ms; one paper's change applied in
/// ≤ 50 µs.
struct AlignmentBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alignment", abstract: "Summarise PAPERS randomly coded papers, then change one paper at a time.")

    @Option(help: "Papers in the generated corpus.") var papers = 100_000
    @Option(help: "The codebook whose alignments are counted.") var codebook = "codebooks/ser-survey.yaml"
    @Option(help: "Seed of the generated codings.") var seed: UInt64 = 2026

    func run() throws {
        let (papers, codebookPath, seed) = (self.papers, self.codebook, self.seed)
        let (loaded, diagnostics) = CodebookLoader.load(url: URL(fileURLWithPath: codebookPath))
        guard let codebook = loaded else {
            throw ValidationError("cannot load \(codebookPath): \(diagnostics.map(\.description).joined(separator: "; "))")
        }
        var random = SplitMix(state: seed)
        let corpus = Corpus(papers: (0..<papers).map { Paper(id: "p\($0)", title: "Paper \($0)") })
        var state = CodingState(coder: "bench")
        for paper in corpus.papers {
            for event in randomCoding(of: paper.id, codebook: codebook, random: &random) { state.apply(event) }
        }
        print("alignment benchmark: \(papers) papers, codebook \(codebook.id) (\(codebook.alignments.count) alignments), "
            + "\(Measurement.coreCount) cores")

        // Full summary: every paper judged, every count made, snapshot taken.
        // Wall time and CPU time (all cores): on a shared machine the CPU time is what the code costs.
        var fullTimes: [Double] = []
        var fullCPU: [Double] = []
        var summary = Summary(scope: "", papers: 0)
        for _ in 0..<7 {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = cpuNanoseconds()
            let counts = SummaryCounts(codebook: codebook, corpus: corpus, state: state)
            summary = counts.summary(scope: "coder:bench")
            fullCPU.append(Double(cpuNanoseconds() - cpuStart) / 1e6)
            fullTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let first = summary.alignments.first
        print("  full summary: median \(Measurement.format(Measurement.percentile(fullTimes.sorted(), 0.5))) ms wall (min \(Measurement.format(fullTimes.min() ?? 0))), "
            + "median \(Measurement.format(Measurement.percentile(fullCPU.sorted(), 0.5))) ms CPU (min \(Measurement.format(fullCPU.min() ?? 0)))")
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
        var cpuStart = cpuNanoseconds()
        for (id, coding) in prepared { counts.update(paper: id, coding: coding) }
        let perUpdateCPU = Double(cpuNanoseconds() - cpuStart) / Double(edits) / 1e3
        let perUpdate = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(edits) / 1e3
        print("  one paper's change: \(Measurement.format(perUpdate)) µs wall, \(Measurement.format(perUpdateCPU)) µs CPU, mean of \(edits) edits")

        // What the summary pane does per keystroke: the change, then a fresh snapshot.
        let snapshots = 2_000
        start = DispatchTime.now().uptimeNanoseconds
        cpuStart = cpuNanoseconds()
        for (id, coding) in prepared.prefix(snapshots) {
            counts.update(paper: id, coding: coding)
            summary = counts.summary(scope: "coder:bench")
        }
        let perSnapshotCPU = Double(cpuNanoseconds() - cpuStart) / Double(snapshots) / 1e3
        let perSnapshot = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(snapshots) / 1e3
        print("  change + summary snapshot (the pane, per keystroke): \(Measurement.format(perSnapshot)) µs wall, "
            + "\(Measurement.format(perSnapshotCPU)) µs CPU, mean of \(snapshots) edits")
    }

    /// Codes a paper the way surveys look: 1–2 motivations, 1–3 datasets, a few of the rest,
    /// and one paper in twenty left uncoded.
    func randomCoding(of paper: String, codebook: Codebook, random: inout SplitMix) -> [CodingEvent] {
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

}

/// CPU time of the process (all threads) in nanoseconds.
private func cpuNanoseconds() -> UInt64 { UInt64(Measurement.cpuSeconds() * 1e9) }

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
