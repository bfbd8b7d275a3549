import Foundation

/// Who codes which paper: `assignments.jsonl`, written only by `litcoder assign`.
///
/// A paper with no entry is assigned to nobody yet; when the project has no assignments at
/// all, every coder codes every paper. The format is in `docs/file-formats.md`.
public struct Assignments: Sendable, Equatable {
    /// How the papers were shared out, as the latest `litcoder assign` was told.
    public struct Settings: Sendable, Equatable {
        /// The coders new papers go to.
        public var coders: [String]
        /// How many of them code each paper (outside the overlap).
        public var perPaper: Int
        /// The percentage of each run's papers given to all of them, for agreement.
        public var overlap: Int
        public var seed: UInt64

        public init(coders: [String], perPaper: Int, overlap: Int, seed: UInt64) {
            self.coders = coders
            self.perPaper = perPaper
            self.overlap = overlap
            self.seed = seed
        }
    }

    /// One paper and the coders who code it (sorted).
    public struct Entry: Sendable, Equatable {
        public var paper: String
        public var coders: [String]

        public init(paper: String, coders: [String]) {
            self.paper = paper
            // Lists read from the file are sorted already: no copy then.
            self.coders = zip(coders, coders.dropFirst()).allSatisfy { $0 <= $1 } ? coders : coders.sorted()
        }
    }

    public var settings: Settings?
    /// In the order they were assigned.
    public private(set) var entries: [Entry] = []
    private var indexByPaper: [String: Int] = [:]

    public init(settings: Settings? = nil, entries: [Entry] = []) {
        self.settings = settings
        for entry in entries { set(entry) }
    }

    public static func == (a: Assignments, b: Assignments) -> Bool { a.settings == b.settings && a.entries == b.entries }

    /// Whether no paper is assigned to anyone: then every coder codes every paper.
    public var isEmpty: Bool { entries.isEmpty }

    /// The coders assigned to `paper`, nil when it is assigned to nobody.
    public func coders(assignedTo paper: String) -> [String]? {
        indexByPaper[paper].map { entries[$0].coders }
    }

    /// Whether `paper` has an entry.
    public func contains(_ paper: String) -> Bool { indexByPaper[paper] != nil }

    /// The papers assigned to `coder`, in the order they were assigned.
    public func papers(assignedTo coder: String) -> [String] {
        entries.filter { $0.coders.contains(coder) }.map(\.paper)
    }

    /// Every coder named in an entry or the settings, sorted.
    public var coders: [String] {
        var all = Set(settings?.coders ?? [])
        for entry in entries { all.formUnion(entry.coders) }
        return all.sorted()
    }

    /// Adds or replaces the entry of `entry.paper`; a paper keeps its place in the file.
    public mutating func set(_ entry: Entry) {
        if let index = indexByPaper[entry.paper] {
            entries[index] = entry
        } else {
            indexByPaper[entry.paper] = entries.count
            entries.append(entry)
        }
    }

    // MARK: The file

    /// The file's text: the settings on the first line, then one paper a line.
    public func fileText() -> String {
        var text = ""
        if let settings {
            text += "{\"settings\":{\"coders\":\(JSONLinesFile.quoted(settings.coders)),\"per_paper\":\(settings.perPaper),"
                + "\"overlap\":\(settings.overlap),\"seed\":\(settings.seed)}}\n"
        }
        for entry in entries {
            text += "{\"paper\":\(JSONLinesFile.quoted(entry.paper)),\"coders\":\(JSONLinesFile.quoted(entry.coders))}\n"
        }
        return text
    }

    /// Replaces the file at `url` atomically.
    public func write(to url: URL) throws {
        try AtomicFile.replace(url, with: Data(fileText().utf8))
    }

    /// Reads `assignments.jsonl`; a missing file is no assignments. Each line that cannot be
    /// read is reported and left out, and the rest still load.
    public static func load(url: URL, displayPath: String) -> (Assignments, [Diagnostic]) {
        let raw = JSONLinesFile.RawLines(url: url)
        let lines = raw.lines
        var diagnostics: [Diagnostic] = []
        var assignments = Assignments()
        assignments.entries.reserveCapacity(lines.count)
        assignments.indexByPaper.reserveCapacity(lines.count)
        // The line of each entry, to name the first when a paper comes again.
        var lineOfEntry: [Int] = []
        lineOfEntry.reserveCapacity(lines.count)
        func problem(_ line: Int, _ message: String) {
            diagnostics.append(Diagnostic(file: displayPath, line: line, message: message,
                                          hint: "'litcoder assign' writes this file; restore it from git, or fix the line"))
        }
        for (number, range) in lines {
            let bytes = raw.bytes[range]
            let paper: String
            let coders: [String]
            if let read = JSONLinesFile.assignmentLine(bytes) {
                (paper, coders) = read
            } else {
                let object: [String: Any]
                switch JSONLinesFile.object(bytes, line: number, displayPath: displayPath) {
                case .success(let read): object = read
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    continue
                }
                if let settings = object["settings"] {
                    guard let map = settings as? [String: Any], let coders = JSONLinesFile.strings(map["coders"]),
                          let perPaper = JSONLinesFile.integer(map["per_paper"]), let overlap = JSONLinesFile.integer(map["overlap"]),
                          let seed = JSONLinesFile.integer(map["seed"]), seed >= 0 else {
                        problem(number, "the settings need coders (a list), per_paper, overlap and seed (whole numbers)")
                        continue
                    }
                    // Checked as `assign` checks its options: numbers out of range are damage, and overlap is
                    // multiplied by a paper count.
                    guard (1...max(1, coders.count)).contains(perPaper), (0...100).contains(overlap) else {
                        problem(number, "the settings' per_paper must be 1 to the number of coders, and overlap a percentage (0 to 100)")
                        continue
                    }
                    assignments.settings = Settings(coders: coders, perPaper: perPaper, overlap: overlap, seed: UInt64(seed))
                    continue
                }
                guard let id = object["paper"] as? String else {
                    problem(number, "a line needs \"paper\" (a paper id) and \"coders\" (a list of coder names)")
                    continue
                }
                guard let list = JSONLinesFile.strings(object["coders"]) else {
                    problem(number, "paper '\(id)' needs \"coders\": a list of one or more coder names")
                    continue
                }
                (paper, coders) = (id, list)
            }
            guard !paper.isEmpty else {
                problem(number, "a line needs \"paper\" (a paper id) and \"coders\" (a list of coder names)")
                continue
            }
            guard !coders.isEmpty else {
                problem(number, "paper '\(paper)' needs \"coders\": a list of one or more coder names")
                continue
            }
            if let bad = coders.first(where: { CoderName.problem(with: $0) != nil }) {
                problem(number, CoderName.problem(with: bad) ?? "bad coder name '\(bad)'")
                continue
            }
            if let earlier = assignments.indexByPaper[paper] {
                problem(number, "paper '\(paper)' is assigned twice (first at line \(lineOfEntry[earlier])); this line wins")
            } else {
                lineOfEntry.append(number)
            }
            assignments.set(Entry(paper: paper, coders: coders))
        }
        return (assignments, diagnostics)
    }
}
