import Foundation

/// Adds imported records to a corpus: gives each an id, finds duplicates, completes the kept
/// record with what only the duplicate had.
///
/// Two records are the same paper when they have the same DOI; or the same source key (BibTeX
/// key, `id` column) as the kept paper's id and the same title; or the same title (compared by
/// letters and digits, ignoring case) and the same year without conflicting DOIs; or, when
/// neither has a year nor a DOI, the same title alone. The first one seen is kept, whether it
/// was already in the corpus or came earlier in the import.
public struct ImportMerger: Sendable {
    /// Why two records were taken for one paper.
    public enum Match: String, Sendable, CaseIterable {
        case sameDOI = "same DOI"
        case sameTitleAndYear = "same title and year"
        case sameKey = "same key and title"
        /// Both lack a year and a DOI, so the title is all there is to compare.
        case sameTitle = "same title, neither has a year or DOI"

        /// The short name files and JSON use: `doi`, `title+year`, `key`, `title`.
        public var code: String {
            switch self {
            case .sameDOI: "doi"
            case .sameTitleAndYear: "title+year"
            case .sameKey: "key"
            case .sameTitle: "title"
            }
        }

        public init?(code: String) {
            guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
            self = match
        }
    }

    /// A record not added because it is a paper already there.
    public struct Duplicate: Sendable, Hashable {
        /// The kept paper's id and where it came from.
        public var keptID: String
        public var keptSource: String
        /// Where the duplicate was read (`FILE:LINE`).
        public var duplicateSource: String
        public var match: Match
        /// Fields the kept paper lacked and took from the duplicate.
        public var completedFields: [String]
        /// Whether the kept paper was in the corpus before this import (else it was read
        /// earlier in the same import).
        public var keptWasInCorpus: Bool = false
        /// The duplicate as it was read (no id), so a wrong merge can be undone
        /// (`litcoder duplicates split`), and its source key (BibTeX key, `id` column).
        public var record = Paper(id: "", title: "")
        public var key: String?
    }

    /// The corpus papers first, then the added ones, in order.
    public private(set) var papers: [Paper]
    /// How many of `papers` were there before the import.
    public let existingCount: Int
    /// Indices (into `papers`) of existing papers completed from a duplicate.
    public private(set) var completedExisting: Set<Int> = []
    public private(set) var duplicates: [Duplicate] = []
    /// Records that could not become papers, and doubtful ones (no title).
    public private(set) var diagnostics: [Diagnostic] = []

    private var indexByDOI: [String: Int] = [:]
    /// Papers by a 64-bit hash of title key and year; a hit is confirmed by comparing the keys,
    /// so hashing long title strings into a dictionary is avoided on the common path (no match).
    /// The first paper of each hash is stored directly; `titleYearCollisions` holds the rare
    /// later ones whose title differs (an array for every paper was an allocation per paper).
    private var indexByTitleYear: [UInt64: Int] = [:]
    private var titleYearCollisions: [UInt64: [Int]] = [:]
    /// Papers by id: the ids taken (new ones get `-2`, `-3` …), and the papers a record whose
    /// source key is a kept paper's id may be.
    private var indexByID: [String: Int] = [:]
    /// Papers with neither year nor DOI, by title key: the title is all that can match them.
    private var indexByTitleOnly: [String: Int] = [:]
    /// For each id that a second paper wanted, the next `-N` to try: without it, the n-th of
    /// many records with one key tried `-2` … `-n` first, quadratic in the count.
    private var nextSuffix: [String: Int] = [:]
    /// Papers once merged and then split apart (`litcoder duplicates split`), each with the
    /// others it was split from: a record that matches one of them goes to the closest.
    private var splitPartners: [Int: [Int]] = [:]

    /// - Parameter keptApart: pairs of corpus paper ids a person split apart after an import
    ///   merged them; they are never merged again.
    public init(existing: [Paper], keptApart: [(kept: String, paper: String)] = []) {
        papers = existing
        existingCount = existing.count
        papers.reserveCapacity(existing.count)
        for (index, paper) in existing.enumerated() {
            if indexByID[paper.id] == nil { indexByID[paper.id] = index }
            remember(paper, at: index)
        }
        for pair in keptApart {
            guard let a = indexByID[pair.kept], let b = indexByID[pair.paper], a != b else { continue }
            splitPartners[a, default: []].append(b)
            splitPartners[b, default: []].append(a)
        }
    }

    /// Makes room for `count` more papers, so the indices are not rehashed as they grow.
    ///
    /// Room grows at least twofold, so reserving batch by batch does not rehash at every batch.
    public mutating func reserveCapacity(_ count: Int) {
        func grow<Key, Value>(_ index: inout [Key: Value]) {
            let needed = index.count + count
            if needed > index.capacity { index.reserveCapacity(max(needed, index.capacity * 2)) }
        }
        if papers.count + count > papers.capacity { papers.reserveCapacity(max(papers.count + count, papers.capacity * 2)) }
        grow(&indexByDOI)
        grow(&indexByTitleYear)
        grow(&indexByID)
    }

    /// The papers this import added.
    public var added: ArraySlice<Paper> { papers[existingCount...] }

    private static func titleYearKey(_ paper: Paper) -> UInt64? {
        guard let year = paper.year else { return nil }
        return FieldNormalisation.titleHash(paper.title, year: year)
    }

    private static func sameTitleAndYear(_ a: Paper, _ b: Paper) -> Bool {
        a.year == b.year && FieldNormalisation.titleKey(a.title) == FieldNormalisation.titleKey(b.title)
    }

    /// The title key of a paper with neither year nor DOI (and a title), else nil.
    private static func titleOnlyKey(_ paper: Paper) -> String? {
        guard paper.year == nil, paper.doi == nil else { return nil }
        let key = FieldNormalisation.titleKey(paper.title)
        return key.isEmpty ? nil : key
    }

    /// Whether a record whose key is `kept`'s id is that paper: the titles agree (or one is
    /// missing) and neither the years nor the DOIs conflict. Keys alone are not trusted, since
    /// two bibliographies may use `smith2020` for different papers.
    private static func sameKeyedPaper(_ kept: Paper, _ paper: Paper) -> Bool {
        if let a = kept.doi, let b = paper.doi, a != b { return false }
        if let a = kept.year, let b = paper.year, a != b { return false }
        if kept.title.isEmpty || paper.title.isEmpty { return true }
        return FieldNormalisation.titleKey(kept.title) == FieldNormalisation.titleKey(paper.title)
    }

    private mutating func remember(_ paper: Paper, at index: Int) {
        if let doi = paper.doi, indexByDOI[doi] == nil { indexByDOI[doi] = index }
        if let key = Self.titleOnlyKey(paper), indexByTitleOnly[key] == nil { indexByTitleOnly[key] = index }
        if let key = Self.titleYearKey(paper), sameTitleAndYear(as: paper, hash: key) == nil {
            rememberTitleYear(key, index)
        }
    }

    /// Adds one record read from `file`.
    public mutating func add(_ record: consuming ImportedRecord, file: String) {
        var record = record
        let source = "\(file):\(record.line)"
        guard record.title != nil || record.abstract != nil else {
            diagnostics.append(Diagnostic(file: file, line: record.line,
                                          message: "record has neither a title nor an abstract; skipped",
                                          hint: "nothing in it could be coded; check the export"))
            return
        }
        if record.title == nil {
            diagnostics.append(Diagnostic(file: file, line: record.line, severity: .warning,
                                          message: "record has no title; imported with an empty one"))
        }
        if let written = record.unreadableYear {
            diagnostics.append(Diagnostic(file: file, line: record.line, severity: .warning,
                                          message: "year '\(written)' is not a year; imported without one",
                                          hint: "a year is four digits (2021); fix it in the source or in the corpus file"))
        }
        // The record's values are taken, not copied: the paper is their only holder from here on.
        var paper = Paper(id: "", title: Self.take(&record.title, leaving: nil) ?? "",
                          authors: Self.take(&record.authors, leaving: []), year: record.year,
                          venue: Self.take(&record.venue, leaving: nil), doi: Self.take(&record.doi, leaving: nil),
                          url: Self.take(&record.url, leaving: nil), abstract: Self.take(&record.abstract, leaving: nil) ?? "",
                          keywords: Self.take(&record.keywords, leaving: []), source: source)
        let titleYearKey = Self.titleYearKey(paper)
        if let (found, match) = existingMatch(for: paper, key: record.key, titleYearKey: titleYearKey) {
            let index = splitPartners[found].map { closest(to: paper, among: [found] + $0) } ?? found
            let completed = complete(at: index, from: paper)
            duplicates.append(Duplicate(keptID: papers[index].id, keptSource: papers[index].source ?? papers[index].id,
                                        duplicateSource: source, match: match, completedFields: completed,
                                        keptWasInCorpus: index < existingCount, record: paper, key: record.key))
            return
        }
        let index = papers.count
        paper.id = uniqueID(for: record, paper: paper, index: index)
        let doi = paper.doi
        let titleOnlyKey = Self.titleOnlyKey(paper)
        // Taken out of `paper` into the array rather than copied (a copy retains every string).
        papers.append(Self.take(&paper, leaving: Paper(id: "", title: "")))
        // No paper has this DOI or title and year yet (existingMatch said so): store without looking again.
        if let doi { indexByDOI[doi] = index }
        if let key = titleYearKey { rememberTitleYear(key, index) }
        if let key = titleOnlyKey, indexByTitleOnly[key] == nil { indexByTitleOnly[key] = index }
    }

    /// The paper with `paper`'s title and year, looked up by their hash `key`.
    private func sameTitleAndYear(as paper: Paper, hash key: UInt64) -> Int? {
        guard let first = indexByTitleYear[key] else { return nil }
        if Self.sameTitleAndYear(papers[first], paper) { return first }
        return titleYearCollisions[key]?.first { Self.sameTitleAndYear(papers[$0], paper) }
    }

    private mutating func rememberTitleYear(_ key: UInt64, _ index: Int) {
        if indexByTitleYear[key] == nil {
            indexByTitleYear[key] = index
        } else {
            titleYearCollisions[key, default: []].append(index)
        }
    }

    /// Of papers a person split apart, the one `paper` is most like: the same source line
    /// first (the same export read again), then the most fields alike; the first on a tie.
    private func closest(to paper: Paper, among candidates: [Int]) -> Int {
        func likeness(_ index: Int) -> Int {
            let other = papers[index]
            var score = 0
            if let source = paper.source, source == other.source { score += 100 }
            if FieldNormalisation.titleKey(other.title) == FieldNormalisation.titleKey(paper.title) { score += 4 }
            if other.year == paper.year { score += 2 }
            if other.doi == paper.doi { score += 2 }
            if other.authors.first == paper.authors.first { score += 2 }
            if other.abstract == paper.abstract { score += 2 }
            if other.venue == paper.venue { score += 1 }
            if other.url == paper.url { score += 1 }
            return score
        }
        var best = candidates[0]
        var bestScore = likeness(best)
        for index in candidates.dropFirst() {
            let score = likeness(index)
            if score > bestScore { (best, bestScore) = (index, score) }
        }
        return best
    }

    /// The value of `field`, leaving `empty` in its place.
    private static func take<Value>(_ field: inout Value, leaving empty: Value) -> Value {
        var value = empty
        swap(&value, &field)
        return value
    }

    private func existingMatch(for paper: Paper, key: String?, titleYearKey: UInt64?) -> (Int, Match)? {
        if let doi = paper.doi, let index = indexByDOI[doi] { return (index, .sameDOI) }
        if let key, !key.isEmpty, let index = indexByID[key], Self.sameKeyedPaper(papers[index], paper) {
            return (index, .sameKey)
        }
        if let key = titleYearKey,
           let index = sameTitleAndYear(as: paper, hash: key) {
            // Same title and year but two different DOIs: two papers (a preprint and its journal version, say).
            if let a = paper.doi, let b = papers[index].doi, a != b { return nil }
            return (index, .sameTitleAndYear)
        }
        if let key = Self.titleOnlyKey(paper), let index = indexByTitleOnly[key],
           papers[index].year == nil, papers[index].doi == nil {
            return (index, .sameTitle)
        }
        return nil
    }

    /// Fills the kept paper's empty fields from the duplicate; returns their names.
    private mutating func complete(at index: Int, from other: Paper) -> [String] {
        var kept = papers[index]
        var completed: [String] = []
        if kept.title.isEmpty, !other.title.isEmpty { kept.title = other.title; completed.append("title") }
        if kept.abstract.isEmpty, !other.abstract.isEmpty { kept.abstract = other.abstract; completed.append("abstract") }
        if kept.authors.isEmpty, !other.authors.isEmpty { kept.authors = other.authors; completed.append("authors") }
        if kept.year == nil, let year = other.year { kept.year = year; completed.append("year") }
        if kept.doi == nil, let doi = other.doi { kept.doi = doi; completed.append("doi") }
        if kept.venue == nil, let venue = other.venue { kept.venue = venue; completed.append("venue") }
        if kept.url == nil, let url = other.url { kept.url = url; completed.append("url") }
        if kept.keywords.isEmpty, !other.keywords.isEmpty { kept.keywords = other.keywords; completed.append("keywords") }
        guard !completed.isEmpty else { return [] }
        papers[index] = kept
        remember(kept, at: index)
        if index < existingCount { completedExisting.insert(index) }
        return completed
    }

    /// The BibTeX key, else the DOI, else a short hash of title and year; `-2`, `-3` … appended
    /// when another paper has it. The id returned is taken for the paper at `index`.
    private mutating func uniqueID(for record: ImportedRecord, paper: Paper, index: Int) -> String {
        let base: String
        if let key = record.key, !key.isEmpty {
            base = key
        } else if let doi = paper.doi {
            base = doi
        } else {
            base = Self.hashID(title: paper.title, year: paper.year)
        }
        if claim(base, for: index) { return base }
        var n = nextSuffix[base] ?? 2
        while !claim("\(base)-\(n)", for: index) { n += 1 }
        nextSuffix[base] = n + 1
        return "\(base)-\(n)"
    }

    /// Takes `id` for the paper at `index` unless another paper has it: one hash lookup, since
    /// the default is stored only when the id is new.
    private mutating func claim(_ id: String, for index: Int) -> Bool {
        var claimed = false
        func take(_ slot: inout Int) {
            if slot < 0 {
                slot = index
                claimed = true
            }
        }
        take(&indexByID[id, default: -1])
        return claimed
    }

    /// `p` and 10 hex digits of the SHA-256 of the normalised title and the year: stable
    /// across imports of the same paper.
    public static func hashID(title: String, year: Int?) -> String {
        let text = FieldNormalisation.titleKey(title) + "|" + (year.map(String.init) ?? "")
        return "p" + String(SHA256.hex(of: Data(text.utf8)).prefix(10))
    }
}
