/// One record as a parser read it from an export file, before ids and de-duplication.
///
/// Every text field is already normalised (see `FieldNormalisation`): whitespace collapsed,
/// LaTeX decoded for BibTeX, DOIs lower-cased and stripped of resolver prefixes.
public struct ImportedRecord: Sendable, Hashable {
    /// The BibTeX citation key, when the source has one.
    public var key: String?
    public var title: String?
    public var authors: [String]
    public var year: Int?
    /// The year as written, when the record had one that holds no four-digit year (`in press`);
    /// the import says so rather than dropping it in silence.
    public var unreadableYear: String?
    public var venue: String?
    public var doi: String?
    public var url: String?
    public var abstract: String?
    public var keywords: [String]
    /// The line in the source file where the record starts (1-based).
    public var line: Int

    public init(
        key: String? = nil, title: String? = nil, authors: [String] = [], year: Int? = nil,
        venue: String? = nil, doi: String? = nil, url: String? = nil, abstract: String? = nil,
        keywords: [String] = [], line: Int
    ) {
        self.key = key
        self.title = title
        self.authors = authors
        self.year = year
        self.venue = venue
        self.doi = doi
        self.url = url
        self.abstract = abstract
        self.keywords = keywords
        self.line = line
    }

    /// Sets `year` from the first of `written` that holds a four-digit year; when none does,
    /// remembers the first non-empty one as `unreadableYear`.
    public mutating func setYear(from written: String?...) {
        for text in written.compactMap({ $0 }) {
            if let year = FieldNormalisation.year(text) {
                self.year = year
                unreadableYear = nil
                return
            }
            if unreadableYear == nil, !text.allSatisfy(\.isWhitespace) { unreadableYear = text }
        }
    }
}
