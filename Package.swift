// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "litcoder",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "litcoder", targets: ["litcoder"]),
        .library(name: "LitCoderCore", targets: ["LitCoderCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // No pkgConfig: SwiftPM drops ncursesw's cflags, which would hide the wide-character API.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // One inline function (a prefetch hint) that Swift cannot express; nothing to link.
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),
        .target(
            name: "LitCoderCore",
            dependencies: [
                "CPrefetch",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["EmbedSample"]
        ),
        // The sample codebook and corpus, embedded in LitCoderCore at build time (`BundledSample`).
        .plugin(name: "EmbedSample", capability: .buildTool()),
        .target(name: "LitCoderUI", dependencies: ["LitCoderCore"]),
        .target(name: "LitCoderTerminal", dependencies: ["CNcursesw", "LitCoderUI"]),
        .executableTarget(
            name: "litcoder",
            dependencies: [
                "LitCoderCore", "LitCoderUI", "LitCoderTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "litcoder-bench",
            dependencies: ["LitCoderCore", "LitCoderUI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LitCoderCoreTests", dependencies: ["LitCoderCore"], exclude: ["Export/REFI-QDA", "FuzzRegressions"]),
        .testTarget(name: "LitCoderUITests", dependencies: ["LitCoderUI", "LitCoderCore"], exclude: ["Screens"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LitCoderCore", "LitCoderUI"], exclude: ["Fixtures"]),
    ]
)
