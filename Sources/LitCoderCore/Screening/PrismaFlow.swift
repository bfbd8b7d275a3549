/// The counts of a PRISMA 2020 flow diagram (Page et al. 2021, the template for new reviews
/// with database searches): what `litcoder prisma` prints and the HTML report draws.
///
/// Records identified and removed come from `corpus/_imports.jsonl` (`ImportHistory`): every
/// entry each imported file held, per file; the records merged as duplicates (less those a
/// person split apart again); the entries skipped (unreadable, or with neither title nor
/// abstract). Papers in the corpus that no recorded import added (the sample, a corpus copied
/// in, papers imported before litcoder kept the record) are records from "other" sources.
/// Screening counts the corpus papers by the screening decision (`screening:` in the codebook)
/// of one coder or the consensus: included, excluded (per reason: the exclude code), or not
/// yet screened (no code, or a code in neither list).
public struct PrismaFlow: Sendable, Equatable {
    /// Records per source: a file as it was named on the import's command line, or `otherSource`.
    public struct Source: Sendable, Equatable {
        public var name: String
        public var records: Int
    }

    /// One exclusion reason: an exclude code, with its label.
    public struct Reason: Sendable, Equatable {
        public var code: String
        public var label: String
        public var records: Int
    }

    /// The name under which papers with no import record are counted.
    public static let otherSource = "(no import record)"

    public var identified: Int
    public var bySource: [Source]
    public var duplicatesRemoved: Int
    /// Records removed before screening for other reasons: unreadable, or with neither title nor abstract.
    public var removedOther: Int
    public var screened: Int
    public var excluded: Int
    /// Every exclude code of the codebook, in its order, with the papers excluded for it.
    public var excludedByReason: [Reason]
    public var included: Int
    public var awaiting: Int
    /// The screening dimension and whose decisions were counted (`consensus`, `coder:ann`).
    public var dimension: String
    public var scope: String
    /// Papers imported (so counted as identified) that are no longer in the corpus: then
    /// identified minus removed exceeds screened plus awaiting by this much.
    public var importedSinceRemoved: Int

    /// The flow of `corpus` as `history` recorded its imports and `state` screened it.
    public init(corpus: Corpus, history: ImportHistory, codebook: Codebook, screening: Screening,
                state: CodingState, scope: String) {
        dimension = screening.dimension
        self.scope = scope
        var sources: [Source] = []
        var imported = Set<String>()
        for file in history.imports {
            if let index = sources.firstIndex(where: { $0.name == file.file }) {
                sources[index].records += file.records
            } else {
                sources.append(Source(name: file.file, records: file.records))
            }
            imported.formUnion(file.added)
        }
        for split in history.splits where history.merge(split.merge) != nil { imported.insert(split.paper) }
        let other = corpus.papers.count { !imported.contains($0.id) }
        if other > 0 { sources.append(Source(name: Self.otherSource, records: other)) }
        bySource = sources
        identified = sources.reduce(0) { $0 + $1.records }
        duplicatesRemoved = history.merges.count { history.split(of: $0.id) == nil }
        removedOther = history.imports.reduce(0) { $0 + $1.skipped }
        importedSinceRemoved = imported.count { !corpus.contains($0) }

        let dimension = codebook.dimension(screening.dimension)
        var reasons = screening.exclude.map { Reason(code: $0, label: dimension?.code($0)?.label ?? $0, records: 0) }
        var included = 0, excluded = 0, awaiting = 0
        for paper in corpus.papers {
            let code = state.codingIfPresent(for: paper.id)?.codes(for: screening.dimension).first
            switch code.flatMap(screening.decision(for:)) {
            case .included: included += 1
            case .excluded:
                excluded += 1
                if let index = reasons.firstIndex(where: { $0.code == code }) { reasons[index].records += 1 }
            case nil: awaiting += 1
            }
        }
        excludedByReason = reasons
        self.included = included
        self.excluded = excluded
        self.awaiting = awaiting
        screened = included + excluded
    }
}
