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
