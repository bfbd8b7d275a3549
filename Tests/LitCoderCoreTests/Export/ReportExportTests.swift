import Foundation
import Testing
@testable import LitCoderCore

/// The html report and the methods paragraph: their numbers are the agreement and summary
/// engines' numbers, placed, never recomputed.
@Suite struct ReportExportTests {
    /// Both coders code every paper's relevance and motivation, disagreeing on some; the
    /// consensus takes two decisions automatically and one by hand.
    static func codedFixture() throws -> ExportFixture {
        let fixture = try ExportFixture()
        let relevance = ["alice": ["ser-core", "ser-core", "out-of-scope", "ser-core", "ser-core"],
                         "bob": ["ser-core", "out-of-scope", "out-of-scope", "ser-core", "ser-core"]]
        let motivation = ["alice": [["healthcare"], ["voice-assistant"], ["not-stated"], ["healthcare", "voice-assistant"], ["healthcare"]],
                          "bob": [["healthcare"], ["voice-assistant"], ["healthcare"], ["healthcare"], ["healthcare"]]]
        for coder in ["alice", "bob"] {
            var events: [CodingEvent] = []
            for (i, paper) in ExportFixture.papers.enumerated() {
                events.append(.set(paper: paper.id, dimension: "relevance", codes: [relevance[coder]?[i] ?? ""], coder: coder, codebook: ""))
                events.append(.set(paper: paper.id, dimension: "motivation", codes: motivation[coder]?[i] ?? [], coder: coder, codebook: ""))
                events.append(.set(paper: paper.id, dimension: "dataset", codes: ["iemocap"], coder: coder, codebook: ""))
            }
            try fixture.code(coder, events)
        }
        try fixture.code(CoderName.consensus, [
            .adjudicate(paper: "p1", dimension: "relevance", codes: ["ser-core"], sources: ["alice", "bob"], adjudicator: "auto", automatic: true, codebook: ""),
            .adjudicate(paper: "p1", dimension: "motivation", codes: ["healthcare"], sources: ["alice", "bob"], adjudicator: "auto", automatic: true, codebook: ""),
            .adjudicate(paper: "p2", dimension: "relevance", codes: ["out-of-scope"], sources: ["bob"], adjudicator: "ana", reason: "no speech", codebook: ""),
        ])
        return fixture
    }

    @Test func theMethodsParagraphStatesTheAgreementEnginesNumbers() throws {
        let fixture = try Self.codedFixture()
        defer { fixture.remove() }
        let workspace = try fixture.workspace()
        let paragraph = MethodsParagraph.render(try ProjectReport.load(workspace))

        // Computed here the way `litcoder agree` computes it, with its defaults.
        let states = try ["alice", "bob"].map { try workspace.state(coder: $0).0 }
        let agreement = AgreementReport(codebook: workspace.codebook, states: states)
        #expect(agreement.dimensions.map(\.id) == ["relevance", "motivation", "dataset", "comment"])
        for dimension in agreement.dimensions where dimension.units > 0 {
            guard let alpha = dimension.alpha.value else {
                // Every coder gave IEMOCAP: α is undefined and the paragraph says why.
                #expect(dimension.id == "dataset")
                #expect(paragraph.contains("\(dimension.label) α undefined (\(dimension.alpha.undefinedReason ?? "?"))"))
                continue
            }
            let lower = try #require(dimension.bootstrap.lower.value)
            let upper = try #require(dimension.bootstrap.upper.value)
            let expected = "\(dimension.label) α = \(String(format: "%.2f", alpha)) [\(String(format: "%.2f", lower)), \(String(format: "%.2f", upper))]"
            #expect(paragraph.contains(expected), "\(expected) in: \(paragraph)")
        }
        #expect(paragraph.contains("We coded 5 papers of the 5 in the corpus"))
        #expect(paragraph.contains("(version 2; SHA-256 content hash `\(workspace.codebook.shortHash)`)"))
        #expect(paragraph.contains("2 coders (alice and bob) coded the abstracts independently; 5 papers were coded by two or more coders"))
        #expect(paragraph.contains("Stated motivation α") && paragraph.contains("(MASI, 5 papers)"))
        #expect(paragraph.contains("(nominal, 5 papers)"))
        #expect(paragraph.contains("1,000 bootstrap replicates"))
        // Nobody wrote a comment: it is named, not given an α.
        #expect(paragraph.contains("Comment was not coded by two coders on any paper, so no agreement is reported for it."))
        #expect(!paragraph.contains("Comment α"))
        // 15 compared paper × dimensions: 3 disagreements (p2 relevance, p3 and p4 motivation),
        // 12 agreements of which the consensus holds 2; ana decided p2's relevance.
        #expect(paragraph.contains("The consensus coding covers 2 papers: 2 decisions on a paper’s dimension were taken where all coders agreed, "
            + "and 1 was made by an adjudicator (ana). Of 3 disagreements, 1 was adjudicated; 2 remain open. "
            + "10 agreements are not yet in the consensus.\n"), "\(paragraph)")
        #expect(!paragraph.contains("resolved"), "never 'resolved' while any disagreement is open")
        #expect(!paragraph.contains("\n\n") && paragraph.hasSuffix(".\n"), "one paragraph")
    }

    @Test func withOneCoderTheParagraphSaysAgreementCannotBeMeasured() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        try fixture.code("alice", [.set(paper: "p1", dimension: "relevance", codes: ["ser-core"], coder: "alice", codebook: "")])
        let paragraph = MethodsParagraph.render(try ProjectReport.load(try fixture.workspace()))
        #expect(paragraph.contains("We coded 1 paper of the 5"))
        #expect(paragraph.contains("it needs at least two coders"))
        #expect(!paragraph.contains("consensus") && !paragraph.contains("adjudicat"), "with one coder there is nothing to settle")
    }

    @Test func theHTMLReportIsSelfContainedAndCarriesTheCharts() throws {
        let fixture = try Self.codedFixture()
        defer { fixture.remove() }
        let workspace = try fixture.workspace()
        let report = try ProjectReport.load(workspace, scopeCoder: "alice")
        let html = HTMLReport.render(report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"), "readable with no script")
        let links = html.components(separatedBy: "http").dropFirst().map { "http" + $0.prefix(30) }
        #expect(links.allSatisfy { $0.hasPrefix("http://www.w3.org/2000/svg") }, "nothing fetched: \(links)")
        #expect(html.contains("<svg class=\"chart bar-chart\""))
        #expect(html.contains("<svg class=\"chart heat-map\""))

        // The bars are the summary's per-code tallies.
        let alignment = try #require(report.summary.alignments.first)
        let tallied = alignment.byCode.filter { $0.papers > 0 }
        #expect(html.components(separatedBy: "<g class=\"bar\">").count - 1 == tallied.count)
        for tally in tallied {
            #expect(html.contains("\(tally.label): \(tally.papers) paper\(tally.papers == 1 ? "" : "s"), \(tally.mismatched) mismatched"))
        }
        let cells = alignment.crosstab.rows.count * alignment.crosstab.columns.count
        #expect(html.components(separatedBy: "<g class=\"cell\">").count - 1 == cells)

        // Every mismatched paper is listed, titles escaped.
        #expect(report.mismatched.map(\.id) == ["p1", "p2", "p4", "p5"], "IEMOCAP serves neither healthcare nor assistants")
        #expect(html.contains("Emotion, speech and &quot;care&quot;: a study"))
        #expect(html.contains("<h2>Mismatched papers (4)</h2>"))
        #expect(html.contains("Codings of coder alice"))
        #expect(html.contains("<td>Stated motivation</td><td>MASI</td><td class=\"n\">5</td>"))
    }

    /// The five characters markup gives meaning to become entities; every other scalar,
    /// however many bytes it takes, is kept as it is.
    @Test(arguments: [
        ("", ""), ("plain text", "plain text"), ("a<b>&\"'c", "a&lt;b&gt;&amp;&quot;&#39;c"),
        ("感情 & émotion", "感情 &amp; émotion"), ("e\u{301}<😀>", "e\u{301}&lt;😀&gt;"), ("&amp;", "&amp;amp;"),
    ] as [(String, String)])
    func escapingReplacesOnlyMarkup(text: String, expected: String) {
        #expect(Array(SVGCharts.escape(text).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func theReportDefaultsToTheConsensusWhenThereIsOne() throws {
        let fixture = try Self.codedFixture()
        defer { fixture.remove() }
        let report = try ProjectReport.load(try fixture.workspace())
        #expect(report.scope == "consensus")
        #expect(report.consensus?.coded == 2)
        #expect(report.coders.map(\.coder) == ["alice", "bob"])
    }

    /// With a screening decision, an import history and a calibration round, the report draws
    /// the PRISMA flow and α per round. By hand: the consensus includes p1 (ser-core) and
    /// excludes p2 (out-of-scope), p3–p5 await; the history holds one file of 6 entries, 5
    /// added and 1 merged. On the round (p1, p2) alice and bob code relevance ser-core/ser-core
    /// and ser-core/out-of-scope: coincidences ser-core–ser-core 2 and 1 each way across, n = 4
    /// (ser-core 3, out-of-scope 1), so D_o = 2/4 = D_e = 2·3·1/12 and α = 0.
    @Test func theReportDrawsThePrismaFlowAndAlphaPerRound() throws {
        let fixture = try Self.codedFixture()
        defer { fixture.remove() }
        let codebook = fixture.root.appendingPathComponent("codebooks/mini.yaml")
        try (ExportFixture.codebookYAML + "\nscreening: {dimension: relevance, include: [ser-core], exclude: [out-of-scope]}\n")
            .write(to: codebook, atomically: true, encoding: .utf8)
        try #"{"round":"pilot","papers":["p1","p2"]}"#.appending("\n")
            .write(to: fixture.root.appendingPathComponent("rounds.jsonl"), atomically: true, encoding: .utf8)
        try ImportHistory.append(
            ImportHistory.line(for: .init(number: 1, time: "T", file: "refs.bib", format: "bibtex", records: 6,
                                          added: ["p1", "p2", "p3", "p4", "p5"], duplicates: 1, skipped: 0))
            + ImportHistory.line(for: .init(id: "d1", importNumber: 1, kept: "p1", keptSource: "refs.bib:1", source: "refs.bib:9",
                                            match: .sameDOI, completed: [], record: Paper(id: "", title: "x"), key: nil)),
            to: fixture.root.appendingPathComponent("corpus/_imports.jsonl"))
        let report = try ProjectReport.load(try fixture.workspace())
        let flow = try #require(report.prisma)
        let counts: [Int] = [flow.identified, flow.duplicatesRemoved, flow.screened, flow.excluded, flow.included, flow.awaiting]
        #expect(counts == [6, 1, 2, 1, 1, 3])
        let rounds = try #require(report.rounds)
        #expect(rounds.rounds.map(\.round) == ["pilot"])
        let relevance = try #require(rounds.rounds.first?.report.dimensions.first { $0.id == "relevance" })
        #expect(relevance.units == 2)
        #expect(abs(relevance.alpha.value ?? 1) < 1e-12)

        let html = HTMLReport.render(report)
        #expect(html.contains("<section id=\"prisma\">"))
        #expect(html.contains("<svg class=\"prisma\""))
        #expect(html.contains("Records identified (n = 6) from:"))
        #expect(html.contains("Out of scope (n = 1)"))
        #expect(html.contains("Studies included in review (n = 1)"))
        #expect(html.contains("<h2>Agreement by calibration round</h2>"))
        #expect(html.contains("<th>pilot (2 papers)</th>"))
        #expect(html.contains("<tr><td>Relevance</td><td class=\"n\">0.000 (2)</td>"))
    }
}
