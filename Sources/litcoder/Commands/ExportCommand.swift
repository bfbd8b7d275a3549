import ArgumentParser
import Foundation
import LitCoderCore

extension ExportFormat: ExpressibleByArgument {}

/// `litcoder export`: the coded set as CSV, JSON or a REFI-QDA project, the codebook as a
/// REFI-QDA codebook, an HTML report or a methods paragraph.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the coded set (csv, csv-long, jsonl, json, qdpx), the codebook (qdc), a report (html), a methods paragraph, or the papers as a bibliography (bibtex, ris).",
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

    @Option(name: .customLong("where"), parsing: .singleValue, help: ArgumentHelp(
        "bibtex and ris: only the papers coded so (by --consensus or --coder); repeat to require several.",
        valueName: "DIM=CODE[,CODE…]"))
    var conditions: [String] = []

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
        case .bibtex, .ris:
            if all { throw ValidationError("--format \(format.rawValue) lists papers, not codings; leave out --all") }
            if conditions.isEmpty && chosen > 0 {
                throw ValidationError("--coder and --consensus choose whose codes --where reads; give --where DIM=CODE, or leave them out for the whole corpus")
            }
            if !conditions.isEmpty && chosen == 0 {
                throw ValidationError("--where needs whose codes to read: add --consensus or --coder NAME")
            }
        default:
            if !conditions.isEmpty { throw ValidationError("--where selects papers for --format bibtex and ris only") }
        }
        if codersOption.coders != nil {
            guard format == .methods || format == .html else {
                throw ValidationError("--coders chooses whose agreement the methods and html reports give; leave it out for --format \(format.rawValue)")
            }
            _ = try codersOption.given()
        }
        if output.isEmpty { throw ValidationError("-o needs a file name, or '-' for standard output") }
        if format == .qdpx, output == "-" {
            throw ValidationError("--format qdpx writes a zip archive; give its file name with -o, e.g. -o survey.qdpx")
        }
    }

    func run() throws {
        let workspace = try projectOptions.workspace(replaying: readAhead)
        defer { ProcessLifetime.keepUntilExit(workspace) }
        let bytes: [UInt8]
        do {
            bytes = try render(workspace)
        } catch let failure as Failure {
            throw failure
        } catch let usage as ValidationError {
            throw usage
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw Failure.data("\(error)")
        }
        if output == "-" {
            // Standard output fails the way every command's does (Console.finish): exit 74, or quietly for a closed pipe.
            switch format {
            case .csv, .csvLong, .bibtex, .ris, .qdpx: Console.writeData(bytes)
            case .json, .jsonl: Console.writeJSON(String(decoding: bytes, as: UTF8.self))
            case .qdc, .html, .methods: Console.write(String(decoding: bytes, as: UTF8.self))
            }
            return
        }
        do {
            if force {
                try AtomicFile.replace(URL(fileURLWithPath: output), with: bytes)
            } else {
                try AtomicFile.create(URL(fileURLWithPath: output), with: bytes)
            }
        } catch AtomicFileError.exists(let path) {
            throw Failure.data("\(path) already exists; pass --force to replace it, or choose another name with -o")
        } catch AtomicFileError.isFolder(let path) {
            throw Failure.data("\(path) is a folder; give a file name with -o")
        } catch {
            throw Failure.data("\(error)")
        }
        if output != "-" { Console.error("wrote \(output) (\(format.rawValue), \(bytes.count) bytes)") }
    }

    /// The coders' logs the export will read, to be read while the corpus loads: one coder's,
    /// or every coder's (`--all`, and the html report); nil when the format reads none or the
    /// options do not tell (the logs are then read as the export needs them).
    private func readAhead(_ project: Project) -> [String]? {
        switch format {
        case .csv, .csvLong, .jsonl, .json, .qdpx:
            if consensus { return nil }
            if all { return try? project.codersWithCodings() }
            return (try? coderOption.resolve()).map { [$0] }
        case .html:
            return (try? codersOption.given()) ?? (try? project.codersWithCodings())
        case .qdc, .bibtex, .ris, .methods:
            return nil
        }
    }

    private func render(_ workspace: Workspace) throws -> [UInt8] {
        switch format {
        case .qdc:
            return Array(QDCWriter.render(workspace.codebook).utf8)
        case .html:
            let withCodings = try workspace.project.codersWithCodings()
            if let coder = coderOption.coder { try workspace.check(coder: coder, for: .reading) }
            if let coder = coderOption.coder, !withCodings.contains(coder) {
                throw Failure.data("coder '\(coder)' has no codings in codings/; pass --coder with one of: \(withCodings.joined(separator: ", "))")
            }
            let scope = consensus ? CoderName.consensus : coderOption.coder
            let coders = try comparedCoders(workspace)
            let report = try ProjectReport.load(workspace, scopeCoder: scope, coders: coders)
            for warning in report.unknownCodes { Console.error(warning.description) }
            if report.scope == Summary.scope(coder: CoderName.consensus), let progress = report.consensusProgress {
                Console.consensusNote(progress)
            }
            return Array(HTMLReport.render(report).utf8)
        case .bibtex, .ris:
            return Array(try bibliography(workspace).utf8)
        case .methods:
            let coders = try comparedCoders(workspace)
            let report = try ProjectReport.load(workspace, coders: coders)
            for warning in report.unknownCodes { Console.error(warning.description) }
            return Array(MethodsParagraph.render(report).utf8)
        case .qdpx:
            let selection = try selection(workspace)
            let set = try QDPXProject.codedSet(workspace, selection: selection)
            let document = QDPXProject.render(set)
            for diagnostic in set.diagnostics + document.warnings { Console.error(diagnostic.description) }
            if let progress = set.consensusProgress { Console.consensusNote(progress) }
            return Array(try QDPXArchive.make(document))
        case .csv, .csvLong, .jsonl, .json:
            let selection = try selection(workspace)
            let set = try CodedSet.load(workspace, selection: selection)
            for diagnostic in set.diagnostics { Console.error(diagnostic.description) }
            // What is exported is only as complete as the consensus: say how complete, every time.
            if let progress = set.consensusProgress { Console.consensusNote(progress) }
            switch format {
            case .csv: return WideCSVExport.render(set)
            case .csvLong: return LongCSVExport.render(set)
            case .jsonl: return try JSONExport.renderLines(set)
            default: return try JSONExport.renderDocument(set)
            }
        }
    }

    /// The corpus, or the papers `--where` selects, as BibTeX or RIS.
    private func bibliography(_ workspace: Workspace) throws -> String {
        var papers = workspace.corpus.papers
        if !conditions.isEmpty {
            let filter: CodeFilter
            do { filter = try CodeFilter(conditions, codebook: workspace.codebook) } catch { throw ValidationError(error.description) }
            let owner = consensus ? CoderName.consensus : try coderOption.resolve()
            let state = try ScopeLoader.state(of: owner, in: workspace)
            papers = papers.filter { state.codingIfPresent(for: $0.id).map(filter.matches) ?? false }
            Console.error("note: \(papers.count) of \(workspace.corpus.count) papers coded so by "
                + (consensus ? "the consensus" : owner))
        }
        let keys = CitationKeys(papers: workspace.corpus.papers)
        return format == .bibtex ? BibliographyExport.bibtex(papers, keys: keys) : BibliographyExport.ris(papers, keys: keys)
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
        if all {
            // Every coder: a log that cannot be read is an error, not a coder left out.
            let coders = try workspace.project.codersWithCodings()
            if coders.isEmpty { throw Failure.data("no coder has codings in codings/ yet; nothing to export") }
            return .all
        }
        let coder = try coderOption.resolve()
        try workspace.check(coder: coder, for: .reading)
        // One coder: only that coder's own log must be readable.
        let listing = workspace.project.logListing()
        if let index = listing.unreadableOwners.firstIndex(of: coder) { throw DiagnosticList([listing.unreadable[index]]) }
        let coders = listing.coders.filter { CodingLog.holdsDecisions(url: workspace.project.logURL(coder: $0)) }
        guard coders.contains(coder) else {
            let known = coders.isEmpty ? "none yet" : coders.joined(separator: ", ")
            throw Failure.data("coder '\(coder)' has no codings in codings/ (coders with codings: \(known)); pass --coder NAME, --consensus or --all")
        }
        return .coder(coder)
    }
}
