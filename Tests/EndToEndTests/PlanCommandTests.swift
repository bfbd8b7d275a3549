import Foundation
import LitCoderCore
import Testing

/// `assign`, `assignments`, `queue`, `round` and the comparisons that follow them, run as a
/// user runs them.
@Suite struct PlanCommandTests {
    /// A project of `count` papers p1…pN and the bundled SER codebook.
    static func project(papers count: Int) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-plan-\(UUID().uuidString)")
        let made = try LitcoderBinary.run(["init", root.path, "--empty"])
        #expect(made.status == 0, "\(made.stderr)")
        try addPapers(to: root, 1...count)
        return root
    }

    static func addPapers(to root: URL, _ numbers: ClosedRange<Int>) throws {
        let url = root.appendingPathComponent("corpus/papers.jsonl")
        var text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        for n in numbers { text += "{\"id\":\"p\(n)\",\"title\":\"Paper \(n)\"}\n" }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static func lines(_ root: URL, _ file: String) throws -> [String] {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Each coder's papers, counted from the file itself.
    static func loads(_ root: URL) throws -> [String: Int] {
        var loads: [String: Int] = [:]
        for line in try lines(root, "assignments.jsonl") {
            let object = try json(line)
            for coder in object["coders"] as? [String] ?? [] { loads[coder, default: 0] += 1 }
        }
        return loads
    }

    /// 10 papers, 2 per paper, 20% overlap: 2 papers to all three, 8 to two (22 codings).
    @Test func assignSharesThePapersOutAndARerunAssignsOnlyNewOnes() throws {
        let root = try Self.project(papers: 10)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try LitcoderBinary.run(["assign", "--coders", "ann,bob,cy", "--per-paper", "2", "--overlap", "20", "--seed", "7"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        var loads = try Self.loads(root)
        #expect(loads.values.sorted() == [7, 7, 8])
        #expect(first.stdout == """
            assignments.jsonl: assigned 10 papers among ann, bob, cy (2 per paper, overlap 20%, seed 7): 2 to all 3 for the overlap, 8 to 2 each
            papers per coder: ann \(loads["ann"] ?? 0), bob \(loads["bob"] ?? 0), cy \(loads["cy"] ?? 0)

            """)
        let before = try Self.lines(root, "assignments.jsonl")
        #expect(before.count == 11)
        #expect(before[0] == #"{"settings":{"coders":["ann","bob","cy"],"per_paper":2,"overlap":20,"seed":7}}"#)

        // The JSON listing is the file's entries.
        let listed = try LitcoderBinary.run(["assignments", "--format", "json"], in: root)
        let entries = try #require(try Self.json(listed.stdout)["assignments"] as? [[String: Any]])
        #expect(entries.map { $0["paper"] as? String } == (1...10).map { "p\($0)" })
        #expect(entries.allSatisfy { ($0["coders"] as? [String])?.count == 2 || ($0["coders"] as? [String])?.count == 3 })

        // Same seed, same papers: the same file; nothing new: nothing changes.
        let again = try LitcoderBinary.run(["assign"], in: root)
        #expect(again.stdout.hasPrefix("assignments.jsonl: every paper has its coders already; nothing to assign\n"))
        #expect(try Self.lines(root, "assignments.jsonl") == before)

        // An import brings 5 more: 20% of 5 is 1 to all three, 4 to two: 11 more codings.
        try Self.addPapers(to: root, 11...15)
        let rerun = try LitcoderBinary.run(["assign"], in: root)
        #expect(rerun.stdout.hasPrefix("assignments.jsonl: assigned 5 papers among ann, bob, cy (2 per paper, overlap 20%, seed 7): 1 to all 3 for the overlap, 4 to 2 each\n"))
        let after = try Self.lines(root, "assignments.jsonl")
        #expect(Array(after.prefix(11)) == before, "no assigned paper moved")
        loads = try Self.loads(root)
        #expect(loads.values.reduce(0, +) == 33)
        #expect(loads.values.max()! - loads.values.min()! <= 1)

        // status lists each coder's assigned papers.
        let status = try LitcoderBinary.run(["status", "--format", "json"], in: root)
        let coders = try #require(try Self.json(status.stdout)["coders"] as? [[String: Any]])
        #expect(coders.map { $0["coder"] as? String } == ["ann", "bob", "cy"])
        #expect(coders.map { $0["assigned"] as? Int } == ["ann", "bob", "cy"].map { loads[$0] })
        let table = try LitcoderBinary.run(["status"], in: root)
        #expect(table.stdout.contains("coder  assigned  events  coded  done  flagged  log\nann    "))

        // The queue holds ann's papers, each once.
        let queue = try LitcoderBinary.run(["queue", "--coder", "ann", "--format", "json"], in: root)
        let items = try #require(try Self.json(queue.stdout)["queue"] as? [[String: Any]])
        let annPapers = try Self.lines(root, "assignments.jsonl").dropFirst().compactMap { line -> String? in
            let object = try Self.json(line)
            return (object["coders"] as? [String])?.contains("ann") == true ? object["paper"] as? String : nil
        }
        #expect(items.compactMap { $0["paper"] as? String }.sorted() == annPapers.sorted())
        #expect(items.map { $0["position"] as? Int } == Array(1...annPapers.count))
    }

    @Test func reassignHandsOverOnlyUncodedPapers() throws {
        let root = try Self.project(papers: 4)
        defer { try? FileManager.default.removeItem(at: root) }
        try """
            {"settings":{"coders":["ann","bob"],"per_paper":1,"overlap":0,"seed":1}}
            {"paper":"p1","coders":["bob"]}
            {"paper":"p2","coders":["bob"]}
            {"paper":"p3","coders":["ann","bob"]}
            {"paper":"p4","coders":["ann"]}

            """.write(to: root.appendingPathComponent("assignments.jsonl"), atomically: true, encoding: .utf8)
        let set = try LitcoderBinary.run(["set", "p2", "relevance=ser-core", "--coder", "bob"], in: root)
        #expect(set.status == 0, "\(set.stderr)")
        let result = try LitcoderBinary.run(["assign", "--reassign", "bob", "--to", "cy"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            assignments.jsonl: handed 2 of bob's uncoded papers to cy; bob keeps the 1 paper bob has coded
            papers per coder: ann 2, cy 2, bob 1

            """)
        #expect(try Self.lines(root, "assignments.jsonl") == [
            #"{"settings":{"coders":["ann","cy"],"per_paper":1,"overlap":0,"seed":1}}"#,
            #"{"paper":"p1","coders":["cy"]}"#, #"{"paper":"p2","coders":["bob"]}"#,
            #"{"paper":"p3","coders":["ann","cy"]}"#, #"{"paper":"p4","coders":["ann"]}"#,
        ])
        let wrong = try LitcoderBinary.run(["assign", "--reassign", "dan", "--to", "cy"], in: root)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.hasPrefix("error: 'dan' has no assigned papers; the assigned coders are ann, bob, cy"))
        let mixed = try LitcoderBinary.run(["assign", "--reassign", "bob", "--to", "cy", "--seed", "3"], in: root)
        #expect(mixed.status == 64)
    }

    /// `AgreementFixture` with assignments (see there for the codings): p1 alice+bob, p2
    /// alice+carol, p3 alice+bob, p4 everyone, p5 bob+carol, p6 alice+bob. On `data` the pairs
    /// are then p1 acted/acted, p2 natural/natural, p3 induced/induced, p5 natural/natural and
    /// p6 acted/natural (p4 has one coding): 4 of 5 agree. Coincidences: acted–acted 2,
    /// natural–natural 4, induced–induced 2, acted–natural 2; n = 10 (acted 3, natural 5,
    /// induced 2): D_o = 2/10, D_e = 2·(15 + 6 + 10)/90 = 62/90, α = 1 − 18/62 = 22/31.
    @Test func comparisonsFollowTheAssignments() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let root = fixture.root
        try """
            {"paper":"p1","coders":["alice","bob"]}
            {"paper":"p2","coders":["alice","carol"]}
            {"paper":"p3","coders":["alice","bob"]}
            {"paper":"p4","coders":["alice","bob","carol"]}
            {"paper":"p5","coders":["bob","carol"]}
            {"paper":"p6","coders":["alice","bob"]}

            """.write(to: root.appendingPathComponent("assignments.jsonl"), atomically: true, encoding: .utf8)

        let agree = try LitcoderBinary.run(["agree", "--dimension", "data", "--bootstrap", "0", "--format", "json"], in: root)
        #expect(agree.status == 0, "\(agree.stderr)")
        #expect(agree.stderr.contains("note: each paper's codings are compared among the coders assigned to it"))
        let data = try #require((try Self.json(agree.stdout)["dimensions"] as? [[String: Any]])?.first)
        #expect(data["units"] as? Int == 5)
        #expect(data["percent_agreement"] as? Double == 0.8)
        #expect(abs((data["krippendorff_alpha"] as? Double ?? 0) - 22.0 / 31.0) < 1e-12)

        let disagreements = try LitcoderBinary.run(["disagreements", "--format", "json"], in: root)
        let items = try #require(try Self.json(disagreements.stdout)["disagreements"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["paper"] as? String == "p6")
        #expect((items.first?["codings"] as? [[String: Any]])?.map { $0["coder"] as? String } == ["alice", "bob"])

        let status = try LitcoderBinary.run(["status", "--format", "json"], in: root)
        let coders = try #require(try Self.json(status.stdout)["coders"] as? [[String: Any]])
        #expect(coders.map { $0["assigned"] as? Int } == [5, 5, 3])
        #expect(coders.map { $0["coded"] as? Int } == [5, 4, 2])

        // The consensus takes the 9 agreements among assigned coders: data p1 p2 p3 p5,
        // motivation p1 p2 p3 p5 p6; p6's data is left for review.
        let consensus = try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "ana"], in: root)
        #expect(consensus.stdout == "codings/_consensus.jsonl: added 9 agreed decisions (0 of 9 agreements already there); "
            + "1 disagreement left for 'litcoder review'\n")

        // Calibration: a round's papers are every coder's, so all three are compared on them.
        // p1 acted/acted/acted, p2 natural/acted/natural: each unit's 6 ordered pairs weigh
        // 1/2, so acted–acted 3, natural–natural 1, acted–natural 2; n = 6 (acted 4,
        // natural 2): D_o = 2/6, D_e = 2·4·2/30 = 16/30, α = 1 − 30/48 = 3/8.
        let round = try LitcoderBinary.run(["round", "add", "pilot", "--papers", "p1,p2"], in: root)
        #expect(round.status == 0, "\(round.stderr)")
        #expect(try Self.lines(root, "rounds.jsonl") == [#"{"round":"pilot","papers":["p1","p2"]}"#])
        let pilot = try LitcoderBinary.run(["agree", "--round", "pilot", "--dimension", "data", "--bootstrap", "0", "--format", "json"], in: root)
        let pilotData = try #require((try Self.json(pilot.stdout)["dimensions"] as? [[String: Any]])?.first)
        #expect(pilotData["units"] as? Int == 2)
        #expect(abs((pilotData["krippendorff_alpha"] as? Double ?? 0) - 0.375) < 1e-12)
        let byRound = try LitcoderBinary.run(["agree", "--by-round", "--bootstrap", "0", "--format", "json"], in: root)
        let rounds = try #require(try Self.json(byRound.stdout)["rounds"] as? [[String: Any]])
        #expect(rounds.map { $0["round"] as? String } == ["pilot"])
        #expect(rounds.first?["papers"] as? Int == 2)
        let table = try LitcoderBinary.run(["agree", "--by-round", "--bootstrap", "0"], in: root)
        #expect(table.stdout.contains("pilot       2  data"))
        let unknown = try LitcoderBinary.run(["agree", "--round", "pilto"], in: root)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("error: there is no round 'pilto'; did you mean 'pilot'?; the rounds are pilot"))

        // Without the assignments, every coder's codings count again.
        try FileManager.default.removeItem(at: root.appendingPathComponent("assignments.jsonl"))
        let all = try LitcoderBinary.run(["disagreements", "--format", "json"], in: root)
        #expect((try Self.json(all.stdout)["disagreements"] as? [[String: Any]])?.count == 3)
    }

    /// The methods paragraph and the HTML report count each coder on the papers assigned to
    /// them, as `status` and `agree` do. p1 is ana's and maya's, p2 jon's and maya's, p3 ana's
    /// and jon's; all code relevance but jon has not reached p3, and maya also codes p3, which
    /// is not hers. By hand: ana 2 of her 2 papers (p1, p3), jon 1 of 2 (p2), maya 2 of 2 (p1,
    /// p2; p3 is not counted); papers coded by an assigned coder: p1, p2, p3 (3); by two of
    /// their assigned coders: p1, p2 (2).
    @Test func theReportsCountEachCodersOwnPapers() throws {
        let root = try Self.project(papers: 3)
        defer { try? FileManager.default.removeItem(at: root) }
        try """
            {"paper":"p1","coders":["ana","maya"]}
            {"paper":"p2","coders":["jon","maya"]}
            {"paper":"p3","coders":["ana","jon"]}

            """.write(to: root.appendingPathComponent("assignments.jsonl"), atomically: true, encoding: .utf8)
        for (paper, coder, code) in [("p1", "ana", "ser-core"), ("p1", "maya", "ser-core"), ("p2", "jon", "ser-core"),
                                     ("p2", "maya", "ser-core"), ("p3", "ana", "ser-core"), ("p3", "maya", "out-of-scope")] {
            #expect(try LitcoderBinary.run(["set", paper, "relevance=\(code)", "--coder", coder], in: root).status == 0)
        }
        let methods = try LitcoderBinary.run(["export", "--format", "methods"], in: root)
        #expect(methods.stdout.hasPrefix("We coded 3 papers of the 3 in the corpus"), "\(methods.stdout)")
        #expect(methods.stdout.contains("3 coders (ana, jon and maya) coded the abstracts independently; "
            + "2 papers were coded by two or more of the coders assigned to them."), "\(methods.stdout)")

        let html = try LitcoderBinary.run(["export", "--format", "html"], in: root).stdout
        #expect(html.contains("<p>3 of 3 papers coded by at least one coder; 2 coded by two or more "
            + "(each paper counted among the coders assigned to it).</p>"))
        #expect(html.contains("<th>Of their papers</th>"))
        let rows = html.split(separator: "\n").filter { $0.hasPrefix("<tr><td>") }
        func row(_ coder: String) -> String { rows.first { $0.hasPrefix("<tr><td>\(coder)</td>") }.map(String.init) ?? "" }
        #expect(row("ana").hasPrefix("<tr><td>ana</td><td class=\"n\">2</td>") && row("ana").hasSuffix(" 100% of 2</td></tr>"), "\(row("ana"))")
        #expect(row("jon").hasPrefix("<tr><td>jon</td><td class=\"n\">1</td>") && row("jon").hasSuffix(" 50% of 2</td></tr>"), "\(row("jon"))")
        #expect(row("maya").hasPrefix("<tr><td>maya</td><td class=\"n\">2</td>") && row("maya").hasSuffix(" 100% of 2</td></tr>"), "\(row("maya"))")

        let status = try LitcoderBinary.run(["status", "--format", "json"], in: root)
        let coders = try #require(try Self.json(status.stdout)["coders"] as? [[String: Any]])
        #expect(coders.map { $0["coded"] as? Int } == [2, 1, 2])

        // maya's summary counts her two papers (p1, p2: ser-core twice); her out-of-scope on
        // p3, ana's and jon's paper, is left out, and said so, not called outside the corpus.
        let summary = try LitcoderBinary.run(["summary", "--coder", "maya", "--format", "json"], in: root)
        #expect(summary.stderr == "note: maya's 2 assigned papers of 3 (assignments.jsonl); "
            + "left out: 1 paper maya coded that is assigned to other coders\n")
        let counted = try Self.json(summary.stdout)
        #expect(counted["papers"] as? Int == 2 && counted["coded_papers_outside_corpus"] as? Int == 0)
        let relevance = try #require((counted["dimensions"] as? [[String: Any]])?.first { $0["id"] as? String == "relevance" })
        #expect(relevance["coded"] as? Int == 2)
        #expect((relevance["counts"] as? [String: Int]).map { [$0["ser-core"], $0["out-of-scope"]] } == [2, 0])

        // PRISMA for one coder keeps the whole corpus, so that it adds up, and says whose records are whose.
        let prisma = try LitcoderBinary.run(["prisma", "--coder", "maya", "--format", "json"], in: root)
        #expect(prisma.stderr == "note: maya is assigned 2 of the 3 records (assignments.jsonl); this flow counts maya's own "
            + "decisions on every record, so records left to other coders count as not yet screened. "
            + "The team's flow is the consensus's: 'litcoder prisma'\n")
        let flow = try Self.json(prisma.stdout)
        #expect([flow["screened"], flow["excluded"], flow["included"], flow["awaiting"]].map { $0 as? Int } == [3, 1, 2, 0])
    }

    @Test func roundAddChecksItsPapersAndDrawsASample() throws {
        let root = try Self.project(papers: 10)
        defer { try? FileManager.default.removeItem(at: root) }
        let typo = try LitcoderBinary.run(["round", "add", "pilot", "--papers", "p1,p99"], in: root)
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("error: no paper 'p99' in the corpus"))
        let bad = try LitcoderBinary.run(["round", "add", "Pilot One", "--sample", "3"], in: root)
        #expect(bad.status == 64)
        // Seed 42 shuffles indices 0…9 to 7, 3, 8, … (see PlanFilesTests): p4, p8, p9.
        let drawn = try LitcoderBinary.run(["round", "add", "pilot", "--sample", "3", "--seed", "42"], in: root)
        #expect(drawn.status == 0, "\(drawn.stderr)")
        #expect(try Self.lines(root, "rounds.jsonl") == [#"{"round":"pilot","papers":["p4","p8","p9"],"sample":3,"seed":42}"#])
        let twice = try LitcoderBinary.run(["round", "add", "second", "--papers", "p8"], in: root)
        #expect(twice.stderr.hasPrefix("error: paper 'p8' is in round 'pilot' already"))
        let list = try LitcoderBinary.run(["round", "list", "--format", "json"], in: root)
        let rounds = try #require(try Self.json(list.stdout)["rounds"] as? [[String: Any]])
        #expect(rounds.first?["papers"] as? [String] == ["p4", "p8", "p9"])
        // Every coder's queue starts with them, a coder's who has not started too.
        let config = root.appendingPathComponent("litcoder.yaml")
        try (try String(contentsOf: config, encoding: .utf8) + "coders: [zoe]\n").write(to: config, atomically: true, encoding: .utf8)
        let queue = try LitcoderBinary.run(["queue", "--coder", "zoe", "--format", "json"], in: root)
        let items = try #require(try Self.json(queue.stdout)["queue"] as? [[String: Any]])
        #expect(Set(items.prefix(3).compactMap { $0["paper"] as? String }) == ["p4", "p8", "p9"])
        #expect(items.prefix(3).allSatisfy { $0["round"] as? String == "pilot" })
        #expect(items.count == 10)
    }
}
