import Foundation

/// Named sets of papers every coder codes first, to calibrate the codebook before the rest:
/// `rounds.jsonl`, written only by `litcoder round add`.
///
/// Rounds are kept in the order they were added; a round's papers come first in every
/// coder's queue until the coder has marked them done. The format is in `docs/file-formats.md`.
public struct CalibrationRounds: Sendable, Equatable {
    /// One round.
    public struct Round: Sendable, Equatable {
        public var name: String
        /// In the order given or drawn.
        public var papers: [String]
        /// How the papers were chosen: drawn at random (`--sample K --seed S`), or nil when listed.
        public var sample: Sample?

        public struct Sample: Sendable, Equatable {
            public var size: Int
            public var seed: UInt64
            public init(size: Int, seed: UInt64) {
                self.size = size
                self.seed = seed
            }
        }

        public init(name: String, papers: [String], sample: Sample? = nil) {
            self.name = name
            self.papers = papers
            self.sample = sample
        }
    }

    public private(set) var rounds: [Round] = []

    public init(rounds: [Round] = []) { self.rounds = rounds }

    public var isEmpty: Bool { rounds.isEmpty }

    public func round(named name: String) -> Round? { rounds.first { $0.name == name } }

    /// Every paper of every round, once, rounds in order.
    public var papers: [String] {
        var seen = Set<String>()
        return rounds.flatMap(\.papers).filter { seen.insert($0).inserted }
    }

    /// The rounds `paper` belongs to, in order.
    public func rounds(containing paper: String) -> [String] {
        rounds.filter { $0.papers.contains(paper) }.map(\.name)
    }

    /// Adds a round at the end.
    public mutating func add(_ round: Round) { rounds.append(round) }

    /// Why `name` cannot name a round, or nil: names go on command lines and in reports.
    public static func problem(withName name: String) -> String? {
        guard CodebookReader.isWellFormedName(name) else {
            return "round name '\(name)' must be lower-case letters, digits and . _ : - (e.g. 'pilot' or 'round-2')"
        }
        return nil
    }

    /// `size` papers drawn at random from `candidates` with `seed`: the first `size` of them
    /// shuffled by `SeededDraw`, kept in corpus order.
    public static func sample(_ size: Int, from candidates: [String], seed: UInt64) -> [String] {
        var draw = SeededDraw(seed: seed)
        let chosen = Set(draw.shuffled(Array(candidates.indices)).prefix(size))
        return candidates.indices.filter { chosen.contains($0) }.map { candidates[$0] }
    }

    // MARK: The file

    /// One round a line.
    public func fileText() -> String {
        rounds.map { round in
            var line = "{\"round\":\(JSONLinesFile.quoted(round.name)),\"papers\":\(JSONLinesFile.quoted(round.papers))"
            if let sample = round.sample { line += ",\"sample\":\(sample.size),\"seed\":\(sample.seed)" }
            return line + "}\n"
        }.joined()
    }

    /// Replaces the file at `url` atomically.
    public func write(to url: URL) throws {
        try AtomicFile.replace(url, with: Data(fileText().utf8))
    }

    /// Reads `rounds.jsonl`; a missing file is no rounds. A line that cannot be read is
    /// reported and left out.
    public static func load(url: URL, displayPath: String) -> (CalibrationRounds, [Diagnostic]) {
        let (lines, problems) = JSONLinesFile.read(url: url, displayPath: displayPath)
        var diagnostics = problems
        var rounds = CalibrationRounds()
        for line in lines {
            guard let name = line.object["round"] as? String, let papers = JSONLinesFile.strings(line.object["papers"]) else {
                diagnostics.append(Diagnostic(file: displayPath, line: line.number,
                                              message: "a round needs \"round\" (its name) and \"papers\" (a list of paper ids)",
                                              hint: "'litcoder round add' writes this file; restore it from git, or fix the line"))
                continue
            }
            if rounds.round(named: name) != nil {
                diagnostics.append(Diagnostic(file: displayPath, line: line.number, severity: .warning,
                                              message: "a second round named '\(name)'; the first is used"))
                continue
            }
            var sample: Round.Sample?
            // A sample is a count of papers: a negative or absurd one is damage, left out.
            if let size = JSONLinesFile.integer(line.object["sample"]), (0...10_000_000).contains(size),
               let seed = JSONLinesFile.integer(line.object["seed"]), seed >= 0 {
                sample = Round.Sample(size: size, seed: UInt64(seed))
            }
            rounds.add(Round(name: name, papers: papers, sample: sample))
        }
        return (rounds, diagnostics)
    }
}
