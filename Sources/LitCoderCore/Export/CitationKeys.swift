import Foundation

/// The citation key of every corpus paper, for the BibTeX and RIS exports: unique (ignoring
/// case, as biber does) and stable, so a document citing a key keeps working after the next
/// export.
///
/// A paper whose id is already a good key (an ASCII letter, then letters, digits and `-_:.`,
/// at most 64 characters; an id imported from a BibTeX key is one) keeps it, so a team's own
/// `.bib` keys survive the trip through litcoder. Other papers (ids made from DOIs or hashes)
/// get `familyYEARword`: the first author's family name, the year and the first word of the
/// title that is not a small word, folded to lower-case ASCII (`okafor2023listening`), with
/// `-2`, `-3` … when the key is taken. Keys are given over the whole corpus in corpus order,
/// so a paper's key does not depend on which papers an export selects, and papers imported
/// later never take a key an earlier paper had.
public struct CitationKeys: Sendable {
    private var keyOfPaper: [String: String] = [:]

    public init(papers: [Paper]) {
        var taken = Set<String>()
        var generated: [Paper] = []
        for paper in papers {
            if Self.isGoodKey(paper.id), !Self.isHashID(paper.id), taken.insert(paper.id.lowercased()).inserted {
                keyOfPaper[paper.id] = paper.id
            } else {
                generated.append(paper)
            }
        }
        for paper in generated where keyOfPaper[paper.id] == nil {
            let base = Self.generatedKey(for: paper)
            var key = base
            var n = 2
            while !taken.insert(key.lowercased()).inserted {
                key = "\(base)-\(n)"
                n += 1
            }
            keyOfPaper[paper.id] = key
        }
    }

    /// The key of the paper with `id`; a paper not given at `init` gets its id.
    public func key(for id: String) -> String { keyOfPaper[id] ?? id }

    static func isGoodKey(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64, isASCIILetter(first) else { return false }
        return id.unicodeScalars.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) || "-_:.".unicodeScalars.contains($0) }
    }

    /// `p` and 10 hex digits: the ids import makes from a title and year (`ImportMerger.hashID`).
    static func isHashID(_ id: String) -> Bool {
        id.count == 11 && id.hasPrefix("p") && id.dropFirst().allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }

    /// Small words a key skips in a title.
    private static let smallWords: Set = ["a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "from", "towards",
                                          "toward", "by", "at", "is", "are", "via", "using", "into"]

    /// `okafor2023listening`.
    static func generatedKey(for paper: Paper) -> String {
        let author = paper.authors.first.map { name -> String in
            // "Family, Given" or "Given Family".
            let family = name.contains(",") ? String(name.prefix { $0 != "," }) : String(name.split(separator: " ").last ?? "")
            return folded(family)
        } ?? ""
        let word = paper.title.split { !$0.isLetter && !$0.isNumber }.map { folded(String($0)) }
            .first { !$0.isEmpty && !smallWords.contains($0) } ?? ""
        let year = paper.year.map(String.init) ?? "nd"
        return (author.isEmpty ? "anon" : author) + year + word
    }

    /// Lower-case ASCII letters and digits only: accents dropped (`Ö` → `o`), the rest left out.
    private static func folded(_ text: String) -> String {
        let plain = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        return String(String.UnicodeScalarView(plain.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }))
    }
}
