import Foundation
import Testing
@testable import LitCoderCore

/// The `bibtex` and `ris` exports, byte for byte, and their citation keys.
@Suite struct BibliographyExportTests {
    static let papers = [
        Paper(id: "smith2020deep", title: "Deep Learning -- for R&D", authors: ["Smith, Ann", "Lee, Kim"], year: 2020,
              venue: "Speech Journal", doi: "10.1000/abc_1", url: "https://ex.org/a_b%20c", abstract: "50% of $x$ ~ {y}\nnext",
              keywords: ["speech", "emotion"]),
        Paper(id: "10.1/x", title: "The Über Paper", authors: ["Öster, Jens"], year: 2019, venue: "Proceedings of Interspeech"),
        Paper(id: "p0123456789", title: "A note", authors: ["Smith and Sons"]),
        Paper(id: "Oster2019uber", title: "Taken key"),
        Paper(id: "p9", title: "Über again", authors: ["Jens Öster"], year: 2019),
    ]

    /// By hand: ids that are good keys stay (smith2020deep, Oster2019uber, p9); the DOI id and
    /// the hash id get generated keys: Öster, 2019, "Über" (after "The") is oster2019uber,
    /// taken but for case, hence -2; "Smith and Sons" has no comma, so its last word is the
    /// family name, no year is "nd", and "A" is a small word: sonsndnote.
    @Test func keysKeepGoodIdsAndGenerateTheRest() {
        let keys = CitationKeys(papers: Self.papers)
        #expect(Self.papers.map { keys.key(for: $0.id) } == ["smith2020deep", "oster2019uber-2", "sonsndnote",
                                                             "Oster2019uber", "p9"])
    }

    @Test func bibtexEscapesLaTeXAndPicksTheEntryType() {
        let keys = CitationKeys(papers: Self.papers)
        #expect(BibliographyExport.bibtex(Array(Self.papers.prefix(3)), keys: keys) == #"""
            @article{smith2020deep,
              author = {Smith, Ann and Lee, Kim},
              title = {Deep Learning -{}- for R\&D},
              journal = {Speech Journal},
              year = {2020},
              doi = {10.1000/abc_1},
              url = {https://ex.org/a_b%20c},
              abstract = {50\% of \$x\$ \textasciitilde{} \{y\} next},
              keywords = {speech; emotion}
            }

            @inproceedings{oster2019uber-2,
              author = {Öster, Jens},
              title = {The Über Paper},
              booktitle = {Proceedings of Interspeech},
              year = {2019}
            }

            @misc{sonsndnote,
              author = {{Smith and Sons}},
              title = {A note}
            }


            """#)
    }

    @Test func risWritesOneTagALine() {
        let keys = CitationKeys(papers: Self.papers)
        #expect(BibliographyExport.ris([Self.papers[0], Self.papers[4]], keys: keys) == """
            TY  - JOUR
            ID  - smith2020deep
            AU  - Smith, Ann
            AU  - Lee, Kim
            TI  - Deep Learning -- for R&D
            T2  - Speech Journal
            PY  - 2020
            DO  - 10.1000/abc_1
            UR  - https://ex.org/a_b%20c
            AB  - 50% of $x$ ~ {y} next
            KW  - speech
            KW  - emotion
            ER  - 

            TY  - GEN
            ID  - p9
            AU  - Jens Öster
            TI  - Über again
            PY  - 2019
            ER  - 


            """)
    }

    @Test func bracesAndBackslashesInDOIsAndURLsAreEscaped() {
        #expect(BibliographyExport.verbatim("10.1/a{b}\\c") == #"10.1/a\{b\}\\c"#)
    }

    @Test(arguments: [
        (["relevance=core"], ["p1", "p3"]),
        (["relevance=core,off"], ["p1", "p2", "p3"]),
        (["relevance=core", "topics=a"], ["p3"]),
        (["topics=b"], []),
    ])
    func whereSelectsThePapersCodedSo(conditions: [String], expected: [String]) throws {
        let codebook = Codebook(id: "c", title: "C", version: "1", dimensions: [
            Dimension(id: "relevance", label: "R", kind: .single, codes: [Code(id: "core", label: "Core"), Code(id: "off", label: "Off")]),
            Dimension(id: "topics", label: "T", kind: .multi, codes: [Code(id: "a", label: "A"), Code(id: "b", label: "B")]),
            Dimension(id: "note", label: "N", kind: .text),
        ])
        var state = CodingState(coder: "ann")
        for (paper, dim, codes) in [("p1", "relevance", ["core"]), ("p2", "relevance", ["off"]), ("p3", "relevance", ["core"]),
                                    ("p3", "topics", ["a"]), ("p4", "topics", ["a", "b"])] {
            state.apply(.set(paper: paper, dimension: dim, codes: codes, coder: "ann", codebook: "h"))
        }
        state.apply(.set(paper: "p4", dimension: "topics", codes: [], coder: "ann", codebook: "h"))
        let filter = try CodeFilter(conditions, codebook: codebook)
        #expect(["p1", "p2", "p3", "p4"].filter { filter.matches(state.coding(for: $0)) } == expected)
    }

    @Test(arguments: [
        ("relevance", "--where takes DIM=CODE[,CODE…]"),
        ("relevnce=core", "no coded dimension 'relevnce'; did you mean 'relevance'?"),
        ("note=x", "no coded dimension 'note'"),
        ("relevance=cor", "dimension 'relevance' has no code 'cor'; did you mean 'core'?; its codes are core, off"),
    ])
    func badConditionsAreUsageErrors(condition: String, words: String) {
        let codebook = Codebook(id: "c", title: "C", version: "1", dimensions: [
            Dimension(id: "relevance", label: "R", kind: .single, codes: [Code(id: "core", label: "Core"), Code(id: "off", label: "Off")]),
            Dimension(id: "note", label: "N", kind: .text),
        ])
        do {
            _ = try CodeFilter([condition], codebook: codebook)
            Issue.record("'\(condition)' was accepted")
        } catch {
            #expect(error.description.contains(words), "\(error.description)")
        }
    }
}
