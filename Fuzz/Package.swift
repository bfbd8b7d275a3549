// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses, one per parser of user files, built apart from litcoder itself so that
// a plain `swift build` never meets the fuzzer's runtime. Build and run one with
// `scripts/fuzz PARSER --seconds N` (see docs/reliability.md), which passes
// `-Xswiftc -sanitize=fuzzer,address`.
let parsers = [
    "bibtex", "latex", "ris", "medline", "wos", "csv", "jsonl", "import", "corpus", "events", "codebook",
    "codings", "project", "qdc", "plan", "snapshot",
]

let package = Package(
    name: "litcoder-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "litcoder", path: "..")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver, which the harnesses call from their main.
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "LitCoderCore", package: "litcoder")]),
    ] + parsers.map { parser in
        .executableTarget(
            name: "fuzz-\(parser)",
            dependencies: ["FuzzSupport", .product(name: "LitCoderCore", package: "litcoder")],
            path: "Sources/Harnesses/\(parser)")
    }
)
