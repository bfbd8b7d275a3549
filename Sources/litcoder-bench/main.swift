import Foundation

/// `litcoder-bench NAME [ARGS]`: litcoder's benchmarks; results go to docs/performance.md.
let benchmarks: [String: ([String]) throws -> Void] = [
    "agreement": AgreementBenchmark.run,
]
let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    FileHandle.standardError.write(Data("usage: litcoder-bench NAME [ARGS]; benchmarks: \(benchmarks.keys.sorted().joined(separator: ", "))\n".utf8))
    exit(64)
}
do {
    try benchmark(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
