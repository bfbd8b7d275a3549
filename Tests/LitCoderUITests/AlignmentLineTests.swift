import LitCoderCore
import Testing
@testable import LitCoderUI

/// The paper pane's alignment line: each alignment named when there are several, and one
/// verdict said once however many alignments share it.
@Suite struct AlignmentLineTests {
    static let toDataset = AlignmentRule(id: "motivation-dataset", label: "", from: "motivation", to: "dataset")
    static let toEmotion = AlignmentRule(id: "motivation-emotion", label: "", from: "motivation", to: "emotion")
    static let alsoToDataset = AlignmentRule(id: "setting-dataset", label: "", from: "setting", to: "dataset")

    static func notCoded(_ rule: AlignmentRule) -> AlignmentResult {
        AlignmentResult(alignment: rule, outcome: .undetermined, reason: .fromNotCoded)
    }

    static let cases: [(name: String, results: [AlignmentResult], line: String)] = [
        ("one alignment is not named", [notCoded(toDataset)], "? motivation not coded yet"),
        ("the same verdict is said once, naming both",
         [notCoded(toDataset), notCoded(toEmotion)], "? dataset, emotion: motivation not coded yet"),
        ("different verdicts name their alignment, mismatch first",
         [notCoded(toDataset),
          AlignmentResult(alignment: toEmotion, outcome: .mismatched, fromCodes: ["health"], provided: ["anger"],
                          unserved: [.init(code: "health", needs: [], unmet: [])])],
         "✗ emotion: health needs  from one emotion code (none has all) — the emotion codes provide anger  ·  ? dataset: motivation not coded yet"),
        ("two alignments to one dimension are named by id",
         [notCoded(toDataset), AlignmentResult(alignment: alsoToDataset, outcome: .undetermined, reason: .fromNotCoded)],
         "? motivation-dataset: motivation not coded yet  ·  ? setting-dataset: setting not coded yet"),
    ]

    @Test(arguments: cases.map(\.name))
    func line(_ name: String) throws {
        let spec = try #require(Self.cases.first { $0.name == name })
        #expect(SummaryPane.alignmentLine(spec.results) == spec.line)
    }
}
