/// Shares papers out among coders: `litcoder assign`.
///
/// Each run assigns only the papers that have no entry yet, so running it again after an
/// import gives out the new papers and never moves an assigned one. Of a run's papers,
/// `overlap` percent (rounded half up) go to every coder, for agreement; each of the others
/// goes to `perPaper` coders, chosen so that every coder's load (the papers assigned to them,
/// old and new) stays within one of every other's where the numbers allow: each paper goes to
/// the coders with the fewest papers so far, among those to the pair that has shared the
/// fewest papers, and among equals to one drawn with the seed. The papers are taken in an
/// order shuffled with the seed, so the overlap is a random sample and not the first fifth of
/// the corpus. The same papers, coders and seed give the same file on every machine: every
/// random number comes from `SeededGenerator` through `SeededDraw`, never from Swift's own
/// random functions, whose algorithms may change between Swift versions.
public enum AssignmentPlanner {
    /// What `litcoder assign` was asked for.
    public struct Request: Sendable, Equatable {
        public var coders: [String]
        public var perPaper: Int
        public var overlap: Int
        public var seed: UInt64

        public init(coders: [String], perPaper: Int, overlap: Int, seed: UInt64) {
            self.coders = coders
            self.perPaper = perPaper
            self.overlap = overlap
            self.seed = seed
        }

        public var settings: Assignments.Settings {
            Assignments.Settings(coders: coders, perPaper: perPaper, overlap: overlap, seed: seed)
        }
    }

    /// What a run did.
    public struct Outcome: Sendable {
        public var assignments: Assignments
        /// The papers this run assigned, in corpus order.
        public var assigned: [String]
        /// Those of them given to every coder.
        public var overlapping: [String]
    }

    /// Why a request cannot be carried out, or nil.
    public static func problem(with request: Request) -> String? {
        if request.coders.isEmpty { return "name the coders to share the papers among: --coders ann,bob,cy" }
        for coder in request.coders {
            if let problem = CoderName.problem(with: coder) { return problem }
        }
        if Set(request.coders).count != request.coders.count { return "--coders names a coder twice" }
        if request.perPaper < 1 { return "--per-paper must be 1 or more" }
        if request.perPaper > request.coders.count {
            return "--per-paper \(request.perPaper) is more than the \(request.coders.count) coder(s) named in --coders"
        }
        if !(0...100).contains(request.overlap) { return "--overlap is a percentage, from 0 to 100" }
        return nil
    }

    /// `percent` of `count`, rounded to the nearest whole number, halves up (20% of 7 is 1;
    /// 50% of 5 is 3).
    public static func overlapCount(percent: Int, of count: Int) -> Int {
        (percent * count * 2 + 100) / 200
    }

    /// Assigns every paper of `papers` (the corpus, in order) that `existing` has no entry for
    /// and that is not in `skipping` (calibration papers, which every coder codes anyway).
    ///
    /// Loads count the existing entries of papers in `papers` only: a paper since removed from
    /// the corpus is no work.
    public static func assign(_ request: Request, papers: [String], existing: Assignments,
                              skipping: Set<String> = []) -> Outcome {
        var assignments = existing
        assignments.settings = request.settings
        let coders = request.coders
        let position = Dictionary(coders.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var load = [Int](repeating: 0, count: coders.count)
        var shared = [[Int]](repeating: [Int](repeating: 0, count: coders.count), count: coders.count)
        var fresh: [String] = []
        for paper in papers {
            guard let assigned = existing.coders(assignedTo: paper) else {
                if !skipping.contains(paper) { fresh.append(paper) }
                continue
            }
            let indices = assigned.compactMap { position[$0] }
            for a in indices {
                load[a] += 1
                for b in indices where b != a { shared[a][b] += 1 }
            }
        }

        var draw = SeededDraw(seed: request.seed)
        let order = draw.shuffled(fresh.indices.map { $0 })
        let overlapping = overlapCount(percent: request.overlap, of: fresh.count)
        var chosen = [[String]](repeating: [], count: fresh.count)
        for (rank, paperIndex) in order.enumerated() {
            var picked: [Int] = []
            if rank < overlapping || request.perPaper == coders.count {
                picked = Array(coders.indices)
            } else {
                for _ in 0..<request.perPaper {
                    // The least loaded coders, then those who shared fewest papers with the ones picked.
                    let open = coders.indices.filter { !picked.contains($0) }
                    func cost(_ c: Int) -> (Int, Int) { (load[c], picked.reduce(0) { $0 + shared[c][$1] }) }
                    let best = open.map(cost).min { $0 < $1 } ?? (0, 0)
                    let tied = open.filter { cost($0) == best }
                    picked.append(tied[draw.below(tied.count)])
                }
            }
            for a in picked {
                load[a] += 1
                for b in picked where b != a { shared[a][b] += 1 }
            }
            chosen[paperIndex] = picked.map { coders[$0] }
        }
        for (index, paper) in fresh.enumerated() {
            assignments.set(Assignments.Entry(paper: paper, coders: chosen[index]))
        }
        let overlapSet = Set(order.prefix(overlapping))
        return Outcome(assignments: assignments, assigned: fresh,
                       overlapping: fresh.indices.filter { overlapSet.contains($0) }.map { fresh[$0] })
    }

    /// What `--reassign FROM --to TO` did.
    public struct Reassignment: Sendable {
        public var assignments: Assignments
        /// Papers handed from FROM to TO.
        public var moved: [String]
        /// Papers TO already had: FROM only left them.
        public var left: [String]
        /// Papers FROM has coded, which stay with FROM.
        public var kept: [String]
    }

    /// Hands every paper of `from` that `from` has not coded (`hasCoded` says) to `to`; the
    /// settings name `to` instead of `from`, so later runs give `from` nothing new.
    public static func reassign(from: String, to: String, in existing: Assignments,
                                hasCoded: (String) -> Bool) -> Reassignment {
        var assignments = existing
        var result = Reassignment(assignments: existing, moved: [], left: [], kept: [])
        for entry in existing.entries where entry.coders.contains(from) {
            if hasCoded(entry.paper) {
                result.kept.append(entry.paper)
                continue
            }
            var coders = entry.coders.filter { $0 != from }
            if coders.contains(to) {
                result.left.append(entry.paper)
            } else {
                coders.append(to)
                result.moved.append(entry.paper)
            }
            assignments.set(Assignments.Entry(paper: entry.paper, coders: coders))
        }
        if var settings = assignments.settings, settings.coders.contains(from) {
            settings.coders = settings.coders.contains(to)
                ? settings.coders.filter { $0 != from }
                : settings.coders.map { $0 == from ? to : $0 }
            assignments.settings = settings
        }
        result.assignments = assignments
        return result
    }
}
