import Dispatch
import Foundation

/// One `litcoder import`: reads export files, merges them into the project's corpus files,
/// and (unless it is a dry run) replaces the changed corpus files atomically.
public struct CorpusImport {
    /// How the files are read.
    public struct Options: Sendable {
        public var format: ImportFormat?
        public var columnMap: [CSVImporter.Field: String]
        public init(format: ImportFormat? = nil, columnMap: [CSVImporter.Field: String] = [:]) {
            self.format = format
            self.columnMap = columnMap
        }
    }

    /// What was read from one export file.
    public struct FileSummary: Sendable {
        public var file: String
        public var format: ImportFormat
        public var encoding: String
        public var records: Int
        /// Entries that could not be read at all (reported, not among `records`).
        public var unreadable: Int = 0
        /// Records left out for having neither a title nor an abstract (among `records`).
        public var empty: Int = 0
        /// The papers it added (indices into the merger's papers) and its merges (into `duplicates`).
        public var added: Range<Int> = 0..<0
        public var duplicates: Range<Int> = 0..<0
    }

    /// A corpus file with its papers as loaded.
    public struct CorpusFile: Sendable {
        public var url: URL
        public var name: String
        public var papers: [Paper]
        /// Whether it had lines litcoder could not read: rewriting it would drop them.
        public var hasUnreadableLines: Bool

        public init(url: URL, name: String, papers: [Paper], hasUnreadableLines: Bool) {
            self.url = url
            self.name = name
            self.papers = papers
            self.hasUnreadableLines = hasUnreadableLines
        }
    }

    public private(set) var corpusFiles: [CorpusFile]
    /// Index into `corpusFiles` of the file that receives the new papers.
    public let target: Int
    public private(set) var merger: ImportMerger
    public private(set) var files: [FileSummary] = []
    /// Files refused whole (unreadable, binary, unknown format or encoding).
    public private(set) var refused: [Diagnostic] = []
    /// Problems within files: skipped entries (errors) and doubtful readings (warnings).
    public private(set) var diagnostics: [Diagnostic] = []

    /// Starts an import into `corpusFiles[target]`, de-duplicating against all of them; papers
    /// a person split apart (`keptApart`, from `ImportHistory`) are never merged again.
    public init(corpusFiles: [CorpusFile], target: Int, keptApart: [(kept: String, paper: String)] = []) {
        self.corpusFiles = corpusFiles
        self.target = target
        merger = ImportMerger(existing: corpusFiles.flatMap(\.papers), keptApart: keptApart)
    }

    /// Loads the project's corpus files one by one, so each can be rewritten on its own.
    ///
    /// A target file that does not exist yet is an empty corpus; problems in the others are returned.
    public static func loadCorpusFiles(_ urls: [URL], names: [String], target: Int) -> ([CorpusFile], [Diagnostic]) {
        var result: [CorpusFile] = []
        var problems: [Diagnostic] = []
        for (index, url) in urls.enumerated() {
            let name = index < names.count ? names[index] : url.path
            if index == target, !FileManager.default.fileExists(atPath: url.path) {
                result.append(CorpusFile(url: url, name: name, papers: [], hasUnreadableLines: false))
                continue
            }
            var loader = CorpusLoader()
            loader.read(url: url, name: name)
            let unreadable = loader.diagnostics.contains { $0.severity == .error }
            problems += loader.diagnostics
            result.append(CorpusFile(url: url, name: name, papers: loader.corpus.papers, hasUnreadableLines: unreadable))
        }
        return (result, problems)
    }

    /// Reads one export file and merges its records; a refused file is remembered, not thrown.
    ///
    /// Records are merged batch by batch on a serial queue while the parser reads on: merging is
    /// sequential (each record is compared with all before it), so it runs beside the parse
    /// rather than after it. The order of merging, and so the result, is the file's order.
    public mutating func read(url: URL, file: String, options: Options, progress: ((Double) -> Void)? = nil) {
        // The merger moves into a box the queue mutates in place; leaving a copy in `self` would
        // make the first mutation copy all the papers.
        var moved = ImportMerger(existing: [])
        swap(&moved, &merger)
        let box = MergerBox(consume moved)
        let before = box.merger.diagnostics.count
        let papersBefore = box.merger.papers.count
        let duplicatesBefore = box.merger.duplicates.count
        let queue = DispatchQueue(label: "litcoder.import.merge")
        var reserved = false
        let deliver: ParsedFile.BatchHandler = { batch, fractionRead in
            // Sized once for the whole file, from the first batch: growing the indices as they
            // fill would hash every key again at each doubling.
            // (An estimate only; capped, so a first batch followed by much else cannot reserve a lot.)
            let expected = reserved ? 0 : Int(Double(batch.count) / max(fractionRead, 1.0 / 64) * 1.05)
            reserved = true
            queue.async {
                box.merger.reserveCapacity(max(expected, batch.count))
                var batch = batch
                batch.withUnsafeMutableBufferPointer { records in
                    // Each record is moved out (an empty one left in its place) and handed over,
                    // so its strings pass to the paper without being retained and released.
                    for index in records.indices {
                        var record = ImportedRecord(line: 0)
                        swap(&record, &records[index])
                        box.merger.add(record, file: file)
                    }
                }
            }
        }
        let outcome = Swift.Result { () throws(Diagnostic) -> ImportReader.Result in
            try ImportReader.read(url: url, file: file, format: options.format, columnMap: options.columnMap,
                                  progress: progress, deliver: deliver)
        }
        queue.sync {}
        swap(&box.merger, &merger)
        let result: ImportReader.Result
        switch outcome {
        case .success(let read): result = read
        case .failure(let error):
            refused.append(error)
            return
        }
        diagnostics += result.parsed.diagnostics
        merger.reserveCapacity(result.parsed.records.count)
        for record in result.parsed.records { merger.add(record, file: file) }
        diagnostics += merger.diagnostics[before...]
        files.append(FileSummary(
            file: file, format: result.format, encoding: result.encoding, records: result.parsed.recordCount,
            unreadable: result.parsed.diagnostics.count { $0.severity == .error },
            empty: merger.diagnostics[before...].count { $0.severity == .error },
            added: papersBefore..<merger.papers.count, duplicates: duplicatesBefore..<merger.duplicates.count))
    }

    /// The lines this import adds to `corpus/_imports.jsonl` (`ImportHistory`), numbered on
    /// from what `history` holds: per file what it read and added, and each record it merged.
    public func historyLines(after history: ImportHistory, time: String) -> String {
        var text = ""
        var number = history.nextImportNumber
        var mergeNumber = history.nextMergeNumber
        for summary in files {
            text += ImportHistory.line(for: ImportHistory.FileImport(
                number: number, time: time, file: summary.file, format: summary.format.rawValue,
                records: summary.records + summary.unreadable, added: merger.papers[summary.added].map(\.id),
                duplicates: summary.duplicates.count, skipped: summary.unreadable + summary.empty))
            for duplicate in merger.duplicates[summary.duplicates] {
                text += ImportHistory.line(for: ImportHistory.Merge(
                    id: "d\(mergeNumber)", importNumber: number, kept: duplicate.keptID, keptSource: duplicate.keptSource,
                    source: duplicate.duplicateSource, match: duplicate.match, completed: duplicate.completedFields,
                    record: duplicate.record, key: duplicate.key))
                mergeNumber += 1
            }
            number += 1
        }
        return text
    }

    /// The merger while a file is read: the merge queue mutates it in place.
    private final class MergerBox: @unchecked Sendable {
        // Only the merge queue touches `merger` until `queue.sync` has returned.
        var merger: ImportMerger
        init(_ merger: consuming ImportMerger) { self.merger = merger }
    }

    /// Entries skipped, counted from the diagnostics.
    public var skippedCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// Whether anything went wrong at all: what `--strict` refuses.
    public var hasProblems: Bool { !refused.isEmpty || !diagnostics.isEmpty }

    /// The corpus files that would change: the target when papers were added, and any file
    /// with a paper completed from a duplicate.
    public var changedFiles: [Int] {
        var changed: [Int] = []
        var offset = 0
        for (index, file) in corpusFiles.enumerated() {
            let range = offset..<(offset + file.papers.count)
            if (index == target && !merger.added.isEmpty) || merger.completedExisting.contains(where: range.contains) {
                changed.append(index)
            }
            offset += file.papers.count
        }
        return changed
    }

    /// Changed corpus files that have lines litcoder could not read: while there is one, the
    /// import cannot be written, since rewriting the file would lose those lines.
    public var blockedFiles: [Int] {
        changedFiles.filter { corpusFiles[$0].hasUnreadableLines }
    }

    /// Replaces each changed corpus file atomically; throws before writing anything when a
    /// changed file has lines litcoder could not read (they would be lost).
    public func write() throws {
        let changed = changedFiles
        for index in changed where corpusFiles[index].hasUnreadableLines {
            throw Diagnostic(file: corpusFiles[index].name, message: "has lines litcoder cannot read; rewriting it would lose them, so nothing was imported",
                             hint: "fix the lines reported above (litcoder validate lists them), then import again")
        }
        var offset = 0
        var ranges: [Range<Int>] = []
        for file in corpusFiles {
            ranges.append(offset..<(offset + file.papers.count))
            offset += file.papers.count
        }
        for index in changed {
            // Slices of the merger's papers, not a copy: copying 50,000 papers retains every string.
            var parts = [merger.papers[ranges[index]]]
            if index == target { parts.append(merger.added) }
            try FileManager.default.createDirectory(at: corpusFiles[index].url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Corpus.writeJSONL(parts: parts, to: corpusFiles[index].url)
        }
    }
}
