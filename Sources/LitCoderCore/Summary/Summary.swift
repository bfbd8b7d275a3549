/// The counts of one scope (a coder, or the consensus) at one moment: what `litcoder summary`
/// prints, the summary pane draws and export writes.
///
/// A snapshot taken from `SummaryCounts`; its JSON form is documented in `docs/summary.md`.
public struct Summary: Hashable, Sendable {
    /// `coder:alice` or `consensus`.
    public var scope: String
    /// Every paper in the corpus, coded or not.
    public var papers: Int
    public var alignments: [Alignment]
    public var dimensions: [Dimension]
    /// Codes no longer in the codebook, with how many papers carry each.
    public var stale: [Stale]
    /// Papers coded in this scope that are not in the corpus (left out of every count).
    public var codedPapersOutsideCorpus: Int
    /// Number dimensions: how many papers have a value, and the values' spread.
    public var numbers: [Numbers]

    public init(
        scope: String, papers: Int, alignments: [Alignment] = [], dimensions: [Dimension] = [],
        stale: [Stale] = [], codedPapersOutsideCorpus: Int = 0, numbers: [Numbers] = []
    ) {
        self.scope = scope
        self.papers = papers
        self.alignments = alignments
        self.dimensions = dimensions
        self.stale = stale
        self.codedPapersOutsideCorpus = codedPapersOutsideCorpus
        self.numbers = numbers
    }

    /// The scope name of one coder's codings.
    public static func scope(coder: String) -> String {
        coder == CoderName.consensus ? "consensus" : "coder:\(coder)"
    }

    /// One alignment's counts.
    public struct Alignment: Hashable, Sendable {
        public var id: String
        public var label: String
        public var from: String
        public var to: String
        public var aligned: Int
        public var mismatched: Int
        public var undetermined: Int
        /// `undetermined` split by reason; with `open`, they add up to it.
        public var undeterminedBecause: [AlignmentResult.UndeterminedReason: Int]
        /// Consensus only: undetermined papers whose `from` or `to` dimension the coders
        /// disagree on and no adjudicator has decided yet (taken out of the not-coded reasons).
        public var open = 0
        /// One entry per code of the `from` dimension, in codebook order.
        public var byCode: [CodeTally]
        public var crosstab: CrossTab

        public init(
            id: String, label: String, from: String, to: String, aligned: Int, mismatched: Int,
            undetermined: Int, undeterminedBecause: [AlignmentResult.UndeterminedReason: Int] = [:],
            byCode: [CodeTally], crosstab: CrossTab
        ) {
            self.id = id
            self.label = label
            self.from = from
            self.to = to
            self.aligned = aligned
            self.mismatched = mismatched
            self.undetermined = undetermined
            self.undeterminedBecause = undeterminedBecause
            self.byCode = byCode
            self.crosstab = crosstab
        }
    }

    /// Papers with one `from` code, and how many of them leave that code unserved while the
    /// `to` dimension is coded.
    public struct CodeTally: Hashable, Sendable {
        public var code: String
        public var label: String
        public var papers: Int
        public var mismatched: Int
        public init(code: String, label: String, papers: Int, mismatched: Int) {
            self.code = code
            self.label = label
            self.papers = papers
            self.mismatched = mismatched
        }
    }

    /// Papers per (`from` code, context provided by a coded `to` code).
    public struct CrossTab: Hashable, Sendable {
        public var rows: [String]
        public var columns: [String]
        /// `counts[row][column]`.
        public var counts: [[Int]]
        public init(rows: [String], columns: [String], counts: [[Int]]) {
            self.rows = rows
            self.columns = columns
            self.counts = counts
        }

        /// The count at a position, 0 outside the table.
        public func count(row: Int, column: Int) -> Int {
            guard counts.indices.contains(row), counts[row].indices.contains(column) else { return 0 }
            return counts[row][column]
        }

        /// The largest count (0 for an empty table), for scaling shades.
        public var maximum: Int { counts.lazy.flatMap { $0 }.max() ?? 0 }
    }

    /// How often each code of one coded dimension is used.
    public struct Dimension: Hashable, Sendable {
        public var id: String
        public var label: String
        /// Papers with at least one current code in this dimension.
        public var coded: Int
        /// Consensus only: papers without a code here because the coders disagree and no
        /// adjudicator has decided yet; the rest of the uncoded papers are not coded.
        public var open = 0
        public var counts: [CodeCount]
        public init(id: String, label: String, coded: Int, counts: [CodeCount]) {
            self.id = id
            self.label = label
            self.coded = coded
            self.counts = counts
        }
    }

    /// Papers carrying one code.
    public struct CodeCount: Hashable, Sendable {
        public var code: String
        public var label: String
        public var papers: Int
        public init(code: String, label: String, papers: Int) {
            self.code = code
            self.label = label
            self.papers = papers
        }
    }

    /// A number dimension's values in this scope.
    public struct Numbers: Hashable, Sendable {
        public var id: String
        public var label: String
        /// Papers with a value.
        public var coded: Int
        /// Consensus only: papers with no value because the dispute is open.
        public var open = 0
        /// Smallest, median and largest value, and the mean; nil when no paper has one.
        public var minimum: Double?
        public var median: Double?
        public var maximum: Double?
        public var mean: Double?

        /// The spread of `values` (unsorted).
        public init(id: String, label: String, values: [Double]) {
            self.id = id
            self.label = label
            coded = values.count
            let sorted = values.sorted()
            minimum = sorted.first
            maximum = sorted.last
            if !sorted.isEmpty {
                let middle = sorted.count / 2
                median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
                mean = sorted.reduce(0, +) / Double(sorted.count)
            }
        }
    }

    /// A stale code and how many papers carry it.
    public struct Stale: Hashable, Sendable {
        public var dimension: String
        public var code: String
        public var papers: Int
        public init(dimension: String, code: String, papers: Int) {
            self.dimension = dimension
            self.code = code
            self.papers = papers
        }
    }

    /// The same summary with only one alignment, and only the dimensions it joins.
    /// Nil when there is no such alignment.
    public func restricted(toAlignment id: String) -> Summary? {
        guard let alignment = alignments.first(where: { $0.id == id }) else { return nil }
        var copy = self
        copy.alignments = [alignment]
        copy.dimensions = dimensions.filter { $0.id == alignment.from || $0.id == alignment.to }
        copy.stale = stale.filter { $0.dimension == alignment.from || $0.dimension == alignment.to }
        copy.numbers = []
        return copy
    }
}
