/// One bibliographic record to be coded: the normalised form every importer produces.
///
/// Stored one JSON object a line in `corpus/*.jsonl` (see `docs/file-formats.md`).
public struct Paper: Codable, Hashable, Sendable, Identifiable {
    /// The years a paper may have (44 BC is -44): a number outside them in a file is an error, not a year.
    public static let yearRange = -9999...9999

    /// Stable, unique within the project; codings refer to papers by it.
    public var id: String
    public var title: String
    /// Each author as written by the source, preferably `Last, First`.
    public var authors: [String]
    public var year: Int?
    public var venue: String?
    /// Lower-cased, without a resolver prefix (`10.1000/xyz`, never `https://doi.org/…`).
    public var doi: String?
    public var url: String?
    public var abstract: String
    public var keywords: [String]
    /// Where the record came from (`scopus.csv:12`, `sample`), for provenance only.
    public var source: String?

    public init(
        id: String, title: String, authors: [String] = [], year: Int? = nil, venue: String? = nil,
        doi: String? = nil, url: String? = nil, abstract: String = "", keywords: [String] = [],
        source: String? = nil
    ) {
        self.id = id
        self.title = title
        self.authors = authors
        self.year = year
        self.venue = venue
        self.doi = doi
        self.url = url
        self.abstract = abstract
        self.keywords = keywords
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, title, authors, year, venue, doi, url, abstract, keywords, source
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        authors = try c.decodeIfPresent([String].self, forKey: .authors) ?? []
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        venue = try c.decodeIfPresent(String.self, forKey: .venue)
        doi = try c.decodeIfPresent(String.self, forKey: .doi)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        abstract = try c.decodeIfPresent(String.self, forKey: .abstract) ?? ""
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords) ?? []
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }
}
