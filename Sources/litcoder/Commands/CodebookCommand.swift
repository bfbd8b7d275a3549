import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder codebook`: codebooks as files.
struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Work with codebook files.",
        subcommands: [CodebookImportCommand.self])
}

/// `litcoder codebook import FILE.qdc [-o FILE.yaml] [--force]`.
struct CodebookImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a REFI-QDA codebook (.qdc from NVivo, ATLAS.ti, MAXQDA, QualCoder or litcoder) into a litcoder codebook (YAML).",
        discussion: """
            Top-level codes become dimensions (multi-select unless the file says 'Kind: single' or \
            'Kind: text'), their codes become codes, descriptions become help and definitions. The \
            result is checked like any codebook before it is written. See docs/export.md.
            """)

    @Argument(help: ArgumentHelp("The REFI-QDA codebook.", valueName: "FILE.qdc"))
    var file: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "The codebook file to write; its name gives the codebook's id. '-' (the default) is standard output.",
        valueName: "FILE.yaml"))
    var output: String = "-"

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        if output.isEmpty { throw ValidationError("-o needs a file name, or '-' for standard output") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let outputURL = URL(fileURLWithPath: output)
        let imported: (yaml: String, codebook: Codebook, warnings: [Diagnostic])
        do {
            imported = try QDCCodebook.importYAML(
                url: url, idFrom: output == "-" ? nil : outputURL.deletingPathExtension().lastPathComponent,
                displayName: file, outputName: output == "-" ? "(standard output)" : output)
        } catch let diagnostic as Diagnostic {
            throw Failure.data(diagnostic.description)
        } catch let list as DiagnosticList {
            throw Failure.data("\(list)\nthe converted codebook does not validate; nothing was written")
        }
        for warning in imported.warnings { Console.error(warning.description) }
        let bytes = Array(imported.yaml.utf8)
        if output == "-" {
            // Standard output fails the way every command's does (Console.finish): exit 74, or quietly for a closed pipe.
            Console.write(bytes: bytes)
            return
        }
        do {
            if force {
                try AtomicFile.replace(outputURL, with: bytes)
            } else {
                try AtomicFile.create(outputURL, with: bytes)
            }
        } catch AtomicFileError.exists(let path) {
            throw Failure.data("\(path) already exists; pass --force to replace it, or choose another name with -o")
        } catch AtomicFileError.isFolder(let path) {
            throw Failure.data("\(path) is a folder; give a file name with -o")
        } catch {
            throw Failure.data("\(error)")
        }
        let dimensions = imported.codebook.dimensions
        let codes = dimensions.reduce(0) { $0 + $1.codes.count }
        let summary = "\(dimensions.count) dimension(s), \(codes) code(s); codebook id '\(imported.codebook.id)'"
        if output != "-" { Console.error("wrote \(output) (\(summary)); check it with: litcoder validate --codebook \(output)") }
    }
}
