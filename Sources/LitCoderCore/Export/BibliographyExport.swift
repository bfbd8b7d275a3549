/// The `bibtex` and `ris` exports: papers as references a reference manager (Zotero, JabRef,
/// EndNote, Mendeley) or LaTeX reads, with authors, year, title, venue, DOI, URL, abstract
/// and keywords. `docs/export.md` describes both.
///
/// The entry type comes from the venue: one whose name says proceedings, conference,
/// workshop, symposium or congress is a conference paper (`@inproceedings`, `TY  - CONF`),
/// any other venue a journal article (`@article`, `JOUR`), no venue `@misc` (`GEN`). Line
/// breaks inside values become spaces, as litcoder's own import reads them.
public enum BibliographyExport {
    /// The entry type of a paper.
    enum Kind {
        case article, conference, other

        init(venue: String?) {
            guard let venue = venue?.lowercased(), !venue.isEmpty else {
                self = .other
                return
            }
            let conference = ["proceedings", "conference", "workshop", "symposium", "congress"]
            self = conference.contains { venue.contains($0) } ? .conference : .article
        }
    }

    /// `papers` as BibTeX, keyed by `keys`; LaTeX's special characters escaped.
    public static func bibtex(_ papers: [Paper], keys: CitationKeys) -> String {
        var out = ""
        for paper in papers {
            let kind = Kind(venue: paper.venue)
            let type = switch kind {
            case .article: "article"
            case .conference: "inproceedings"
            case .other: "misc"
            }
            var fields: [(String, String)] = []
            if !paper.authors.isEmpty { fields.append(("author", paper.authors.map(bibtexName).joined(separator: " and "))) }
            fields.append(("title", LaTeX.bibtexEscape(oneLine(paper.title))))
            if let venue = paper.venue {
                fields.append((kind == .conference ? "booktitle" : "journal", LaTeX.bibtexEscape(oneLine(venue))))
            }
            if let year = paper.year { fields.append(("year", String(year))) }
            if let doi = paper.doi { fields.append(("doi", verbatim(doi))) }
            if let url = paper.url { fields.append(("url", verbatim(url))) }
            if !paper.abstract.isEmpty { fields.append(("abstract", LaTeX.bibtexEscape(oneLine(paper.abstract)))) }
            // litcoder reads keywords split at commas and semicolons, so they are joined with "; ".
            if !paper.keywords.isEmpty {
                fields.append(("keywords", paper.keywords.map { LaTeX.bibtexEscape(oneLine($0)) }.joined(separator: "; ")))
            }
            out += "@\(type){\(keys.key(for: paper.id)),\n"
            out += fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
            out += "\n}\n\n"
        }
        return out
    }

    /// `papers` as RIS, one record after another, keyed by `keys` (`ID`).
    public static func ris(_ papers: [Paper], keys: CitationKeys) -> String {
        var out = ""
        for paper in papers {
            let type = switch Kind(venue: paper.venue) {
            case .article: "JOUR"
            case .conference: "CONF"
            case .other: "GEN"
            }
            var lines = ["TY  - \(type)", "ID  - \(keys.key(for: paper.id))"]
            lines += paper.authors.map { "AU  - \(oneLine($0))" }
            lines.append("TI  - \(oneLine(paper.title))")
            if let venue = paper.venue { lines.append("T2  - \(oneLine(venue))") }
            if let year = paper.year { lines.append("PY  - \(year)") }
            if let doi = paper.doi { lines.append("DO  - \(oneLine(doi))") }
            if let url = paper.url { lines.append("UR  - \(oneLine(url))") }
            if !paper.abstract.isEmpty { lines.append("AB  - \(oneLine(paper.abstract))") }
            lines += paper.keywords.map { "KW  - \(oneLine($0))" }
            lines.append("ER  - ")
            out += lines.joined(separator: "\n") + "\n\n"
        }
        return out
    }

    /// Whitespace runs (line breaks too) as one space, ends trimmed.
    static func oneLine(_ text: String) -> String { FieldNormalisation.collapse(text) ?? "" }

    /// One author for BibTeX's `author` field, escaped. `Family, Given` is written as it is;
    /// a name without a comma (`World Health Organization`, or `Smith A.` as Scopus writes
    /// names) is braced whole, so BibTeX takes it as written rather than guessing which word
    /// is the family name; so is a name with the word "and", which would split it in two.
    static func bibtexName(_ name: String) -> String {
        let escaped = LaTeX.bibtexEscape(oneLine(name))
        let words = escaped.split(separator: " ").map { $0.lowercased() }
        return words.contains("and") || (!escaped.contains(",") && words.count > 1) ? "{\(escaped)}" : escaped
    }

    /// A DOI or URL as it is (biblatex reads them verbatim, and LaTeX escapes such as `\_`
    /// would show), with only braces and backslashes, which could unbalance the value,
    /// escaped with a backslash.
    static func verbatim(_ text: String) -> String {
        var out = ""
        for scalar in oneLine(text).unicodeScalars {
            if scalar == "{" || scalar == "}" || scalar == "\\" { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
