import ArgumentParser

/// Benchmarks of litcoder's own code, run in release: `swift run -c release litcoder-bench NAME`.
///
/// Each benchmark is a subcommand in its own file; add yours to `subcommands`. Figures and the
/// machine they were measured on go to `docs/performance.md`.
@main
struct LitCoderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "litcoder-bench",
        abstract: "Measure litcoder's speed and memory (build with -c release).",
        subcommands: [
            ReplayBenchmark.self,
            AppendBenchmark.self,
            CrashWriter.self,
            CorpusBenchmark.self,
            CorpusCrashWriter.self,
            WorkbenchBenchmark.self,
            AlignmentBenchmark.self,
            AgreementBenchmarkCommand.self,
            ImportBenchmark.self,
            ExportBenchmark.self,
            HostileBenchmark.self,
            HugeAbstractBenchmark.self,
        ]
    )
}
