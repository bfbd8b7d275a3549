import Foundation
import PackagePlugin

/// Embeds the SER sample (`codebooks/ser-survey.yaml`, `corpus/ser-sample.jsonl`) in
/// LitCoderCore at build time as `BundledSample`, so that `litcoder init` makes the sample
/// project from a binary copied away from the clone, and the embedded copy can never be older
/// than the files: `scripts/embed-sample` writes the Swift source into the build folder.
@main
struct EmbedSample: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let script = root.appending(path: "scripts/embed-sample")
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledSample.swift")
        return [
            .buildCommand(
                displayName: "Embedding the SER sample codebook and corpus",
                executable: URL(fileURLWithPath: "/bin/bash"),
                arguments: [script.path, output.path],
                inputFiles: [script, root.appending(path: "codebooks/ser-survey.yaml"),
                             root.appending(path: "corpus/ser-sample.jsonl")],
                outputFiles: [output])
        ]
    }
}
