/// Codings in a log that the current codebook (or corpus) no longer accounts for.
///
/// A codebook changes during a survey: codes are renamed, merged, removed. Events made under
/// an older codebook stay in the log (nothing is ever deleted); this finds the current
/// decisions among them that name a dimension or code the codebook no longer has, so
/// `validate` and `status` can report them and a coder can recode those papers.
public struct StaleCoding: Hashable, Sendable {
    public enum Problem: Hashable, Sendable {
        /// The dimension is gone from the codebook.
        case unknownDimension
        /// These codes are gone from the dimension.
        case unknownCodes([String])
        /// Codes recorded for what is now a text (or number) dimension.
        case codesOnTextDimension
        /// A value of a number dimension that is not a number, or outside its range.
        case invalidNumber(String)
        /// Text recorded for what is now a coded dimension.
        case textOnCodedDimension
        /// Several codes in what is now a single-code dimension.
        case severalCodesOnSingleDimension([String])
        /// The paper is not in the corpus any more.
        case unknownPaper
    }

    /// A code the codebook no longer defines, without the decision that carries it: what
    /// summaries count ("3 papers carry dataset 'oldset'") so coders can recode those papers.
    ///
    /// Alignment ignores such codes; nothing deletes them from a log.
    public struct Code: Hashable, Sendable, Comparable {
        public var dimension: String
        public var code: String

        public init(dimension: String, code: String) {
            self.dimension = dimension
            self.code = code
        }

        public static func < (a: Code, b: Code) -> Bool {
            (a.dimension, a.code) < (b.dimension, b.code)
        }
    }

    public var paper: String
    /// Empty for `unknownPaper`.
    public var dimension: String
    public var problem: Problem
    /// Sequence number of the event that made the current decision.
    public var seq: Int
    /// Content hash of the codebook that event was made under.
    public var codebookHash: String
    /// Where that event is among the events searched (0-based), to find its line in the log.
    public var position: Int

    public init(paper: String, dimension: String, problem: Problem, seq: Int, codebookHash: String, position: Int = 0) {
        self.paper = paper
        self.dimension = dimension
        self.problem = problem
        self.seq = seq
        self.codebookHash = codebookHash
        self.position = position
    }

    /// What is stale, in words, e.g. `paper p12, motivation: code 'hci' is not in the codebook`.
    ///
    /// "Not in the codebook" rather than "no longer exists": a code typed by hand into a log, or
    /// imported, may never have been in any version of it.
    public var message: String {
        let under = codebookHash.isEmpty ? "" : " (coded under codebook \(codebookHash.prefix(12)))"
        switch problem {
        case .unknownDimension:
            return "paper '\(paper)': dimension '\(dimension)' is not in the codebook\(under)"
        case .unknownCodes(let codes):
            let list = codes.map { "'\($0)'" }.joined(separator: ", ")
            return "paper '\(paper)', \(dimension): code\(codes.count == 1 ? "" : "s") \(list) \(codes.count == 1 ? "is" : "are") not in the codebook\(under)"
        case .codesOnTextDimension:
            return "paper '\(paper)', \(dimension): has codes, but the dimension is now free text or a number\(under)"
        case .invalidNumber(let problem):
            return "paper '\(paper)', \(dimension): \(problem)\(under)"
        case .textOnCodedDimension:
            return "paper '\(paper)', \(dimension): has text, but the dimension now takes codes\(under)"
        case .severalCodesOnSingleDimension(let codes):
            return "paper '\(paper)', \(dimension): has \(codes.count) codes (\(codes.joined(separator: ", "))), but the dimension now takes one\(under)"
        case .unknownPaper:
            return "paper '\(paper)' is coded but is not in the corpus"
        }
    }
}

/// Finds `StaleCoding`s in a coder's events.
public enum StaleCodings {
    /// The current decisions in `events` (latest per paper and dimension) that the codebook,
    /// or the corpus when given, no longer accounts for; in log order.
    public static func find(
        in events: some Sequence<CodingEvent>, codebook: Codebook, corpus: Corpus? = nil
    ) -> [StaleCoding] {
        var finder = Finder(codebook: codebook)
        for event in events { finder.add(event) }
        return finder.stale(corpus: corpus)
    }

    /// Why a number the log holds is not one litcoder would keep: no number, more significant
    /// digits than a `Double` keeps exactly (written by hand or by another tool: such a number
    /// is compared by its decimal text, `CodingComparison.comparisonKey`), a magnitude too
    /// large or too small (`1e-400`, which would read as 0), or outside `min`…`max` now.
    static func loggedNumberProblem(_ text: String, _ dimension: Dimension) -> String? {
        NumberValue.problem(with: text, for: dimension)
    }
}
