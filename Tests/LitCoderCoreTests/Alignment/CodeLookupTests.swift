import Testing
@testable import LitCoderCore

@Suite struct CodeLookupTests {
    static let ids = ["iemocap", "msp-podcast", "emo-db", "ravdess", "情感", "", "iemocap", "EMO-DB"]

    @Test(arguments: [
        ("iemocap", 0 as Int?), ("msp-podcast", 1), ("emo-db", 2), ("ravdess", 3), ("情感", 4), ("", 5),
        ("EMO-DB", 7), ("Emo-db", nil), ("iemocap ", nil), ("unknown", nil),
    ])
    func findsTheFirstPositionOfAnID(id: String, position: Int?) {
        #expect(CodeLookup(Self.ids)[id] == position)
    }

    @Test func agreesWithADictionaryOnManyIDs() {
        let ids = (0..<2_000).map { "code-\($0 * 7919 % 10_007)" }
        let lookup = CodeLookup(ids)
        for (i, id) in ids.enumerated() { #expect(lookup[id] == i) }
        #expect(lookup["code-10008"] == nil)
    }

    @Test func anEmptyListFindsNothing() {
        #expect(CodeLookup([])["x"] == nil)
    }
}
