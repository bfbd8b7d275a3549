import Foundation
import Testing
@testable import LitCoderCore

/// Quotes as evidence: finding typed words, offsets in Unicode scalars, the log line on disk,
/// replay, and the check that never points a quote at other words.
///
/// The paper below was counted by hand, scalar by scalar (é is one precomposed scalar, each CJK
/// character one, 😀 one); the SHA-256 values were computed by a separate program
/// (Python's hashlib) from the same UTF-8 bytes.
@Suite struct EvidenceTests {
    //              0123 4567890123 4 5 6 7 8 9012345 6 7 89012 3 45678 9 01234567
    static let abstract = "Café patients: 情感 😀 stress.  Les élèves\nparlent."
    static let abstractHash = "2e5d9785b10d66419d089e40f367fa1914c3acd8753dcc6355ebf1cb47d5ff2e"
    static let title = "Stress in café"
    static let titleHash = "8c3f48e21adf5d602d63f627789125fc435da73e12a81bca7973d5759fb92e61"
    static let paper = Paper(id: "p1", title: title, abstract: abstract)
    let codebookHash = String(repeating: "ab", count: 32)

    @Test func theFieldsAreCountedInScalars() {
        #expect(Self.abstract.unicodeScalars.count == 48)
        #expect(Self.title.unicodeScalars.count == 14)
        #expect(EvidenceQuote.hash(of: Self.abstract) == Self.abstractHash)
        #expect(EvidenceQuote.hash(of: Self.title) == Self.titleHash)
    }

    @Test(arguments: [
        // typed, field, start, end, the words as the field has them
        ("情感 😀 stress", PaperField.abstract, 15, 26, "情感 😀 stress"),
        ("élèves parlent.", .abstract, 33, 48, "élèves\nparlent."),
        ("  stress.   Les ", .abstract, 20, 32, "stress.  Les"),
        ("e\u{301}le\u{300}ves", .abstract, 33, 39, "élèves"),
        ("café", .title, 10, 14, "café"),
        ("Café", .abstract, 0, 4, "Café"),
        ("Stress", .title, 0, 6, "Stress"),
        ("😀", .abstract, 18, 19, "😀"),
    ])
    func typedWordsAreFoundTitleFirst(typed: String, field: PaperField, start: Int, end: Int, words: String) throws {
        let quote = try #require(QuoteFinder.find(typed, in: Self.paper))
        #expect(quote.field == field)
        #expect(quote.start == start)
        #expect(quote.end == end)
        #expect(quote.text.unicodeScalars.elementsEqual(words.unicodeScalars))
        #expect(quote.fieldHash == (field == .title ? Self.titleHash : Self.abstractHash))
    }

    @Test(arguments: ["stress!", "cafe", "Stress in café patients", "", "   ", "情感😀"])
    func wordsNotThereAreNotFound(typed: String) {
        #expect(QuoteFinder.find(typed, in: Self.paper) == nil)
    }

    @Test func aLongFieldIsSearchedWithoutBacktracking() {
        // aaa…ab in aaa…aab: a naive search would compare 10^5 × 10^3 scalars.
        let paper = Paper(id: "x", title: "t", abstract: String(repeating: "a", count: 100_000) + "b")
        let quote = QuoteFinder.find(String(repeating: "a", count: 1_000) + "b", in: paper)
        #expect(quote?.start == 99_000)
        #expect(quote?.end == 100_001)
    }

    @Test func anEvidenceEventIsOneLineWithItsQuote() throws {
        let folder = try TemporaryFolder()
        let log = try CodingLog.open(url: folder.file("codings/alice.jsonl"), coder: "alice", codebookHash: codebookHash)
        var event = CodingEvent.evidence(
            paper: "p1", dimension: "motivation", code: "healthcare",
            quote: EvidenceQuote(field: .abstract, start: 15, end: 26, text: "情感 😀 stress", fieldHash: Self.abstractHash),
            attached: true, coder: "alice", codebook: "")
        event.time = "2026-01-02T03:04:05.678Z"
        try log.append(event)
        event.value = false
        event.time = "2026-01-02T03:04:06.000Z"
        try log.append(event)
        log.close()
        #expect(try folder.read("codings/alice.jsonl") ==
            #"{"v":2,"seq":1,"time":"2026-01-02T03:04:05.678Z","coder":"alice","paper":"p1","op":"evidence","dim":"motivation","code":"healthcare","field":"abstract","start":15,"end":26,"quote":"情感 😀 stress","hash":"\#(Self.abstractHash)","value":true,"codebook":"\#(codebookHash)"}"# + "\n" +
            #"{"v":2,"seq":2,"time":"2026-01-02T03:04:06.000Z","coder":"alice","paper":"p1","op":"evidence","dim":"motivation","code":"healthcare","field":"abstract","start":15,"end":26,"quote":"情感 😀 stress","hash":"\#(Self.abstractHash)","value":false,"codebook":"\#(codebookHash)"}"# + "\n")
        let contents = try CodingLog.read(url: folder.file("codings/alice.jsonl"))
        #expect(contents.diagnostics.isEmpty)
        #expect(contents.events.map(\.evidence?.quote.text) == ["情感 😀 stress", "情感 😀 stress"])
    }

    @Test func replayAttachesRemovesAndKeepsQuotesOfUncodedCodesOutOfSight() {
        let q1 = EvidenceQuote(field: .abstract, start: 15, end: 26, text: "情感 😀 stress", fieldHash: Self.abstractHash)
        let q2 = EvidenceQuote(field: .title, start: 0, end: 6, text: "Stress", fieldHash: Self.titleHash)
        func evidence(_ seq: Int, _ quote: EvidenceQuote, _ attached: Bool, code: String = "healthcare") -> CodingEvent {
            var event = CodingEvent.evidence(paper: "p1", dimension: "motivation", code: code, quote: quote,
                                             attached: attached, coder: "a", codebook: "h")
            event.seq = seq
            return event
        }
        let set = CodingEvent(seq: 1, coder: "a", paper: "p1", op: .set, dimension: "motivation", codes: ["healthcare"], codebook: "h")
        var state = CodingState(coder: "a", replaying: [set, evidence(2, q1, true), evidence(3, q2, true), evidence(4, q1, true)])
        // Title first, then by offset; attaching the same place twice keeps one.
        #expect(state.coding(for: "p1").quotes(dimension: "motivation", code: "healthcare") == [q2, q1])
        state.apply(evidence(5, q2, false))
        #expect(state.coding(for: "p1").quotes(dimension: "motivation", code: "healthcare") == [q1])
        state.apply(CodingEvent(seq: 6, coder: "a", paper: "p1", op: .set, dimension: "motivation", codes: [], codebook: "h"))
        #expect(state.coding(for: "p1").quotes(dimension: "motivation", code: "healthcare").isEmpty, "un-coded: out of sight")
        #expect(state.coding(for: "p1").evidence.quotes(dimension: "motivation", code: "healthcare") == [q1], "but kept")
        state.apply(CodingEvent(seq: 7, coder: "a", paper: "p1", op: .set, dimension: "motivation", codes: ["healthcare"], codebook: "h"))
        #expect(state.coding(for: "p1").quotes(dimension: "motivation", code: "healthcare") == [q1])
        // A state rebuilt from its papers holds the same quotes.
        var rebuilt = CodingState(coder: "a")
        rebuilt.papers = state.papers
        #expect(rebuilt.coding(for: "p1") == state.coding(for: "p1"))
    }

    @Test func aRenamedCodeKeepsItsQuotes() throws {
        let codebook = Codebook(id: "c", title: "c", version: "1", dimensions: [
            Dimension(id: "motivation", label: "Motivation", kind: .multi, codes: [
                Code(id: "health", label: "Health", definition: "", replaces: ["healthcare"]),
            ]),
        ], contentHash: "h")
        let quote = EvidenceQuote(field: .title, start: 0, end: 6, text: "Stress", fieldHash: Self.titleHash)
        var attach = CodingEvent.evidence(paper: "p1", dimension: "motivation", code: "healthcare", quote: quote,
                                          attached: true, coder: "a", codebook: "h")
        attach.seq = 2
        let state = CodingState(coder: "a", renaming: codebook.renaming, replaying: [
            CodingEvent(seq: 1, coder: "a", paper: "p1", op: .set, dimension: "motivation", codes: ["healthcare"], codebook: "h"),
            attach,
        ])
        #expect(state.coding(for: "p1").quotes(dimension: "motivation", code: "health") == [quote])
    }

    @Test func aQuoteHoldsOnlyWhileItsWordsAreWhereItSays() {
        let quote = EvidenceQuote(field: .abstract, start: 15, end: 26, text: "情感 😀 stress", fieldHash: Self.abstractHash)
        #expect(QuoteCheck(paper: Self.paper).standing(of: quote) == .holds(fieldChanged: false))
        // Corrected after the quote: the words stay at their offsets.
        var corrected = Self.paper
        corrected.abstract = "Café patients: 情感 😀 stress.  Les élèves\nparlent bien."
        #expect(QuoteCheck(paper: corrected).standing(of: quote) == .holds(fieldChanged: true))
        // Corrected before it: the offsets now hold other words; the words are 4 scalars later.
        var shifted = Self.paper
        shifted.abstract = "Les Café patients: 情感 😀 stress.  Les élèves\nparlent."
        #expect(QuoteCheck(paper: shifted).standing(of: quote) == .stale(nowAt: TextSpan(start: 19, end: 30)))
        #expect(!QuoteCheck(paper: shifted).holds(quote))
        var gone = Self.paper
        gone.abstract = "Nothing of it."
        #expect(QuoteCheck(paper: gone).standing(of: quote) == .stale(nowAt: nil))
        #expect(QuoteCheck(paper: nil).standing(of: quote) == .paperMissing)
        // The hash matches, but the quote's words were edited by hand: still not shown.
        var edited = quote
        edited.text = "情感 😀 strass"
        #expect(QuoteCheck(paper: Self.paper).standing(of: edited) == .stale(nowAt: nil))
    }

    /// Evidence lines that are not whole are malformed, never half-applied.
    @Test(arguments: [
        (#""code":"h","field":"abstract","start":0,"end":4,"quote":"Café","hash":"x","value":true"#, true),
        (#""code":"h","field":"body","start":0,"end":4,"quote":"Café","hash":"x","value":true"#, false),
        (#""code":"h","field":"abstract","start":4,"end":4,"quote":"","hash":"x","value":true"#, false),
        (#""code":"h","field":"abstract","start":0,"end":5,"quote":"Café","hash":"x","value":true"#, false),
        (#""code":"h","field":"abstract","start":-1,"end":3,"quote":"Caf","hash":"x","value":true"#, false),
        (#""field":"abstract","start":0,"end":4,"quote":"Café","hash":"x","value":true"#, false),
        (#""code":"h","field":"abstract","start":0,"end":4,"quote":"Café","value":true"#, false),
        (#""code":"h","field":"abstract","start":0,"end":4,"quote":"Café","hash":"x""#, false),
    ])
    func evidenceLinesAreCheckedWhole(fields: String, isEvent: Bool) {
        let line = #"{"v":2,"seq":1,"time":"t","coder":"a","paper":"p1","op":"evidence","dim":"motivation","# + fields + #","codebook":"h"}"#
        var decoder = EventLineDecoder()
        let result = decoder.decode(Array(line.utf8))
        if isEvent {
            #expect((try? result.get())?.evidence?.quote.text == "Café")
        } else {
            #expect((try? result.get()) == nil)
        }
    }

    @Test func aLineOfANewerSchemaIsReportedAsSuchEvenWhenItsOperationIsUnknown() throws {
        let folder = try TemporaryFolder()
        try folder.write("codings/alice.jsonl", """
            {"v":3,"seq":1,"time":"t","coder":"alice","paper":"p1","op":"highlight","codebook":"h"}
            {"v":1,"seq":2,"time":"t","coder":"alice","paper":"p1","op":"highlight","codebook":"h"}

            """)
        let contents = try CodingLog.read(url: folder.file("codings/alice.jsonl"))
        #expect(contents.health.newerSchemaLines == 1)
        #expect(contents.health.malformedLines == 1)
        #expect(contents.diagnostics.map(\.line) == [1, 2])
        #expect(contents.diagnostics[0].message.contains("newer litcoder (schema v3"))
        #expect(contents.diagnostics[1].message.contains("unknown operation 'highlight'"))
    }
}
