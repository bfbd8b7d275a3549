import Testing
@testable import LitCoderCore

/// Whether a name given on the command line is a coder of the project, for reading and for writing.
@Suite struct CoderRosterTests {
    /// `coders: [maya, jon]`, a log of `lee` (started with --new-coder) and `ana` assigned papers.
    static let declared = CoderRoster(listed: ["maya", "jon"], withLogs: ["lee", "maya"], assigned: ["ana", "jon"])
    /// No `coders:`: the logs of maya and jon.
    static let undeclared = CoderRoster(listed: nil, withLogs: ["jon", "maya"], assigned: [])

    @Test(arguments: [
        // (declared?, name, use, refused?)
        (true, "maya", CoderRoster.Use.reading, false),
        (true, "lee", .reading, false),
        (true, "ana", .reading, false),
        (true, "jonn", .reading, true),
        (true, "jonn", .writing(allowingNew: false), true),
        (true, "jonn", .writing(allowingNew: true), false),
        (true, "lee", .writing(allowingNew: false), false),
        (false, "jon", .reading, false),
        (false, "jonn", .reading, true),
        (false, "jonn", .writing(allowingNew: false), false),
    ])
    func whoIsACoder(declared: Bool, name: String, use: CoderRoster.Use, refused: Bool) {
        let roster = declared ? Self.declared : Self.undeclared
        #expect((roster.refusal(of: name, for: use) != nil) == refused)
    }

    @Test func theRefusalsSayWhoTheCodersAreAndWhatToDo() throws {
        let reading = try #require(Self.declared.refusal(of: "jonn", for: .reading))
        #expect(reading.message == "'jonn' is not a coder of this project; did you mean 'jon'?")
        #expect(reading.hint == "the project's coders (listed under 'coders:' in litcoder.yaml, with a log in codings/, "
            + "or assigned papers) are: maya, jon, ana, lee; a new coder is added under 'coders:' in litcoder.yaml")
        let writing = try #require(Self.declared.refusal(of: "jonn", for: .writing(allowingNew: false)))
        #expect(writing.hint == "litcoder.yaml lists the coders under 'coders:' (maya, jon); add 'jonn' there, "
            + "or pass --new-coder to start a new coder")
        let fresh = try #require(Self.undeclared.refusal(of: "zoe", for: .reading))
        #expect(fresh.message == "'zoe' is not a coder of this project")
        #expect(fresh.hint.hasSuffix("are: jon, maya; a new coder starts with 'litcoder code --coder zoe'"))
        #expect(Self.declared.unlisted == ["lee"])
        #expect(Self.undeclared.unlisted.isEmpty)
    }
}
