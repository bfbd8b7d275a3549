import Foundation
import Testing
@testable import LitCoderCore

/// The PRISMA 2020 counts, worked out by hand from a small history and corpus.
@Suite struct PrismaFlowTests {
    static let codebook = Codebook(id: "c", title: "C", version: "1", dimensions: [
        Dimension(id: "relevance", label: "Relevance", kind: .single, codes: [
            Code(id: "core", label: "Core"), Code(id: "off", label: "Off topic"), Code(id: "review", label: "A review"),
            Code(id: "unsure", label: "Unsure"),
        ]),
    ], screening: Screening(dimension: "relevance", include: ["core"], exclude: ["off", "review"]))

    static func record(_ title: String) -> Paper { Paper(id: "", title: title) }

    /// scopus.csv: 6 entries, 4 added, 1 merged, 1 skipped; wos.ris: 3 entries, 1 added, 2
    /// merged, of which d3 was split off again as paper w2; scopus.csv again: 2 entries, both
    /// merged. The corpus also holds s1 (no import record) and lost a3 by hand.
    static func history() -> ImportHistory {
        var text = ""
        text += ImportHistory.line(for: .init(number: 1, time: "T", file: "scopus.csv", format: "csv", records: 6,
                                              added: ["a1", "a2", "a3", "a4"], duplicates: 1, skipped: 1))
        text += ImportHistory.line(for: .init(id: "d1", importNumber: 1, kept: "a1", keptSource: "scopus.csv:2", source: "scopus.csv:5",
                                              match: .sameDOI, completed: [], record: record("A1"), key: nil))
        text += ImportHistory.line(for: .init(number: 2, time: "T", file: "wos.ris", format: "ris", records: 3,
                                              added: ["w1"], duplicates: 2, skipped: 0))
        text += ImportHistory.line(for: .init(id: "d2", importNumber: 2, kept: "a2", keptSource: "scopus.csv:3", source: "wos.ris:1",
                                              match: .sameTitleAndYear, completed: [], record: record("A2"), key: nil))
        text += ImportHistory.line(for: .init(id: "d3", importNumber: 2, kept: "a4", keptSource: "scopus.csv:7", source: "wos.ris:9",
                                              match: .sameTitleAndYear, completed: [], record: record("W2"), key: nil))
        text += ImportHistory.line(for: .init(merge: "d3", paper: "w2", time: "T", restored: []))
        text += ImportHistory.line(for: .init(number: 3, time: "T", file: "scopus.csv", format: "csv", records: 2,
                                              added: [], duplicates: 2, skipped: 0))
        text += ImportHistory.line(for: .init(id: "d4", importNumber: 3, kept: "a1", keptSource: "scopus.csv:2", source: "scopus.csv:2",
                                              match: .sameDOI, completed: [], record: record("A1"), key: nil))
        text += ImportHistory.line(for: .init(id: "d5", importNumber: 3, kept: "a2", keptSource: "scopus.csv:3", source: "scopus.csv:3",
                                              match: .sameDOI, completed: [], record: record("A2"), key: nil))
        let folder = try? TemporaryFolder()
        guard let folder, (try? ImportHistory.append(text, to: folder.file("h.jsonl"))) != nil else { return ImportHistory() }
        let (history, problems) = ImportHistory.load(url: folder.file("h.jsonl"), displayPath: "h.jsonl")
        #expect(problems.isEmpty, "\(problems)")
        return history
    }

    static let corpus = Corpus(papers: ["a1", "a2", "a4", "w1", "w2", "s1"].map { Paper(id: $0, title: $0) })

    static func state(_ codes: [String: String]) -> CodingState {
        var state = CodingState(coder: CoderName.consensus)
        for (paper, code) in codes {
            state.apply(.set(paper: paper, dimension: "relevance", codes: [code], coder: CoderName.consensus, codebook: "h"))
        }
        return state
    }

    /// identified: scopus 6 + 2, wos 3, no record 1 (s1) = 12; duplicates: d1 d2 d4 d5 = 4 (d3
    /// split); removed otherwise: 1. Screening the 6 corpus papers: a1 core, a2 off, a4 review,
    /// w1 unsure (neither list), w2 and s1 uncoded: included 1, excluded 2 (off 1, review 1),
    /// awaiting 3. 12 − 4 − 1 = 7 = 6 in the corpus + a3, imported and since removed.
    @Test func theCountsOfASmallSurvey() {
        let flow = PrismaFlow(corpus: Self.corpus, history: Self.history(), codebook: Self.codebook,
                              screening: Self.codebook.screening!, state: Self.state(["a1": "core", "a2": "off", "a4": "review", "w1": "unsure"]),
                              scope: "consensus")
        #expect(flow.identified == 12)
        #expect(flow.bySource == [.init(name: "scopus.csv", records: 8), .init(name: "wos.ris", records: 3),
                                  .init(name: PrismaFlow.otherSource, records: 1)])
        #expect(flow.duplicatesRemoved == 4)
        #expect(flow.removedOther == 1)
        #expect(flow.screened == 3)
        #expect(flow.excluded == 2)
        #expect(flow.excludedByReason == [.init(code: "off", label: "Off topic", records: 1), .init(code: "review", label: "A review", records: 1)])
        #expect(flow.included == 1)
        #expect(flow.awaiting == 3)
        #expect(flow.importedSinceRemoved == 1)
        // One record: singular, in the text and in the HTML report, which share the phrase.
        #expect(flow.importedSinceRemovedPhrase == "1 imported record is no longer in the corpus")
        #expect(flow.text().contains("\n1 imported record is no longer in the corpus: identified minus removed exceeds screened "
            + "plus not yet screened by that many."), "\(flow.text())")
        #expect(flow.json() == """
            {
              "identified": 12,
              "by_source": {
                "scopus.csv": 8,
                "wos.ris": 3,
                "(no import record)": 1
              },
              "duplicates_removed": 4,
              "removed_other": 1,
              "screened": 3,
              "excluded": 2,
              "excluded_by_reason": {
                "off": 1,
                "review": 1
              },
              "included": 1,
              "awaiting": 3,
              "screening": {
                "dimension": "relevance",
                "decisions": "consensus"
              },
              "imported_not_in_corpus": 1
            }
            """)
    }

    @Test func theDiagramDrawsTheTemplatesBoxesWithTheCounts() {
        let flow = PrismaFlow(corpus: Self.corpus, history: Self.history(), codebook: Self.codebook,
                              screening: Self.codebook.screening!, state: Self.state(["a1": "core", "a2": "off"]), scope: "coder:ann")
        let svg = PrismaDiagram.render(flow)
        for text in ["Records identified (n = 12) from:", "scopus.csv (n = 8)", "Records removed before screening:",
                     "Duplicate records removed (n = 4)", "Records removed for other reasons (n = 1)", "Records screened (n = 2)",
                     "Not yet screened (n = 4)", "Records excluded (n = 1)", "Off topic (n = 1)", "A review (n = 0)",
                     "Reports sought for retrieval", "Reports not retrieved", "Reports assessed for eligibility",
                     "Reports excluded:", "Studies included in review (n = 1)", ">Identification<", ">Screening<", ">Included<"] {
            #expect(svg.contains(text), "\(text)")
        }
        #expect(svg.components(separatedBy: "<g class=\"box").count - 1 == 9)
        #expect(svg.components(separatedBy: "<g class=\"box unrecorded\"").count - 1 == 4)
        // Four arrows across, four down.
        #expect(svg.components(separatedBy: "<line class=\"arrow\"").count - 1 == 8)
        #expect(svg.contains("(no import record) (n = 1)"))
        #expect(svg.contains("<title>PRISMA 2020 flow diagram: 12 records identified, 4 duplicates removed, 2 screened, "))
    }
}
