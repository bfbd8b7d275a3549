import ArgumentParser
import Foundation
import LitCoderCore

extension ExportFormat: ExpressibleByArgument {}

/// `litcoder export`: the coded set as CSV, JSON, a REFI-QDA codebook, an HTML report or a
/// methods paragraph.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the coded set (csv, csv-long, jsonl, json), the codebook (qdc), a report (html) or a methods paragraph.",
        discussion: "Formats are described in docs/export.md. Files are written atomically and never replaced without --force.")

    @OptionGroup var projectOptions: ProjectOptions

    @Option(name: .long, help: ArgumentHelp(
        "One of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "FORMAT"))
    var format: ExportFormat

    @OptionGroup var coderOption: CoderOption

    @OptionGroup var codersOption: CodersOption

    @Flag(name: .long, help: "Export the adjudicated consensus.")
    var consensus = false

    @Flag(name: .long, help: "Export every coder: one row per paper and coder.")
    var all = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "The file to write; '-' (the default) is standard output.", valueName: "FILE"))
    var output: String = "-"

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        let chosen = [coderOption.coder != nil, consensus, all].filter { $0 }.count
        if chosen > 1 { throw ValidationError("give at most one of --coder, --consensus and --all") }
        switch format {
        case .qdc where chosen > 0, .methods where chosen > 0:
            throw ValidationError("--format \(format.rawValue) covers the whole project; leave out --coder, --consensus and --all")
        case .html where all:
            throw ValidationError("--format html shows one scope's charts: give --coder NAME or --consensus, or neither for the consensus")
        default:
            break
        }
        if codersOption.coders != nil {
            guard format == .methods || format == .html else {
                throw ValidationError("--coders chooses whose agreement the methods and html reports give; leave it out for --format \(format.rawValue)")
            }
            _ = try codersOption.given()
        }
        if output.isEmpty { throw ValidationError("-o needs a file name, or '-' for standard output") }
    }

    func run() throws {
        let workspace = try projectOptions.workspace()
        let bytes: [UInt8]
        do {
            bytes = try render(workspace)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.data("\(error)")
        }
        if output == "-" {
            // Standard output fails the way every command's does (Console.finish): exit 74, or quietly for a closed pipe.
            Console.write(bytes: bytes)
            return
        }
        do {
            try OutputFile(argument: output).write(bytes, overwrite: force)
        } catch {
            throw Failure.data(error.description)
        }
        if output != "-" { Console.error("wrote \(output) (\(format.rawValue), \(bytes.count) bytes)") }
    }

    private func render(_ workspace: Workspace) throws -> [UInt8] {
        switch format {
        case .qdc:
            return Array(QDCWriter.render(workspace.codebook).utf8)
        case .html:
            if let coder = coderOption.coder {
                let withLogs = try workspace.project.codersWithLogs()
                if !withLogs.contains(coder) {
                    throw Failure.data("coder '\(coder)' has no log in codings/; pass --coder with one of: \(withLogs.joined(separator: ", "))")
                }
            }
            let scope = consensus ? CoderName.consensus : coderOption.coder
            let coders = try comparedCoders(workspace)
            return Array(HTMLReport.render(try ProjectReport.load(workspace, scopeCoder: scope, coders: coders)).utf8)
        case .methods:
            let coders = try comparedCoders(workspace)
            return Array(MethodsParagraph.render(try ProjectReport.load(workspace, coders: coders)).utf8)
        case .csv, .csvLong, .jsonl, .json:
            let set = try CodedSet.load(workspace, selection: try selection(workspace))
            for diagnostic in set.diagnostics { Console.error(diagnostic.description) }
            switch format {
            case .csv: return WideCSVExport.render(set)
            case .csvLong: return LongCSVExport.render(set)
            case .jsonl: return try JSONExport.renderLines(set)
            default: return try JSONExport.renderDocument(set)
            }
        }
    }

    /// `--coders` checked against the logs; nil (the report's default) when not given, so a
    /// project with fewer than two coders still gets its report.
    private func comparedCoders(_ workspace: Workspace) throws -> [String]? {
        codersOption.coders == nil ? nil : try codersOption.names(in: workspace)
    }

    private func selection(_ workspace: Workspace) throws -> ExportSelection {
        if consensus {
            guard workspace.project.hasLogFile(CoderName.consensus) else {
                throw Failure.data("there is no consensus yet (codings/_consensus.jsonl); build it with 'litcoder consensus', or export a coder with --coder NAME")
            }
            return .consensus
        }
        let listing = workspace.project.logListing()
        let coders = listing.coders
        if all {
            _ = try listing.readableCoders()
            if coders.isEmpty { throw Failure.data("no coder has a log in codings/ yet; nothing to export") }
            return .all
        }
        let coder = try coderOption.resolve()
        guard workspace.project.hasLogFile(coder) else {
            let known = coders.isEmpty ? "none yet" : coders.joined(separator: ", ")
            throw Failure.data("coder '\(coder)' has no log in codings/ (coders with logs: \(known)); pass --coder NAME, --consensus or --all")
        }
        return .coder(coder)
    }
}
