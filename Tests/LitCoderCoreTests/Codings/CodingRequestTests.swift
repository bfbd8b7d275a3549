import Testing
@testable import LitCoderCore

@Suite struct CodingRequestTests {
    static let codebook = MiniProject.codebook
    static let corpus = MiniProject.corpus

    private func parse(_ assignments: [String], paper: String = "smith2020", note: String? = nil,
                       flagged: Bool? = nil, done: Bool? = nil) throws(CodingRequestError) -> CodingRequest {
        try CodingRequest.parse(paper: paper, assignments: assignments, note: note, flagged: flagged, done: done,
                                codebook: Self.codebook, corpus: Self.corpus)
    }

    @Test func theMiniCodebookLoads() {
        #expect(Self.codebook.dimensions.map(\.id) == ["motivation", "setting", "comment"])
    }

    @Test(arguments: [
        (["motivation=hci,healthcare"], [CodingRequest.Assignment(dimension: "motivation", value: .codes(["healthcare", "hci"]))]),
        (["motivation= hci , hci ,"], [.init(dimension: "motivation", value: .codes(["hci"]))]),
        (["motivation="], [.init(dimension: "motivation", value: .codes([]))]),
        (["setting=wild"], [.init(dimension: "setting", value: .codes(["wild"]))]),
        (["comment=a, b = c"], [.init(dimension: "comment", value: .text("a, b = c"))]),
        (["comment="], [.init(dimension: "comment", value: .text(""))]),
    ])
    func validAssignments(arguments: [String], expected: [CodingRequest.Assignment]) throws {
        #expect(try parse(arguments).assignments == expected)
    }

    @Test(arguments: [
        (["motivation=helthcare"], "did you mean 'healthcare'?"),
        (["motivation=helthcare"], "its codes are: healthcare, hci, education"),
        (["motivaton=hci"], "did you mean 'motivation'?"),
        (["motivaton=hci"], "the dimensions are: motivation, setting, comment"),
        (["setting=lab,wild"], "takes one code, got 2"),
        (["setting"], "is not DIM=CODES"),
        (["setting"], "write e.g. setting=lab (or setting= to clear it)"),
        (["sett"], "write e.g. motivation=healthcare,hci"),
        (["setting=lab", "setting=wild"], "is given twice"),
        ([], "nothing to set"),
    ])
    func invalidAssignmentsSayWhatIsValid(arguments: [String], words: String) {
        #expect {
            _ = try parse(arguments)
        } throws: { error in
            (error as? CodingRequestError)?.description.contains(words) == true
        }
    }

    @Test func anUnknownPaperSuggestsTheClosest() {
        #expect {
            _ = try parse(["setting=lab"], paper: "smyth2020")
        } throws: { error in
            let text = (error as? CodingRequestError)?.description ?? ""
            return text.contains("did you mean 'smith2020'") && text.contains("the papers are: smith2020, lee2021")
        }
    }

    @Test func eventsLeaveOutWhatChangesNothing() throws {
        var current = PaperCoding()
        current.codes["motivation"] = ["healthcare"]
        current.note = "same"
        current.flagged = true
        let request = try parse(["motivation=healthcare", "setting=lab", "comment=x"], note: "same", flagged: false, done: true)
        let events = request.events(from: current, coder: "alice")
        #expect(events.map(\.op) == [.set, .set, .flag, .done])
        #expect(events.map(\.dimension) == ["setting", "comment", nil, nil])
        #expect(events[1].text == "x" && events[1].codes == nil)
        #expect(events[2].value == false && events[3].value == true)
        #expect(events.allSatisfy { $0.paper == "smith2020" && $0.coder == "alice" })
    }
}

/// `set` with a number dimension and with a code's earlier id.
@Suite struct CodingRequestScaleTests {
    static let codebook = Codebook(id: "t", title: "T", version: "1", dimensions: [
        Dimension(id: "speakers", label: "Speakers", kind: .number, minimum: 1, maximum: 500),
        Dimension(id: "dataset", label: "Datasets", kind: .multi,
                  codes: [Code(id: "iemocap-v2", label: "IEMOCAP", replaces: ["iemocap"]), Code(id: "emodb", label: "EmoDB")]),
    ])
    static let corpus = Corpus(papers: [Paper(id: "p1", title: "P1")])

    func parse(_ assignments: [String]) throws(CodingRequestError) -> CodingRequest {
        try CodingRequest.parse(paper: "p1", assignments: assignments, note: nil, flagged: nil, done: nil,
                                codebook: Self.codebook, corpus: Self.corpus)
    }

    @Test(arguments: [
        ("speakers=24", "24"), ("speakers= 24.50 ", "24.5"), ("speakers=2.4e2", "240"), ("speakers=", ""),
        // Zeros before the first and after the last other digit are not significant.
        ("speakers=1.50000000000000000000", "1.5"), ("speakers=000400.000000000000", "400"),
        ("speakers=123.456789012345", "123.456789012345"),
    ])
    func aNumberIsWrittenCanonically(argument: String, text: String) throws {
        #expect(try parse([argument]).assignments == [.init(dimension: "speakers", value: .text(text))])
    }

    @Test(arguments: [
        ("speakers=24,5", "'24,5' is not a number; speakers takes a number such as 1 (a decimal point, not a comma)"),
        ("speakers=many", "'many' is not a number; speakers takes a number such as 1 (a decimal point, not a comma)"),
        ("speakers=0", "0 is below speakers's minimum, 1"),
        ("speakers=501", "501 is above speakers's maximum, 500"),
        ("speakers=nan", "'nan' is not a number; speakers takes a number such as 1 (a decimal point, not a comma)"),
        // More than 15 significant digits would be stored as another number: 18 digits round
        // to 15 as 1.23456789012346e17; 1.0000000000000001 (17 digits) reads as 1.
        ("speakers=123456789012345678",
         "'123456789012345678' has 18 significant digits; litcoder keeps a number exactly up to 15 (round it, e.g. to 1.23456789012346e17)"),
        ("speakers=1.0000000000000001",
         "'1.0000000000000001' has 17 significant digits; litcoder keeps a number exactly up to 15 (round it, e.g. to 1)"),
        ("speakers=1e400", "'1e400' is too large for litcoder to keep exactly; a number is 0 or of a magnitude between 1e-300 and 1e300"),
        ("speakers=-1e-320", "'-1e-320' is too small for litcoder to keep exactly; a number is 0 or of a magnitude between 1e-300 and 1e300"),
        // 15 digits are kept exactly; this one is then checked against the maximum.
        ("speakers=123456789012345", "123456789012345 is above speakers's maximum, 500"),
    ])
    func whatIsNotANumberInRangeIsRefused(argument: String, message: String) {
        #expect(throws: CodingRequestError.invalidNumber(dimension: "speakers", problem: message)) { try parse([argument]) }
    }

    @Test func anEarlierIdIsTakenAsTheCodeThatReplacedIt() throws {
        #expect(try parse(["dataset=iemocap,emodb"]).assignments == [.init(dimension: "dataset", value: .codes(["iemocap-v2", "emodb"]))])
    }
}
