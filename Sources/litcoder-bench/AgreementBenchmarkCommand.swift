import ArgumentParser

/// `litcoder-bench agreement …`: Krippendorff's α and its bootstrap on a reliability data set.
struct AgreementBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Time α (nominal) and its bootstrap on a data set written by bench_agreement.py.")

    @Argument(parsing: .captureForPassthrough, help: "Passed on: see AgreementBenchmark.swift.")
    var arguments: [String] = []

    func run() throws { try AgreementBenchmark.run(arguments) }
}
