import Foundation
import Testing
@testable import LitCoderCore

/// `litcoder assign`'s sharing out: balance, overlap, seeds, re-runs and hand-overs.
@Suite struct AssignmentPlannerTests {
    static func ids(_ n: Int, prefix: String = "p") -> [String] { (1...max(n, 1)).prefix(n).map { "\(prefix)\($0)" } }

    static func loads(_ assignments: Assignments, coders: [String]) -> [Int] {
        coders.map { coder in assignments.entries.count { $0.coders.contains(coder) } }
    }

    // Worked by hand: percent × count / 100, rounded half up.
    @Test(arguments: [
        (20, 7, 1),    // 1.4
        (20, 44, 9),   // 8.8
        (50, 5, 3),    // 2.5, half up
        (25, 2, 1),    // 0.5, half up
        (10, 4, 0),    // 0.4
        (0, 100, 0),
        (100, 3, 3),
        (33, 10, 3),   // 3.3
        (15, 10, 2),   // 1.5, half up
    ])
    func theOverlapIsThePercentageRounded(percent: Int, count: Int, expected: Int) {
        #expect(AssignmentPlanner.overlapCount(percent: percent, of: count) == expected)
    }

    /// 10 papers, 3 coders, 2 per paper, 20% overlap: 2 papers go to all 3 (6 codings) and
    /// 8 papers to 2 each (16 codings); 22 codings over 3 coders is 8, 7, 7 in some order.
    @Test func tenPapersAmongThreeCodersByHand() {
        let request = AssignmentPlanner.Request(coders: ["ann", "bob", "cy"], perPaper: 2, overlap: 20, seed: 7)
        let outcome = AssignmentPlanner.assign(request, papers: Self.ids(10), existing: Assignments())
        #expect(outcome.assigned == Self.ids(10))
        #expect(outcome.overlapping.count == 2)
        #expect(outcome.assignments.entries.count == 10)
        #expect(outcome.assignments.entries.count { $0.coders.count == 3 } == 2)
        #expect(outcome.assignments.entries.count { $0.coders.count == 2 } == 8)
        for paper in outcome.overlapping { #expect(outcome.assignments.coders(assignedTo: paper) == ["ann", "bob", "cy"]) }
        #expect(Self.loads(outcome.assignments, coders: request.coders).sorted() == [7, 7, 8])
        #expect(outcome.assignments.settings == request.settings)
    }

    @Test func everyCoderGetsEveryPaperWhenPerPaperIsTheTeam() {
        let request = AssignmentPlanner.Request(coders: ["ann", "bob"], perPaper: 2, overlap: 0, seed: 1)
        let outcome = AssignmentPlanner.assign(request, papers: Self.ids(5), existing: Assignments())
        #expect(outcome.assignments.entries.allSatisfy { $0.coders == ["ann", "bob"] })
    }

    /// Property: over many seeds, sizes and teams, every paper is assigned once, to per-paper
    /// distinct team members (all of them for the overlap), loads within one of each other.
    @Test func balanceHoldsOverManySeedsAndSizes() {
        let teams = [["a"], ["a", "b"], ["a", "b", "c"], ["a", "b", "c", "d"], ["a", "b", "c", "d", "e"]]
        var runs = 0
        for team in teams {
            for perPaper in 1...team.count {
                for overlap in [0, 10, 33, 100] {
                    for size in [0, 1, 2, 7, 23, 60] {
                        for seed in UInt64(1)...6 {
                            let request = AssignmentPlanner.Request(coders: team, perPaper: perPaper, overlap: overlap, seed: seed)
                            let outcome = AssignmentPlanner.assign(request, papers: Self.ids(size), existing: Assignments())
                            let entries = outcome.assignments.entries
                            let expectedOverlap = perPaper == team.count ? size : AssignmentPlanner.overlapCount(percent: overlap, of: size)
                            #expect(entries.map(\.paper) == Self.ids(size))
                            #expect(entries.allSatisfy { Set($0.coders).count == $0.coders.count && Set($0.coders).isSubset(of: team) })
                            #expect(entries.count { $0.coders.count == team.count } == max(expectedOverlap, perPaper == team.count ? size : 0))
                            #expect(entries.allSatisfy { $0.coders.count == perPaper || $0.coders.count == team.count })
                            let loads = Self.loads(outcome.assignments, coders: team)
                            #expect((loads.max() ?? 0) - (loads.min() ?? 0) <= 1, "team \(team) per \(perPaper) overlap \(overlap) size \(size) seed \(seed): \(loads)")
                            runs += 1
                        }
                    }
                }
            }
        }
        #expect(runs == 15 * 4 * 6 * 6)
    }

    @Test func theSameSeedGivesTheSameFileAndAnotherSeedAnother() {
        let papers = Self.ids(40)
        func file(_ seed: UInt64) -> String {
            let request = AssignmentPlanner.Request(coders: ["ann", "bob", "cy"], perPaper: 2, overlap: 20, seed: seed)
            return AssignmentPlanner.assign(request, papers: papers, existing: Assignments()).assignments.fileText()
        }
        #expect(file(3) == file(3))
        #expect(file(3) != file(4))
    }

    /// Re-running after an import assigns the new papers only and keeps every coder within
    /// one of the others, over many seeds and batch sizes.
    @Test func aRerunAssignsOnlyNewPapersAndNeverMovesOne() {
        for seed in UInt64(1)...20 {
            for (first, second) in [(30, 10), (7, 1), (12, 12), (0, 9), (44, 0)] {
                let request = AssignmentPlanner.Request(coders: ["ann", "bob", "cy"], perPaper: 2, overlap: 20, seed: seed)
                let before = AssignmentPlanner.assign(request, papers: Self.ids(first), existing: Assignments()).assignments
                let all = Self.ids(first + second)
                let after = AssignmentPlanner.assign(request, papers: all, existing: before)
                #expect(after.assigned == Array(all.dropFirst(first)))
                #expect(Array(after.assignments.entries.prefix(first)) == before.entries, "seed \(seed): an assigned paper moved")
                let loads = Self.loads(after.assignments, coders: request.coders)
                #expect((loads.max() ?? 0) - (loads.min() ?? 0) <= 1, "seed \(seed) \(first)+\(second): \(loads)")
                let again = AssignmentPlanner.assign(request, papers: all, existing: after.assignments)
                #expect(again.assigned.isEmpty)
                #expect(again.assignments == after.assignments)
            }
        }
    }

    @Test func aNewCoderIsFilledUpFirstAndCalibrationPapersAreSkipped() {
        let two = AssignmentPlanner.Request(coders: ["ann", "bob"], perPaper: 1, overlap: 0, seed: 1)
        let before = AssignmentPlanner.assign(two, papers: Self.ids(10), existing: Assignments()).assignments
        #expect(Self.loads(before, coders: ["ann", "bob"]) == [5, 5])
        // dan joins: of 6 new papers, one coder each, dan takes five (until his load reaches
        // the others'), then the sixth goes to one of the three: 16 papers as 5, 5 and 6.
        let three = AssignmentPlanner.Request(coders: ["ann", "bob", "dan"], perPaper: 1, overlap: 0, seed: 1)
        let papers = Self.ids(16) + ["r1"]
        let after = AssignmentPlanner.assign(three, papers: papers, existing: before, skipping: ["r1"])
        #expect(after.assigned == Self.ids(16).suffix(6).map { $0 })
        #expect(!after.assignments.contains("r1"))
        let loads = Self.loads(after.assignments, coders: ["ann", "bob", "dan"])
        #expect(loads.sorted() == [5, 5, 6])
        #expect(loads[2] >= 5)
    }

    @Test(arguments: [
        (AssignmentPlanner.Request(coders: [], perPaper: 1, overlap: 0, seed: 1), "name the coders"),
        (AssignmentPlanner.Request(coders: ["ann", "ann"], perPaper: 1, overlap: 0, seed: 1), "names a coder twice"),
        (AssignmentPlanner.Request(coders: ["ann", "bob"], perPaper: 3, overlap: 0, seed: 1), "is more than the 2 coder(s)"),
        (AssignmentPlanner.Request(coders: ["ann", "bob"], perPaper: 0, overlap: 0, seed: 1), "1 or more"),
        (AssignmentPlanner.Request(coders: ["ann", "bob"], perPaper: 1, overlap: 101, seed: 1), "from 0 to 100"),
        (AssignmentPlanner.Request(coders: ["ann", "b b"], perPaper: 1, overlap: 0, seed: 1), "may contain only"),
    ])
    func badRequestsSayWhatIsWrong(request: AssignmentPlanner.Request, words: String) {
        #expect(AssignmentPlanner.problem(with: request)?.contains(words) == true)
    }

    /// By hand: bob has coded p2 only; his other papers go to dan, or, where dan codes the
    /// paper already, bob just leaves it.
    @Test func reassigningMovesOnlyUncodedPapers() {
        let existing = Assignments(
            settings: .init(coders: ["ann", "bob", "cy"], perPaper: 2, overlap: 0, seed: 1),
            entries: [.init(paper: "p1", coders: ["ann", "bob"]), .init(paper: "p2", coders: ["bob", "cy"]),
                      .init(paper: "p3", coders: ["ann", "bob", "cy"]), .init(paper: "p4", coders: ["bob", "dan"]),
                      .init(paper: "p5", coders: ["ann", "cy"])])
        let result = AssignmentPlanner.reassign(from: "bob", to: "dan", in: existing) { $0 == "p2" }
        #expect(result.moved == ["p1", "p3"])
        #expect(result.left == ["p4"])
        #expect(result.kept == ["p2"])
        let after = result.assignments
        #expect(after.coders(assignedTo: "p1") == ["ann", "dan"])
        #expect(after.coders(assignedTo: "p2") == ["bob", "cy"])
        #expect(after.coders(assignedTo: "p3") == ["ann", "cy", "dan"])
        #expect(after.coders(assignedTo: "p4") == ["dan"])
        #expect(after.coders(assignedTo: "p5") == ["ann", "cy"])
        #expect(after.settings?.coders == ["ann", "dan", "cy"])
        #expect(after.entries.map(\.paper) == ["p1", "p2", "p3", "p4", "p5"], "papers keep their places in the file")
    }
}
