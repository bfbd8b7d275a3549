import Foundation
import Testing
@testable import LitCoderCore

/// The plan's files on disk and the draws that must be the same on every machine.
@Suite struct PlanFilesTests {
    /// Reference values from an independent Python implementation of xoshiro256** (seeded
    /// by SplitMix64) and of the rejection and Fisher–Yates steps `SeededDraw` documents.
    @Test func seededDrawsAreTheDocumentedAlgorithm() {
        var draw = SeededDraw(seed: 7)
        #expect([10, 3, 1000, 2, 7].map { draw.below($0) } == [4, 2, 638, 0, 6])
        var shuffle = SeededDraw(seed: 42)
        #expect(shuffle.shuffled(Array(0..<10)) == [7, 3, 8, 9, 5, 6, 4, 1, 0, 2])
    }

    /// The same Python computes SHA-256 seeds and FNV-1a/SplitMix keys as documented.
    @Test func aCodersOrderIsTheDocumentedHash() {
        let papers = ["p1", "p2", "p3", "p4", "p5", "p6"].map { Paper(id: $0, title: $0) }
        let ann = CoderOrder(project: "demo", coder: "ann")
        #expect(ann.seed == 0x28EA_A0A1_C685_1A8F)
        #expect(ann.key(of: "p1") == 0x2634_1A24_A26F_1C82)
        #expect(ann.sorted(Array(0..<6), of: papers) == [0, 4, 1, 5, 2, 3])
        #expect(CoderOrder(project: "demo", coder: "bob").sorted(Array(0..<6), of: papers) == [5, 3, 1, 0, 2, 4])
    }

    @Test func addingPapersNeverReordersTheOthers() {
        let order = CoderOrder(project: "survey", coder: "maya")
        let first = (1...50).map { Paper(id: "a\($0)", title: "") }
        let more = first + (1...30).map { Paper(id: "b\($0)", title: "") }
        let before = order.sorted(Array(first.indices), of: first).map { first[$0].id }
        let after = order.sorted(Array(more.indices), of: more).map { more[$0].id }.filter { $0.hasPrefix("a") }
        #expect(before == after)
    }

    /// 3 of 10 with seed 42: the shuffle above puts indices 7, 3, 8 first; kept in corpus order.
    @Test func aRoundSampleIsTheSeededShuffle() {
        let ids = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
        #expect(CalibrationRounds.sample(3, from: ids, seed: 42) == ["d", "h", "i"])
    }

    @Test func assignmentsRoundTripThroughTheirFile() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("assignments.jsonl")
        let assignments = Assignments(settings: .init(coders: ["ann", "bob"], perPaper: 1, overlap: 50, seed: 9),
                                      entries: [.init(paper: "p \"1\"", coders: ["bob", "ann"]), .init(paper: "情感", coders: ["ann"])])
        try assignments.write(to: url)
        #expect(try folder.read("assignments.jsonl") == """
            {"settings":{"coders":["ann","bob"],"per_paper":1,"overlap":50,"seed":9}}
            {"paper":"p \\"1\\"","coders":["ann","bob"]}
            {"paper":"情感","coders":["ann"]}

            """)
        let (loaded, problems) = Assignments.load(url: url, displayPath: "assignments.jsonl")
        #expect(problems.isEmpty)
        #expect(loaded == assignments)
        #expect(loaded.papers(assignedTo: "ann") == ["p \"1\"", "情感"])
    }

    @Test func badLinesAreReportedByLineAndTheRestLoads() throws {
        let folder = try TemporaryFolder()
        try folder.write("assignments.jsonl", """
            {"paper":"p1","coders":["ann"]}
            not json
            {"paper":"p2"}
            {"paper":"p3","coders":["a b"]}

            {"paper":"p1","coders":["bob"]}

            """)
        let (loaded, problems) = Assignments.load(url: folder.file("assignments.jsonl"), displayPath: "assignments.jsonl")
        #expect(problems.map(\.line) == [2, 3, 4, 6])
        #expect(problems.map(\.description).first?.hasPrefix("assignments.jsonl:2: error: not a JSON object") == true)
        #expect(problems[3].message.contains("assigned twice (first at line 1)"))
        #expect(loaded.entries == [.init(paper: "p1", coders: ["bob"])])
    }

    @Test func roundsRoundTripThroughTheirFile() throws {
        let folder = try TemporaryFolder()
        var rounds = CalibrationRounds()
        rounds.add(.init(name: "pilot", papers: ["p1", "p2"]))
        rounds.add(.init(name: "round-2", papers: ["p3"], sample: .init(size: 1, seed: 5)))
        try rounds.write(to: folder.file("rounds.jsonl"))
        #expect(try folder.read("rounds.jsonl") == """
            {"round":"pilot","papers":["p1","p2"]}
            {"round":"round-2","papers":["p3"],"sample":1,"seed":5}

            """)
        let (loaded, problems) = CalibrationRounds.load(url: folder.file("rounds.jsonl"), displayPath: "rounds.jsonl")
        #expect(problems.isEmpty)
        #expect(loaded == rounds)
        #expect(loaded.papers == ["p1", "p2", "p3"])
        #expect(loaded.rounds(containing: "p3") == ["round-2"])
        #expect(CalibrationRounds.problem(withName: "Pilot 1") != nil)
        #expect(CalibrationRounds.problem(withName: "pilot-1") == nil)
    }
}

/// `order:` in `litcoder.yaml`.
@Suite struct ProjectOrderTests {
    @Test(arguments: [("", PaperOrder.perCoder), ("order: corpus\n", .corpus), ("order: per-coder\n", .perCoder)])
    func theOrderIsRead(line: String, expected: PaperOrder) throws {
        let folder = try TemporaryFolder()
        try folder.write("litcoder.yaml", "name: t\ncodebook: c.yaml\n" + line)
        #expect(try Project.load(root: folder.url).order == expected)
    }

    @Test func anUnknownOrderNamesItsLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("litcoder.yaml", "name: t\ncodebook: c.yaml\norder: random\n")
        do {
            _ = try Project.load(root: folder.url)
            Issue.record("'order: random' was accepted")
        } catch {
            #expect("\(error)".hasPrefix("litcoder.yaml:3:8: error: 'order' must be 'corpus' or 'per-coder'"), "\(error)")
        }
    }
}

/// The hand-read lines of `assignments.jsonl` mean what JSONSerialization reads in them.
@Suite struct AssignmentLineFastPathTests {
    @Test(arguments: [
        (#"{"paper":"p1","coders":["ann","bob"]}"#, true),
        (#"{"paper":"情感 😀","coders":["ann"]}"#, true),
        (#"{"paper":"p1","coders":[]}"#, true),
        (#"{"paper":"p \"1\"","coders":["ann"]}"#, false),
        (#"{"paper": "p1","coders":["ann"]}"#, false),
        (#"{"coders":["ann"],"paper":"p1"}"#, false),
        (#"{"paper":"p1","coders":["ann"]} "#, false),
        (#"{"paper":"p1","coders":["ann",]}"#, false),
        (#"{"paper":"p1","coders":["ann"]"#, false),
    ])
    func theFastPathAgreesWithJSONSerializationOrStepsAside(line: String, fast: Bool) throws {
        let data = Data(line.utf8)
        let read = JSONLinesFile.assignmentLine([UInt8](line.utf8)[...])
        #expect((read != nil) == fast)
        if let read {
            let reference = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(read.paper == reference["paper"] as? String)
            #expect(read.coders == reference["coders"] as? [String])
        }
        let invalid: [UInt8] = [0x7B, 0x22, 0x70, 0x61, 0x70, 0x65, 0x72, 0x22, 0x3A, 0x22, 0xFF, 0x22] + Array(#","coders":["a"]}"#.utf8)
        #expect(JSONLinesFile.assignmentLine(invalid[...]) == nil, "invalid UTF-8 is left to JSONSerialization")
    }
}
