import ArgumentParser
import Foundation
import LitCoderCore

/// Exporting a large coded set to the wide CSV, as `litcoder export --format csv` does it.
///
/// Target (issue 7): 100,000 coded papers in at most 2 s. A project is generated on disk (an
/// SER-like codebook with an alignment, papers with 1 KB abstracts, a log coding every paper
/// on every dimension), then each run times the export's own work (replay the log into the
/// coded set, render, write atomically) and, separately, opening the project (corpus and
/// codebook), which every command pays.
struct ExportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-csv", abstract: "Export PAPERS coded papers to csv (wide) and report the median of RUNS runs.")

    @Option(help: "Coded papers in the generated project.") var papers = 100_000
    @Option(help: "Timed runs; the median is reported.") var runs = 5
    @Option(help: "Folder for the generated project (default: a temporary folder).") var directory: String?

    func run() throws {
        let root = URL(fileURLWithPath: directory ?? NSTemporaryDirectory())
            .appendingPathComponent("litcoder-bench-export-\(papers)")
        try SyntheticProject.write(to: root, papers: papers)
        let output = root.appendingPathComponent("export.csv")
        print("project: \(papers) papers, every one coded on 6 dimensions; machine: \(Measurement.coreCount) cores")

        // Each phase's wall-clock time and its CPU time (user + system): on a shared machine the
        // wall clock also counts time spent waiting for a core, the CPU time does not.
        var phases: [String: [(wall: Double, cpu: Double)]] = [:]
        func timed(_ phase: String, _ body: () throws -> Void) rethrows {
            let cpuBefore = cpuSeconds()
            let wall = try Measurement.seconds(body)
            phases[phase, default: []].append((wall, cpuSeconds() - cpuBefore))
        }
        func median(_ phase: String) -> (wall: Double, cpu: Double) {
            let samples = phases[phase] ?? []
            return (Measurement.percentile(samples.map(\.wall).sorted(), 0.5),
                    Measurement.percentile(samples.map(\.cpu).sorted(), 0.5))
        }
        var bytes = 0
        for _ in 1...max(runs, 1) {
            var workspace: Workspace?
            try timed("open") { workspace = try Workspace.open(try Project.load(root: root)) }
            guard let workspace else { throw ValidationError("the generated project did not open") }
            var set: CodedSet?
            try timed("replay") { set = try CodedSet.load(workspace, selection: .coder("alice")) }
            guard let set else { throw ValidationError("the coded set did not load") }
            var csv: [UInt8] = []
            timed("render") { csv = WideCSVExport.render(set) }
            bytes = csv.count
            try timed("write") { try AtomicFile.replace(output, with: csv) }
        }
        func line(_ title: String, _ value: (wall: Double, cpu: Double)) -> String {
            title.padding(toLength: 28, withPad: " ", startingAt: 0)
                + "\(Measurement.format(value.wall)) s wall, \(Measurement.format(value.cpu)) s CPU"
        }
        let replay = median("replay"), render = median("render"), write = median("write")
        print("csv: \(Measurement.format(Double(bytes) / 1_048_576, digits: 1)) MiB, \(papers + 1) rows; median of \(runs) runs")
        print(line("replay log into coded set:", replay))
        print(line("render csv:", render))
        print(line("write atomically (fsync):", write))
        print(line("export total (target ≤ 2 s):", (replay.wall + render.wall + write.wall, replay.cpu + render.cpu + write.cpu)))
        print(line("open project (corpus):", median("open")) + " (paid by every command)")
        print("peak memory: \(Measurement.format(Measurement.peakResidentMiB(), digits: 0)) MiB")
        try? FileManager.default.removeItem(at: output)
    }
}

/// User plus system CPU time of this process so far (`getrusage`).
private func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// A generated project for the export benchmark, written once and reused by later runs.
enum SyntheticProject {
    static let codebook = """
        id: bench
        title: Export benchmark codebook
        version: "1"
        dimensions:
          - id: relevance
            label: Relevance
            kind: single
            codes: [{id: ser-core, label: Core}, {id: ser-dataset, label: Dataset}, {id: ser-adjacent, label: Adjacent}, {id: out-of-scope, label: Out}]
          - id: motivation
            label: Motivation
            kind: multi
            codes:
              - {id: voice-assistant, label: Voice assistant, needs: [natural, {any: [home, hmi]}]}
              - {id: health-mental, label: Mental health, needs: [clinical]}
              - {id: health-clinical, label: Clinical, needs: [clinical]}
              - {id: call-centre, label: Call centre, needs: [telephone]}
              - {id: automotive, label: In-car, needs: [in-car]}
              - {id: education, label: Education, needs: [classroom]}
              - {id: hci-general, label: HCI}
              - {id: scientific, label: Science}
              - {id: not-stated, label: Not stated}
          - id: dataset
            label: Datasets
            kind: multi
            codes:
              - {id: iemocap, label: IEMOCAP, provides: [acted, lab, hmi]}
              - {id: msp-podcast, label: MSP-Podcast, provides: [natural, home]}
              - {id: emo-db, label: EMO-DB, provides: [acted, lab]}
              - {id: ravdess, label: RAVDESS, provides: [acted, lab]}
              - {id: crema-d, label: CREMA-D, provides: [acted, lab]}
              - {id: meld, label: MELD, provides: [acted, tv]}
              - {id: cemo, label: CEMO, provides: [natural, clinical, telephone]}
              - {id: aibo, label: AIBO, provides: [natural, hmi, classroom]}
              - {id: hi-kia, label: "Hi, KIA", provides: [acted, in-car]}
              - {id: other, label: Other}
          - id: emotions
            label: Emotion representation
            kind: multi
            codes: [{id: categorical, label: Categorical}, {id: dimensional, label: Dimensional}, {id: both, label: Both}]
          - id: language
            label: Language
            kind: single
            codes: [{id: en, label: English}, {id: de, label: German}, {id: zh, label: Chinese}, {id: multi, label: Several}]
          - id: comment
            label: Comment
            kind: text
        alignments:
          - {id: motivation-data, label: Motivation served by data, from: motivation, to: dataset}
        """

    static func write(to root: URL, papers: Int) throws {
        let fm = FileManager.default
        let done = root.appendingPathComponent(".complete")
        // A project generated earlier is reused only when it was made from this codebook.
        let existing = try? String(contentsOf: root.appendingPathComponent("codebooks/bench.yaml"), encoding: .utf8)
        if fm.fileExists(atPath: done.path), existing == codebook { return }
        try? fm.removeItem(at: root)
        for folder in ["codebooks", "corpus", "codings"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try "name: Export benchmark\ncodebook: codebooks/bench.yaml\ncorpus: corpus/papers.jsonl\n"
            .write(to: root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        try codebook.write(to: root.appendingPathComponent("codebooks/bench.yaml"), atomically: true, encoding: .utf8)
        guard let parsed = CodebookLoader.load(url: root.appendingPathComponent("codebooks/bench.yaml")).0 else {
            throw ValidationError("the benchmark codebook does not load")
        }
        var random: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int {
            random ^= random << 13; random ^= random >> 7; random ^= random << 17
            return Int(random % UInt64(n))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let sentence = "Speech emotion recognition, evaluated on acted and natural corpora, for \"real\" deployments. "
        var corpus = Data(), log = Data()
        var seq = 0
        func event(_ e: CodingEvent) throws {
            seq += 1
            var e = e
            e.seq = seq
            e.time = "2026-11-24T10:00:00.000Z"
            e.codebook = parsed.contentHash
            log += try encoder.encode(e)
            log.append(0x0A)
        }
        for i in 0..<papers {
            let paper = Paper(id: "p\(i)", title: "Paper \(i): emotion, speech and \"care\" in setting \(next(100))",
                              authors: ["Doe, Jane", "Roe, Richard"], year: 2000 + next(25), doi: "10.1000/\(i)",
                              abstract: String(repeating: sentence, count: 12))
            corpus += try encoder.encode(paper)
            corpus.append(0x0A)
            for dimension in parsed.dimensions {
                switch dimension.kind {
                case .single:
                    try event(.set(paper: paper.id, dimension: dimension.id,
                                   codes: [dimension.codes[next(dimension.codes.count)].id], coder: "alice", codebook: ""))
                case .multi:
                    let first = next(dimension.codes.count), second = next(dimension.codes.count)
                    let codes = Array(Set([dimension.codes[first].id, dimension.codes[second].id])).sorted()
                    try event(.set(paper: paper.id, dimension: dimension.id, codes: codes, coder: "alice", codebook: ""))
                case .text:
                    if next(4) == 0 {
                        try event(.setText(paper: paper.id, dimension: dimension.id, text: "check, later",
                                           coder: "alice", codebook: ""))
                    }
                case .number:
                    try event(.setText(paper: paper.id, dimension: dimension.id, text: String(next(8)),
                                       coder: "alice", codebook: ""))
                }
            }
            if next(10) == 0 { try event(CodingEvent(coder: "alice", paper: paper.id, op: .note, text: "unsure: \"maybe\"")) }
            try event(CodingEvent(coder: "alice", paper: paper.id, op: .done, value: true))
        }
        try corpus.write(to: root.appendingPathComponent("corpus/papers.jsonl"))
        try log.write(to: root.appendingPathComponent("codings/alice.jsonl"))
        _ = fm.createFile(atPath: done.path, contents: nil)
    }
}
