import ArgumentParser
import Foundation
import LitCoderCore


/// `litcoder import FILE…`: adds the papers of reference-manager and database exports to the corpus.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add papers from BibTeX, RIS, CSV/TSV, PubMed MEDLINE or JSON Lines exports to the corpus.",
        discussion: """
            Duplicates (same DOI; same key and title; same title and year; or same title when neither \
            has a year or DOI) are merged into the paper already there, \
            which takes any field only the duplicate had. Broken entries are skipped and reported as \
            FILE:LINE: reason. The corpus file is replaced atomically. See docs/import.md.
            """)

    @OptionGroup var projectOptions: ProjectOptions

    @Argument(help: ArgumentHelp("Export files to import.", valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp("The files' format (default: recognised from each file's content).", valueName: "auto|bibtex|ris|csv|jsonl|medline|wos"))
    var format: String = "auto"

    @Option(help: ArgumentHelp("CSV columns for fields: title, authors, year, doi, abstract, venue, url, keywords, id.", valueName: "FIELD=COLUMN,…"))
    var map: String?

    @Option(help: ArgumentHelp("The corpus file that receives new papers (default: the first in litcoder.yaml).", valueName: "FILE"))
    var into: String?

    @Flag(help: "Report what would be imported; write nothing.")
    var dryRun = false

    @Flag(help: "Fail the whole import, writing nothing, on any problem (a skipped entry, a refused file, a warning).")
    var strict = false

    func validate() throws {
        if format != "auto", ImportFormat(rawValue: format) == nil {
            throw ValidationError("unknown --format '\(format)'; use auto, \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        _ = try columnMap()
    }

    /// `--map title=Paper Title,year=Pub Year` as fields and column names.
    func columnMap() throws -> [CSVImporter.Field: String] {
        guard let map else { return [:] }
        var result: [CSVImporter.Field: String] = [:]
        for pair in map.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let field = CSVImporter.Field(rawValue: parts[0].trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("--map takes FIELD=COLUMN pairs separated by commas; FIELD is one of \(CSVImporter.Field.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(pair)')")
            }
            result[field] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    func run() throws {
        let project = try projectOptions.load()
        let corpusURLs = project.corpusURLs
        guard !corpusURLs.isEmpty else {
            throw Failure.data("\(project.display(project.configURL)): the project lists no corpus file\n  hint: add 'corpus: corpus/papers.jsonl' to litcoder.yaml")
        }
        var target = 0
        if let into {
            let wanted = URL(fileURLWithPath: into).standardizedFileURL.path
            guard let index = corpusURLs.firstIndex(where: { $0.standardizedFileURL.path == wanted }) else {
                throw ValidationError("--into \(into) is not one of the project's corpus files (\(corpusURLs.map(project.display).joined(separator: ", "))); add it to 'corpus' in litcoder.yaml first")
            }
            target = index
        }
        let (corpusFiles, corpusProblems) = CorpusImport.loadCorpusFiles(
            corpusURLs, names: corpusURLs.map(project.display), target: target)
        for problem in corpusProblems { Console.error(problem.description) }
        let historyURL = project.importRecordURL
        let (history, historyProblems) = ImportHistory.load(url: historyURL, displayPath: project.display(historyURL))
        for problem in historyProblems { Console.error(problem.description) }
        let sample = corpusFiles.reduce(0) { $0 + SamplePapers.count(in: $1.papers) }
        if sample > 0 {
            Console.error("warning: the corpus holds the \(sample) illustrative sample papers of litcoder's SER sample; "
                + "they are invented and would mix into your survey. Remove them first with 'litcoder corpus drop-sample' "
                + "(it refuses once any of them is coded), or start with 'litcoder init NAME --empty'")
        }

        var session = CorpusImport(corpusFiles: corpusFiles, target: target, keptApart: history.keptApart)
        defer { ProcessLifetime.keepUntilExit((session, corpusFiles)) }
        let options = CorpusImport.Options(format: format == "auto" ? nil : ImportFormat(rawValue: format),
                                           columnMap: try columnMap())
        var bar = ProgressBar()
        for (index, file) in files.enumerated() {
            let label = files.count > 1 ? "\(file) (\(index + 1)/\(files.count))" : file
            session.read(url: URL(fileURLWithPath: file), file: file, options: options) { bar.show(label, $0) }
            bar.clear()
        }
        let blocked = session.blockedFiles.map { corpusFiles[$0].name }
        let strictFailure = strict && session.hasProblems
        report(session, written: !dryRun && !strictFailure && blocked.isEmpty)

        if strictFailure {
            throw Failure.data("--strict: \(session.refused.count + session.diagnostics.count) problem(s) above; nothing was imported")
        }
        if !dryRun, !blocked.isEmpty {
            throw Failure.data("\(blocked.joined(separator: ", ")) has lines litcoder cannot read; rewriting it would lose them, so nothing was written\n"
                               + "  hint: fix the lines reported above (litcoder validate lists them), then import again")
        }
        if dryRun {
            Console.print("dry run: nothing was written")
        } else {
            var names: [String] = []
            if !session.changedFiles.isEmpty {
                do {
                    try session.write()
                } catch {
                    throw Failure.data("\(error)")
                }
                names = session.changedFiles.map { corpusFiles[$0].name }
            }
            // After the corpus: a record of an import whose papers are not there would be a lie.
            if !session.files.isEmpty {
                do {
                    try ImportHistory.append(session.historyLines(after: history, time: Timestamp.now()), to: historyURL)
                } catch {
                    throw Failure.data("\(error)\n  the corpus is written, but what this import read is not recorded for 'litcoder prisma' and 'litcoder duplicates'")
                }
                names.append(project.display(historyURL))
            }
            if !names.isEmpty { Console.print("wrote \(names.joined(separator: ", "))") }
        }
        if !session.refused.isEmpty {
            throw Failure.data("\(session.refused.count) file(s) could not be imported (see above)")
        }
    }

    /// Prints what was read, each duplicate and the totals; `written` says whether the new
    /// papers are being saved, so a report of an import that writes nothing never says "added".
    private func report(_ session: CorpusImport, written: Bool) {
        for summary in session.files {
            let encoding = summary.encoding == "UTF-8" ? "" : ", \(summary.encoding)"
            Console.print("\(summary.file): \(summary.records) record(s) read as \(summary.format.displayName)\(encoding)")
        }
        for refusal in session.refused { Console.error(refusal.description) }
        for problem in session.diagnostics { Console.error(problem.description) }
        for duplicate in session.merger.duplicates {
            let completed = duplicate.completedFields.isEmpty ? "" : "; took \(duplicate.completedFields.joined(separator: ", ")) from it"
            if duplicate.keptWasInCorpus {
                Console.print("duplicate: \(duplicate.duplicateSource) already in the corpus as \(duplicate.keptID) (from \(duplicate.keptSource)) (\(duplicate.match.rawValue))\(completed)")
            } else {
                Console.print("duplicate: \(duplicate.duplicateSource) is \(duplicate.keptSource) [\(duplicate.keptID)] (\(duplicate.match.rawValue))\(completed)")
            }
        }
        Console.print("\(written ? "added" : "would add") \(session.merger.added.count), duplicates \(session.merger.duplicates.count), skipped \(session.skippedCount)"
                      + (session.refused.isEmpty ? "" : ", files refused \(session.refused.count)"))
    }
}
