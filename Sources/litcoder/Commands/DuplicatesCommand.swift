import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder duplicates`: every record an import merged into a paper, and undoing a wrong merge.
struct DuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "List every record an import merged into a paper already there (corpus/_imports.jsonl); 'split ID' undoes one.",
        discussion: """
            Each merge shows the record (its file and line), the paper it was merged into (and where that came \
            from), what matched (doi, title+year, key, or title when neither has a year or DOI) and the fields \
            the paper took from it. JSON: {"duplicates": [{"id", "import", "kept", "kept_source", "source", \
            "match", "completed", "title", "split"}, …]}.
            """,
        subcommands: [DuplicatesListCommand.self, DuplicatesSplitCommand.self],
        defaultSubcommand: DuplicatesListCommand.self)
}

/// `litcoder duplicates [list]`.
struct DuplicatesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every merge imports made.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var projectOptions: ProjectOptions
    @Option(help: "table or json.") var format: Format = .table

    func run() throws {
        let project = try projectOptions.load()
        let history = try DuplicatesSplitCommand.history(project)
        switch format {
        case .json:
            let items: [JSONValue] = history.merges.map { merge in
                .object([
                    ("id", .string(merge.id)), ("import", .int(merge.importNumber)), ("kept", .string(merge.kept)),
                    ("kept_source", .string(merge.keptSource)), ("source", .string(merge.source)),
                    ("match", .string(merge.match.code)), ("completed", .array(merge.completed.map { .string($0) })),
                    ("title", .string(merge.record.title)),
                    ("split", history.split(of: merge.id).map { .string($0.paper) } ?? .null),
                ])
            }
            Console.writeJSON(JSONValue.object([("duplicates", .array(items))]).rendered() + "\n")
        case .table:
            guard !history.merges.isEmpty else {
                Console.print("No import has merged a duplicate yet (imports record their merges in \(project.display(project.importRecordURL))).")
                return
            }
            var table = TextTable(header: ["id", "record", "merged into", "from", "match", "took", "now"],
                                  maxWidths: [1: 28, 2: 28, 3: 28], rows: [])
            for merge in history.merges {
                let now = history.split(of: merge.id).map { "split: \($0.paper)" } ?? "merged"
                table.append([merge.id, merge.source, merge.kept, merge.keptSource, merge.match.code,
                              merge.completed.joined(separator: ","), now])
            }
            let open = history.merges.count { history.split(of: $0.id) == nil }
            Console.print(table.rendered() + "\n\n\(history.merges.count) merge\(history.merges.count == 1 ? "" : "s"), \(open) in effect; "
                + "'litcoder duplicates split ID' makes a wrongly merged record a paper of its own")
        }
    }
}

/// `litcoder duplicates split ID`.
struct DuplicatesSplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Undo a wrong merge: the record becomes a paper of its own, and later imports keep the two apart.",
        discussion: "The paper it was merged into gives back the fields it took from the record. Run 'litcoder assign' afterwards to give the new paper its coders.")

    @OptionGroup var projectOptions: ProjectOptions

    @Argument(help: ArgumentHelp("The merge's id, as 'litcoder duplicates' lists it (d1, d2 …).", valueName: "ID"))
    var id: String

    /// The import history, its problems on standard error.
    static func history(_ project: Project) throws -> ImportHistory {
        let (history, problems) = ImportHistory.load(url: project.importRecordURL, displayPath: project.display(project.importRecordURL))
        for problem in problems { Console.error(problem.description) }
        return history
    }

    func run() throws {
        let project = try projectOptions.load()
        let history = try Self.history(project)
        guard let merge = history.merge(id) else {
            let ids = history.merges.map(\.id)
            throw ValidationError("there is no merge '\(id)'"
                + (ids.isEmpty ? "; no import has merged a duplicate yet" : "\(DidYouMean.phrase(for: id, among: ids).map { "; \($0)" } ?? ""); 'litcoder duplicates' lists them"))
        }
        if let split = history.split(of: id) {
            throw Failure.data("\(id) was split already: \(merge.source) is paper '\(split.paper)'; nothing was changed")
        }
        let urls = project.corpusURLs
        var (files, problems) = CorpusImport.loadCorpusFiles(urls, names: urls.map(project.display), target: -1)
        for problem in problems { Console.error(problem.description) }
        let outcome: DuplicateSplit.Outcome
        do {
            outcome = try DuplicateSplit.split(merge, in: &files)
            try Corpus.writeJSONL(files[outcome.file].papers, to: files[outcome.file].url)
            try ImportHistory.append(ImportHistory.line(for: ImportHistory.Split(
                merge: id, paper: outcome.paper.id, time: Timestamp.now(), restored: outcome.restored)), to: project.importRecordURL)
        } catch {
            throw Failure.data("\(error)")
        }
        var line = "\(id): \(merge.source) is now paper '\(outcome.paper.id)' in \(files[outcome.file].name), apart from '\(merge.kept)'"
        if !outcome.restored.isEmpty { line += "; '\(merge.kept)' gave back the \(outcome.restored.joined(separator: ", ")) it had taken from it" }
        Console.print(line)
        Console.print("later imports keep the two apart; run 'litcoder assign' to give '\(outcome.paper.id)' its coders")
    }
}
