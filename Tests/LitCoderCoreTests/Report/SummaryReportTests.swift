import Foundation
import Testing
@testable import LitCoderCore

/// The summary and mismatch reports of the fixture project, in every format.
@Suite struct SummaryReportTests {
    let summary: Summary
    let mismatches: MismatchList

    init() throws {
        let (workspace, state) = try AlignmentFixture.alice()
        summary = SummaryCounts(codebook: workspace.codebook, corpus: workspace.corpus, state: state)
            .summary(scope: "coder:alice")
        mismatches = MismatchList(scope: "coder:alice", evaluator: AlignmentEvaluator(codebook: workspace.codebook),
                                  corpus: workspace.corpus, state: state)
    }

    @Test(arguments: [ReportFormat.table, .markdown, .csv, .json, .latex])
    func tableOutputFitsEightyColumns(format: ReportFormat) {
        let text = SummaryReport.render([summary], format: format)
        #expect(!text.isEmpty)
        if format == .table {
            for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80, "\(line)") }
        }
    }

    @Test func tableShowsTheHandWorkedCounts() {
        let text = SummaryReport.render([summary], format: .table)
        #expect(text.contains("aligned 3 (25%) · mismatched 3 (25%) · undetermined 6 (50%)"))
        // p6 is coded with in-house data only: unknown, not "not coded".
        #expect(text.contains("  undetermined: motivation not coded 3 · nothing needed 2 · no known dataset 1\n"), "\(text)")
        #expect(text.contains("  assistant         2           2   100%\n"))
        #expect(text.contains("  health           2    1        1    0     1         1          0"))
    }

    @Test func aCrosstabTooWideForTheTerminalBecomesAList() {
        var wide = summary
        let columns = (1...12).map { "context-number-\($0)" }
        wide.alignments[0].crosstab = Summary.CrossTab(
            rows: ["health"], columns: columns, counts: [Array(repeating: 0, count: 11) + [5]])
        let text = SummaryReport.render([wide], format: .table)
        #expect(text.contains("  health: context-number-12 5\n"))
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80) }
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let data = Data(SummaryReport.render([summary], format: .json).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["scope"] as? String == "coder:alice")
        #expect(root["papers"] as? Int == 12)
        let alignment = try #require((root["alignments"] as? [[String: Any]])?.first)
        for key in ["id", "from", "to", "aligned", "mismatched", "undetermined", "by_code", "crosstab"] {
            #expect(alignment[key] != nil, "missing \(key)")
        }
        let byCode = try #require(alignment["by_code"] as? [[String: Any]])
        #expect(byCode.first?["code"] as? String == "health")
        #expect(byCode.first?["mismatched"] as? Int == 1)
        let crosstab = try #require(alignment["crosstab"] as? [String: Any])
        #expect((crosstab["counts"] as? [[Int]])?.first == [2, 1, 1, 0, 1, 1, 0])
        let dimensions = try #require(root["dimensions"] as? [[String: Any]])
        #expect((dimensions.first?["counts"] as? [String: Int])?["health"] == 4)
    }

    @Test func jsonOfSeveralScopesIsAnArray() throws {
        var bob = summary
        bob.scope = "coder:bob"
        let data = Data(SummaryReport.render([summary, bob], format: .json).utf8)
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(list.map { $0["scope"] as? String } == ["coder:alice", "coder:bob"])
    }

    @Test func csvIsLongFormOneCountALine() {
        let lines = SummaryReport.render([summary], format: .csv).components(separatedBy: "\r\n")
        #expect(lines.first == "scope,table,id,row,column,count")
        #expect(lines.contains("coder:alice,by_code,motivation-dataset,assistant,mismatched,2"))
        #expect(lines.contains("coder:alice,crosstab,motivation-dataset,call-center,telephone,2"))
        #expect(lines.contains("coder:alice,dimension,dataset,homeset,papers,3"))
        #expect(lines.contains("coder:alice,stale,motivation,education,papers,1"))
    }

    @Test func latexIsEscapedAndUsesBooktabs() {
        var odd = summary
        odd.alignments[0].label = "Motivation & datasets_50%"
        let text = SummaryReport.render([odd], format: .latex)
        #expect(text.contains("\\caption{Motivation \\& datasets\\_50\\%"))
        #expect(text.contains("\\toprule"))
        #expect(text.contains("\\label{tab:motivation-dataset-by-code}"))
    }

    @Test func mismatchesNameTheUnmetNeeds() {
        #expect(mismatches.entries.map(\.paper.id) == ["p2", "p3", "p4"])
        let text = MismatchReport.render(mismatches, format: .table)
        #expect(text.hasPrefix("Mismatches for coder:alice — 3 papers\n"))
        #expect(text.contains("p2 (2020)  Depression screening from speech, evaluated on acted data\n"))
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80) }
        let csv = MismatchReport.render(mismatches, format: .csv)
        #expect(csv.contains(#"p2,2020,"Depression screening from speech, evaluated on acted data",health,clinical or home,clinical or home,acted;lab,iemocap"#))
        #expect(csv.contains("(no single code provides all)"))
    }

    @Test func mismatchesForOneAlignmentOnly() throws {
        let (workspace, state) = try AlignmentFixture.alice()
        let none = MismatchList(scope: "s", evaluator: AlignmentEvaluator(codebook: workspace.codebook),
                                corpus: workspace.corpus, state: state, alignment: "no-such")
        #expect(none.entries.isEmpty)
        #expect(MismatchReport.render(none, format: .table).contains("No mismatched papers."))
    }
}
