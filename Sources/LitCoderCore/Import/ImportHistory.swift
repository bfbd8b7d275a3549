import Foundation

/// What every import read and merged, and the merges a person undid: `corpus/_imports.jsonl`,
/// written by `litcoder import` and `litcoder duplicates split` (whoever keeps the corpus).
///
/// Append-only JSON Lines, one line per imported file (`import`), one per record merged into a
/// paper as a duplicate (`duplicate`, with the record as read, so the merge can be undone),
/// and one per merge undone (`split`). `litcoder prisma` counts from it; `litcoder
/// duplicates` lists it. The format is in `docs/file-formats.md`.
public struct ImportHistory: Sendable {
    /// One file read by one `litcoder import`.
    public struct FileImport: Sendable, Equatable {
        /// 1, 2, 3 … in the order files were imported.
        public var number: Int
        public var time: String
        /// The file as it was named on the command line.
        public var file: String
        public var format: String
        /// Entries in the file: the added, the merged and the skipped.
        public var records: Int
        /// Ids of the papers it added, in order.
        public var added: [String]
        public var duplicates: Int
        /// Entries left out: unreadable, or with neither title nor abstract.
        public var skipped: Int
    }

    /// One record merged into a paper already there.
    public struct Merge: Sendable, Equatable {
        /// `d1`, `d2` … in the order merged.
        public var id: String
        public var importNumber: Int
        /// The paper it was merged into, and where that paper came from.
        public var kept: String
        public var keptSource: String
        /// Where the record was read (`FILE:LINE`).
        public var source: String
        public var match: ImportMerger.Match
        /// Fields the kept paper took from it.
        public var completed: [String]
        /// The record as read, without an id.
        public var record: Paper
        /// Its source key (BibTeX key, `id` column), from which a split-off paper's id is made.
        public var key: String?
    }

    /// A merge undone: the record became a paper of its own.
    public struct Split: Sendable, Equatable {
        public var merge: String
        public var paper: String
        public var time: String
        /// Fields given back: the kept paper had taken them from the record, and lost them.
        public var restored: [String]

        public init(merge: String, paper: String, time: String, restored: [String]) {
            self.merge = merge
            self.paper = paper
            self.time = time
            self.restored = restored
        }
    }

    public private(set) var imports: [FileImport] = []
    public private(set) var merges: [Merge] = []
    public private(set) var splits: [Split] = []

    public init() {}

    /// The merge `id`, if there is one.
    public func merge(_ id: String) -> Merge? { merges.first { $0.id == id } }

    /// How merge `id` was undone, if it was.
    public func split(of id: String) -> Split? { splits.first { $0.merge == id } }

    /// Pairs of papers split apart, which an import must never merge again.
    public var keptApart: [(kept: String, paper: String)] {
        splits.compactMap { split in merge(split.merge).map { (kept: $0.kept, paper: split.paper) } }
    }

    /// The next numbers: for an import and for a merge.
    public var nextImportNumber: Int { (imports.map(\.number).max() ?? 0) + 1 }
    public var nextMergeNumber: Int {
        (merges.compactMap { Int($0.id.dropFirst()) }.max() ?? 0) + 1
    }

    // MARK: Lines

    /// The `import` line of a file.
    public static func line(for file: FileImport) -> String {
        "{\"import\":\(file.number),\"time\":\(JSONLinesFile.quoted(file.time)),\"file\":\(JSONLinesFile.quoted(file.file)),"
            + "\"format\":\(JSONLinesFile.quoted(file.format)),\"records\":\(file.records),\"duplicates\":\(file.duplicates),"
            + "\"skipped\":\(file.skipped),\"added\":\(JSONLinesFile.quoted(file.added))}\n"
    }

    /// The `duplicate` line of a merge.
    public static func line(for merge: Merge) -> String {
        var line = "{\"duplicate\":\(JSONLinesFile.quoted(merge.id)),\"import\":\(merge.importNumber),"
            + "\"kept\":\(JSONLinesFile.quoted(merge.kept)),\"kept_source\":\(JSONLinesFile.quoted(merge.keptSource)),"
            + "\"source\":\(JSONLinesFile.quoted(merge.source)),\"match\":\(JSONLinesFile.quoted(merge.match.code)),"
            + "\"completed\":\(JSONLinesFile.quoted(merge.completed))"
        if let key = merge.key { line += ",\"key\":\(JSONLinesFile.quoted(key))" }
        return line + ",\"record\":\(PaperJSONLine.encode(merge.record))}\n"
    }

    /// The `split` line of a merge undone.
    public static func line(for split: Split) -> String {
        "{\"split\":\(JSONLinesFile.quoted(split.merge)),\"paper\":\(JSONLinesFile.quoted(split.paper)),"
            + "\"time\":\(JSONLinesFile.quoted(split.time)),\"restored\":\(JSONLinesFile.quoted(split.restored))}\n"
    }

    /// Adds `lines` at the end of the file at `url`, rewriting it atomically (the file is small
    /// next to the corpus, and a reader must never see half a line).
    public static func append(_ lines: String, to url: URL) throws {
        guard !lines.isEmpty else { return }
        var data = FileManager.default.contents(atPath: url.path) ?? Data()
        if let last = data.last, last != 0x0A { data.append(0x0A) }
        data.append(Data(lines.utf8))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.replace(url, with: data)
    }

    // MARK: Reading

    /// Reads the file; a missing file is an empty history. A line that cannot be read is
    /// reported and left out.
    public static func load(url: URL, displayPath: String) -> (ImportHistory, [Diagnostic]) {
        let (lines, problems) = JSONLinesFile.read(url: url, displayPath: displayPath)
        var diagnostics = problems
        var history = ImportHistory()
        func problem(_ line: Int, _ message: String) {
            diagnostics.append(Diagnostic(file: displayPath, line: line, message: message,
                                          hint: "litcoder writes this file; restore the line from git"))
        }
        for line in lines {
            let o = line.object
            // A duplicate line names its import too, so it is recognised first.
            if let id = o["duplicate"] as? String {
                guard let kept = o["kept"] as? String, let source = o["source"] as? String,
                      let match = (o["match"] as? String).flatMap(ImportMerger.Match.init(code:)),
                      let record = o["record"] as? [String: Any] else {
                    problem(line.number, "a duplicate line needs \"kept\", \"source\", \"match\" (doi, title+year, key or title) and \"record\"")
                    continue
                }
                history.merges.append(Merge(
                    id: id, importNumber: JSONLinesFile.integer(o["import"]) ?? 0, kept: kept,
                    keptSource: o["kept_source"] as? String ?? kept, source: source, match: match,
                    completed: JSONLinesFile.strings(o["completed"]) ?? [], record: paper(from: record), key: o["key"] as? String))
            } else if let merge = o["split"] as? String {
                guard let paper = o["paper"] as? String else {
                    problem(line.number, "a split line needs \"paper\", the id of the paper split off")
                    continue
                }
                history.splits.append(Split(merge: merge, paper: paper, time: o["time"] as? String ?? "",
                                            restored: JSONLinesFile.strings(o["restored"]) ?? []))
            } else if let number = JSONLinesFile.integer(o["import"]) {
                guard let file = o["file"] as? String, let records = JSONLinesFile.integer(o["records"]),
                      let added = JSONLinesFile.strings(o["added"]) else {
                    problem(line.number, "an import line needs \"file\", \"records\" and \"added\"")
                    continue
                }
                // The counts are summed for the PRISMA flow: out of range, they are damage, not counts.
                let duplicates = JSONLinesFile.integer(o["duplicates"]) ?? 0, skipped = JSONLinesFile.integer(o["skipped"]) ?? 0
                guard [records, duplicates, skipped].allSatisfy({ Self.countRange.contains($0) }) else {
                    problem(line.number, "an import line's \"records\", \"duplicates\" and \"skipped\" must be counts from 0 to \(Self.countRange.upperBound)")
                    continue
                }
                history.imports.append(FileImport(
                    number: number, time: o["time"] as? String ?? "", file: file, format: o["format"] as? String ?? "",
                    records: records, added: added, duplicates: duplicates, skipped: skipped))
            } else {
                problem(line.number, "a line must be an \"import\", a \"duplicate\" or a \"split\"")
            }
        }
        return (history, diagnostics)
    }

    /// The counts an import line may hold: a billion records in one file is far past any export,
    /// and sums of such counts cannot overflow.
    static let countRange = 0...1_000_000_000

    /// A paper from the `record` object of a duplicate line (the corpus line format).
    private static func paper(from o: [String: Any]) -> Paper {
        Paper(id: o["id"] as? String ?? "", title: o["title"] as? String ?? "", authors: JSONLinesFile.strings(o["authors"]) ?? [],
              year: JSONLinesFile.integer(o["year"]).flatMap { Paper.yearRange.contains($0) ? $0 : nil },
              venue: o["venue"] as? String, doi: o["doi"] as? String,
              url: o["url"] as? String, abstract: o["abstract"] as? String ?? "",
              keywords: JSONLinesFile.strings(o["keywords"]) ?? [], source: o["source"] as? String)
    }
}
