import Foundation

/// The papers of a project, in file order, with lookup by id.
public struct Corpus: Sendable {
    public private(set) var papers: [Paper] = []
    /// Each paper's position in `papers`.
    private(set) var indexByID: [String: Int] = [:]

    public init(papers: [Paper] = []) {
        for paper in papers where indexByID[paper.id] == nil {
            indexByID[paper.id] = self.papers.count
            self.papers.append(paper)
        }
    }

    public var count: Int { papers.count }
    public func paper(_ id: String) -> Paper? { indexByID[id].map { papers[$0] } }
    public func index(of id: String) -> Int? { indexByID[id] }
    public func contains(_ id: String) -> Bool { indexByID[id] != nil }

    /// Makes room for `count` papers in all, so adding them rehashes nothing.
    public mutating func reserveCapacity(_ count: Int) {
        papers.reserveCapacity(count)
        indexByID.reserveCapacity(count)
    }

    /// Adds a paper; returns false (and changes nothing) when its id is taken.
    @discardableResult
    public mutating func append(_ paper: Paper) -> Bool {
        guard indexByID[paper.id] == nil else { return false }
        indexByID[paper.id] = papers.count
        papers.append(paper)
        return true
    }
}

extension Corpus {
    /// Reads JSON Lines corpus files, reporting each malformed line as `FILE:LINE: reason`
    /// and going on with the rest. A duplicate id is an error naming both lines; the first wins.
    public static func load(files: [URL], displayName: (URL) -> String = { $0.path }) -> (Corpus, [Diagnostic]) {
        var loader = CorpusLoader()
        for url in files { loader.read(url: url, name: displayName(url)) }
        return (loader.corpus, loader.diagnostics)
    }

    /// Writes `papers` as a JSON Lines corpus file, replacing `url` atomically.
    ///
    /// Each paper is one line in `PaperJSONLine`'s stable key order. The file is replaced all
    /// at once (`AtomicFile`): a crash leaves the old corpus or the new one, never half of each.
    /// Throws `CorpusWriteError.duplicateID` (writing nothing) when two papers share an id,
    /// since such a file would not load cleanly.
    public static func writeJSONL(_ papers: [Paper], to url: URL) throws {
        try writeJSONL(parts: [papers[...]], to: url)
    }

    /// `writeJSONL(_:to:)` for papers held in several arrays, written one part after another:
    /// an import writes the corpus it read followed by the papers it added without copying
    /// them into one array first.
    public static func writeJSONL(parts: [ArraySlice<Paper>], to url: URL) throws {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        var position = 0
        for part in parts {
            // Through the buffer, whose papers are read in place rather than copied.
            try part.withUnsafeBufferPointer { papers in
                for paper in papers.indices {
                    if let first = seen.updateValue(position, forKey: papers[paper].id) {
                        throw CorpusWriteError.duplicateID(papers[paper].id, firstIndex: first, secondIndex: position)
                    }
                    position += 1
                }
            }
        }
        // Encoded on all cores a chunk at a time and streamed: a whole corpus buffer would add
        // the file's size again to the peak memory of a large import.
        try AtomicFile.replace(url) { write in
            try PaperLineStream.write(parts, to: write)
        }
    }

    /// Writes this corpus to `url`, replacing it atomically (see `writeJSONL(_:to:)`).
    public func write(to url: URL) throws {
        try Self.writeJSONL(papers, to: url)
    }
}

/// Why a corpus could not be written; nothing was written.
public enum CorpusWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two papers (positions counted from 0) share an id.
    case duplicateID(String, firstIndex: Int, secondIndex: Int)

    public var description: String {
        switch self {
        case .duplicateID(let id, let first, let second):
            "papers \(first + 1) and \(second + 1) both have the id '\(id)'; nothing was written"
        }
    }
}
