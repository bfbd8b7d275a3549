import Foundation

/// The illustrative abstracts of the bundled SER sample (`litcoder init` without options):
/// invented papers whose `source` is `litcoder sample`. They must not slip into a real
/// survey, so `import` warns while they are in the corpus and `corpus drop-sample` removes them.
public enum SamplePapers {
    /// The `source` every sample paper carries.
    public static let source = "litcoder sample"

    public static func isSample(_ paper: Paper) -> Bool { paper.source == source }

    /// How many of `papers` are sample papers.
    public static func count(in papers: [Paper]) -> Int { papers.count(where: isSample) }

    /// The sample papers some coder (or the consensus) has decided anything about, with who:
    /// removing those would orphan codings, so `drop-sample` refuses.
    public static func coded(in workspace: Workspace) throws -> [(paper: String, coders: [String])] {
        let sample = workspace.corpus.papers.filter(isSample).map(\.id)
        guard !sample.isEmpty else { return [] }
        // A log that cannot be read stops it: its codings of sample papers would be orphaned unseen.
        var owners = try workspace.project.codersWithLogs()
        if workspace.project.hasLogFile(CoderName.consensus) { owners.append(CoderName.consensus) }
        var byPaper: [String: [String]] = [:]
        for owner in owners {
            let state = try workspace.state(coder: owner).0
            for paper in sample where state.codingIfPresent(for: paper) != nil { byPaper[paper, default: []].append(owner) }
        }
        return sample.compactMap { paper in byPaper[paper].map { (paper, $0) } }
    }

    /// Removes every sample paper from the corpus files that hold one, rewriting each
    /// atomically; returns the files changed and how many papers left each. Nothing is written
    /// when a file that would change has lines litcoder cannot read (they would be lost).
    public static func drop(from files: [CorpusImport.CorpusFile]) throws -> [(file: String, removed: Int)] {
        let changed = files.filter { $0.papers.contains(where: isSample) }
        if let blocked = changed.first(where: \.hasUnreadableLines) {
            throw Diagnostic(file: blocked.name, message: "has lines litcoder cannot read; rewriting it would lose them, so nothing was removed",
                             hint: "fix the lines reported above (litcoder validate lists them), then run this again")
        }
        var result: [(file: String, removed: Int)] = []
        for file in changed {
            let kept = file.papers.filter { !isSample($0) }
            try Corpus.writeJSONL(kept, to: file.url)
            result.append((file.name, file.papers.count - kept.count))
        }
        return result
    }
}
