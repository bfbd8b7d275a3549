import Foundation
import LitCoderCore

// litcoder-bench NAME [options]: measurements recorded in docs/performance.md.
// Run with `swift run -c release litcoder-bench NAME`; never from tests.
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: ([String]) throws -> Void] = [
    "alignment": AlignmentBenchmark.run,
]
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    FileHandle.standardError.write(Data("usage: litcoder-bench NAME [options]; NAME is one of: \(benchmarks.keys.sorted().joined(separator: ", "))\n".utf8))
    exit(64)
}
do {
    try benchmark(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
