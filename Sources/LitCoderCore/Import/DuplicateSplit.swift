import Foundation

/// Undoes a merge an import made (`litcoder duplicates split ID`): the merged record becomes a
/// paper of its own, right after the paper it was merged into, and that paper gives back the
/// fields it had taken from the record.
public enum DuplicateSplit {
    /// What a split changed.
    public struct Outcome: Sendable {
        /// The new paper.
        public var paper: Paper
        /// The corpus file (index into the files given) that now holds it.
        public var file: Int
        /// Fields the kept paper gave back.
        public var restored: [String]
    }

    /// Why a merge cannot be split.
    public enum Problem: Error, CustomStringConvertible {
        case keptPaperMissing(String)
        case unreadableLines(file: String)

        public var description: String {
            switch self {
            case .keptPaperMissing(let id):
                "the paper '\(id)' it was merged into is not in the corpus any more; nothing was changed"
            case .unreadableLines(let file):
                "\(file) has lines litcoder cannot read; rewriting it would lose them, so nothing was changed "
                    + "(fix the lines 'litcoder validate' lists, then split again)"
            }
        }
    }

    /// Splits `merge` off in `files` (changed in place; the caller writes `files[outcome.file]`).
    ///
    /// The new paper's id is made as an import makes one: the record's source key, else its
    /// DOI, else a hash of title and year, with `-2`, `-3` … when another paper has it.
    public static func split(_ merge: ImportHistory.Merge, in files: inout [CorpusImport.CorpusFile]) throws -> Outcome {
        guard let fileIndex = files.firstIndex(where: { $0.papers.contains { $0.id == merge.kept } }),
              let keptIndex = files[fileIndex].papers.firstIndex(where: { $0.id == merge.kept }) else {
            throw Problem.keptPaperMissing(merge.kept)
        }
        if files[fileIndex].hasUnreadableLines { throw Problem.unreadableLines(file: files[fileIndex].name) }
        let taken = Set(files.flatMap { $0.papers.map(\.id) })
        var paper = merge.record
        let base = merge.key.flatMap { $0.isEmpty ? nil : $0 } ?? paper.doi ?? ImportMerger.hashID(title: paper.title, year: paper.year)
        var id = base
        var n = 2
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        paper.id = id

        var kept = files[fileIndex].papers[keptIndex]
        var restored: [String] = []
        // A field goes back only while it still holds what the record gave it.
        for field in merge.completed {
            switch field {
            case "title" where kept.title == paper.title: kept.title = ""
            case "abstract" where kept.abstract == paper.abstract: kept.abstract = ""
            case "authors" where kept.authors == paper.authors: kept.authors = []
            case "year" where kept.year == paper.year: kept.year = nil
            case "doi" where kept.doi == paper.doi: kept.doi = nil
            case "venue" where kept.venue == paper.venue: kept.venue = nil
            case "url" where kept.url == paper.url: kept.url = nil
            case "keywords" where kept.keywords == paper.keywords: kept.keywords = []
            default: continue
            }
            restored.append(field)
        }
        files[fileIndex].papers[keptIndex] = kept
        files[fileIndex].papers.insert(paper, at: keptIndex + 1)
        return Outcome(paper: paper, file: fileIndex, restored: restored)
    }
}
