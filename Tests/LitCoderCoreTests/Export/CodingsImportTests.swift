import Foundation
import Testing
@testable import LitCoderCore

@Suite struct CodingsImportTests {
    static let fixtureCodebook = CodebookLoader.parse(ExportFixture.codebookYAML, file: "mini.yaml").0
    static let corpus = Corpus(papers: ExportFixture.papers)

    func plan(_ csv: String, coder: String = "alice", current: CodingState? = nil) throws(DiagnosticList) -> CodingsImport.Plan {
        guard let codebook = Self.fixtureCodebook else { throw DiagnosticList([]) }
        return try CodingsImport.plan(Data(csv.utf8), file: "in.csv", coder: coder, codebook: codebook,
                                      corpus: Self.corpus, current: current ?? CodingState(coder: coder))
    }

    /// One bad row among good ones: the import is refused, naming the line and the problem.
    @Test(arguments: [
        ("p9,alice,relevance,ser-core", 3, "unknown paper 'p9'"),
        ("p1,alice,tone,ser-core", 3, "unknown dimension 'tone'"),
        ("p1,alice,motivation,podcasts", 3, "unknown code 'podcasts' for dimension 'motivation'"),
        ("p2,alice,relevance,out-of-scope", 3, "a second code 'out-of-scope' for single-choice dimension"),
        ("p1,alice,dataset,", 3, "the code is empty"),
        (",alice,dataset,iemocap", 3, "the paper is empty"),
        ("\"p1,alice,dataset,iemocap", 3, "a quoted field is never closed"),
    ])
    func aBadRowStopsTheWholeImport(row: String, line: Int, message: String) {
        let csv = "paper,coder,dimension,code\np2,alice,relevance,ser-core\n\(row)\np1,alice,dataset,iemocap\n"
        do {
            _ = try plan(csv)
            Issue.record("the import should have been refused")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.line == line)
            #expect(error.diagnostics.first?.file == "in.csv")
            #expect(error.diagnostics.first?.message.contains(message) == true, "\(error.diagnostics)")
        }
    }

    @Test func everyProblemIsListedNotOnlyTheFirst() {
        let csv = "paper,dimension,code\np9,relevance,ser-core\np1,motivation,nope\np8,dataset,iemocap\n"
        #expect(throws: DiagnosticList.self) { try plan(csv) }
        do { _ = try plan(csv) } catch { #expect(error.diagnostics.compactMap(\.line) == [2, 3, 4]) }
    }

    @Test func aHeaderWithoutTheNeededColumnsIsExplained() {
        do {
            _ = try plan("id,label\np1,x\n")
            Issue.record("should fail")
        } catch {
            #expect(error.diagnostics.first?.message.contains("paper, dimension and code") == true)
            #expect(error.diagnostics.first?.line == 1)
        }
    }

    @Test func rowsOfOtherCodersAreSkippedAndAFileWithNoneForTheCoderIsRefused() throws {
        let csv = "paper,coder,dimension,code\np1,alice,relevance,ser-core\np1,bob,relevance,out-of-scope\n"
        let result = try plan(csv)
        #expect(result.events.count == 1 && result.otherCoderRowCount == 1)
        #expect(throws: DiagnosticList.self) { try plan(csv, coder: "carol") }
    }

    @Test func codesOfOneDimensionGatherIntoOneEventInFileOrder() throws {
        let csv = """
            paper,dimension,code
            p1,motivation,healthcare
            p2,relevance,ser-core
            p1,motivation,voice-assistant
            p1,motivation,healthcare
            p1,comment,  spaced text
            """
        let result = try plan(csv)
        #expect(result.events.map(\.paper) == ["p1", "p2", "p1"])
        #expect(result.events[0].codes == ["healthcare", "voice-assistant"])
        #expect(result.events[0].op == .set && result.events[0].dimension == "motivation")
        #expect(result.events[2].text == "  spaced text")
        #expect(result.events.allSatisfy { $0.codebook == Self.fixtureCodebook?.contentHash })
        #expect(result.paperCount == 2)
    }
}
