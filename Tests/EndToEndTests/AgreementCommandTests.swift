import Foundation
import Testing
import LitCoderCore

/// `agree`, `disagreements` and `consensus` run as a user would, on `AgreementFixture`.
@Suite struct AgreementCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func dimension(_ report: [String: Any], _ id: String) throws -> [String: Any] {
        let dims = try #require(report["dimensions"] as? [[String: Any]])
        return try #require(dims.first { $0["id"] as? String == id })
    }

    @Test func agreeReportsTheHandWorkedStatistics() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let result = try LitcoderBinary.run(["agree", "--format", "json", "--seed", "7"], in: fixture.root)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        #expect(report["coders"] as? [String] == ["alice", "bob", "carol"])
        let data = try dimension(report, "data")
        #expect(data["kind"] as? String == "single")
        #expect(data["distance"] as? String == "nominal")
        #expect(data["units"] as? Int == 5, "p4 is coded by alice only")
        #expect(data["pairable_values"] as? Int == 14)
        // Per unit: p1 1, p2 1/3, p3 1, p5 1, p6 0 → 10/3 / 5.
        let percent = try #require(data["percent_agreement"] as? Double)
        #expect(abs(percent - 2.0 / 3) < 1e-12)
        // o_aa 3, o_nn 4, o_ii 2, off-diagonal 5; n_a 5, n_n 6, n_i 3: α = 1 − 13·5 / (196 − 70).
        let alpha = try #require(data["krippendorff_alpha"] as? Double)
        #expect(abs(alpha - 61.0 / 126) < 1e-12)
        let interval = try #require(data["alpha_ci95"] as? [Double])
        #expect(interval.count == 2 && interval[0] <= interval[1])
        #expect(data["cohen_kappa"] is NSNull)
        #expect(data["fleiss_kappa"] is NSNull)
        let undefined = try #require(data["undefined"] as? [String: String])
        #expect(undefined["fleiss_kappa"]?.contains("different numbers of coders") == true)
        #expect(undefined["cohen_kappa"]?.contains("exactly 2 coders") == true)
        let motivation = try dimension(report, "motivation")
        #expect(motivation["distance"] as? String == "masi")
        let perCode = try #require(motivation["per_code"] as? [[String: Any]])
        #expect(perCode.compactMap { $0["code"] as? String } == ["healthcare", "voice-assistant", "call-centre"])
        #expect(try dimension(report, "data")["per_code"] as? [Any] != nil)
        // Nobody wrote remarks: the text dimension is compared, with nothing to compare.
        let remarks = try dimension(report, "remarks")
        #expect(remarks["kind"] as? String == "text" && remarks["units"] as? Int == 0)
        #expect(remarks["krippendorff_alpha"] is NSNull)
    }

    /// After a codebook change, agreement on the codings made under the new version alone.
    @Test func agreementUnderOneCodebookVersion() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let newer = "abcdef" + String(repeating: "0", count: 58)
        for coder in AgreementFixture.coders {
            let log = try CodingLog.open(url: fixture.root.appendingPathComponent("codings/\(coder).jsonl"), coder: coder)
            try log.append(.set(paper: "p6", dimension: "data", codes: ["acted"], coder: coder, codebook: newer))
            try log.append(.set(paper: "p2", dimension: "data", codes: [coder == "bob" ? "natural" : "acted"], coder: coder, codebook: newer))
            log.close()
        }
        let result = try LitcoderBinary.run(["agree", "--codebook-version", "abcdef", "--dimension", "data", "--format", "json",
                                             "--bootstrap", "0"], in: fixture.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: only codings made under codebook abcdef000000 are compared\n"), "\(result.stderr)")
        let data = try dimension(try json(result.stdout), "data")
        #expect(data["units"] as? Int == 2, "p2 and p6, recoded under the new codebook; nothing older")
        let percent = try #require(data["percent_agreement"] as? Double)
        #expect(abs(percent - (1.0 + 1.0 / 3) / 2) < 1e-12)
        let all = try dimension(try json(try LitcoderBinary.run(["agree", "--dimension", "data", "--format", "json", "--bootstrap", "0"],
                                                               in: fixture.root).stdout), "data")
        #expect(all["units"] as? Int == 5, "without the option every latest decision counts")

        let unknown = try LitcoderBinary.run(["agree", "--codebook-version", "123456"], in: fixture.root)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("abcdef000000 (6 events)"), "\(unknown.stderr)")
        // `current` names the hash it stands for: the SHA-256 of the codebook file, as sha256sum gives it.
        for coder in ["alice", "bob"] {
            #expect(try LitcoderBinary.run(["set", "p1", "data=natural", "--coder", coder], in: fixture.root).status == 0)
        }
        let digest = Process()
        digest.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        digest.arguments = [fixture.root.appendingPathComponent("codebooks/fixture.yaml").path]
        let pipe = Pipe()
        digest.standardOutput = pipe
        try digest.run()
        let sum = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        digest.waitUntilExit()
        let current = try LitcoderBinary.run(["agree", "--codebook-version", "current", "--bootstrap", "0"], in: fixture.root)
        #expect(current.status == 0, "\(current.stderr)")
        #expect(current.stderr.contains("note: only codings made under codebook \(sum.prefix(12)) (the current one) are compared\n"),
                "\(current.stderr)")
        let disagreements = try LitcoderBinary.run(["disagreements", "--codebook-version", "abcdef", "--format", "csv"], in: fixture.root)
        #expect(disagreements.status == 0, "\(disagreements.stderr)")
        #expect(disagreements.stdout.contains("p2") && !disagreements.stdout.contains("p6"), "\(disagreements.stdout)")
    }

    @Test func cohensKappaForTwoCoders() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let result = try LitcoderBinary.run(
            ["agree", "--coders", "alice,bob", "--dimension", "data", "--format", "json"], in: fixture.root)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try dimension(json(result.stdout), "data")
        // Both coded p1 p2 p3 p5 p6: p_o 3/5; marginals 2,2,1 each: p_e 9/25; κ = .24/.64.
        let kappa = try #require(data["cohen_kappa"] as? Double)
        #expect(abs(kappa - 0.375) < 1e-12)
        #expect(data["units"] as? Int == 5)
    }

    @Test func theSameSeedGivesTheSameInterval() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let args = ["agree", "--format", "json", "--seed", "42", "--bootstrap", "2000"]
        let first = try LitcoderBinary.run(args, in: fixture.root)
        let second = try LitcoderBinary.run(args, in: fixture.root)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let none = try LitcoderBinary.run(["agree", "--format", "json", "--bootstrap", "0"], in: fixture.root)
        #expect(try dimension(json(none.stdout), "data")["alpha_ci95"] is NSNull)
    }

    /// Agreement comes from the codebook and the logs: `agree` does not read the papers, so a
    /// broken or missing corpus changes neither its numbers nor its messages (`validate`
    /// reports the corpus). A codebook warning is still printed.
    @Test func agreeDoesNotReadTheCorpus() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let args = ["agree", "--format", "json", "--bootstrap", "20"]
        let before = try LitcoderBinary.run(args, in: fixture.root)
        #expect(before.status == 0 && before.stderr.isEmpty, "\(before.stderr)")
        let corpus = fixture.root.appendingPathComponent("corpus/papers.jsonl")
        try "{\"id\": \"p1\"\nnot json\n".write(to: corpus, atomically: true, encoding: .utf8)
        #expect(try LitcoderBinary.run(["validate"], in: fixture.root).stdout.contains("corpus/papers.jsonl:1"))
        let broken = try LitcoderBinary.run(args, in: fixture.root)
        #expect(broken.status == 0)
        #expect(broken.stdout == before.stdout)
        #expect(broken.stderr.isEmpty, "\(broken.stderr)")
        try FileManager.default.removeItem(at: corpus)
        let missing = try LitcoderBinary.run(args, in: fixture.root)
        #expect(missing.status == 0 && missing.stdout == before.stdout && missing.stderr.isEmpty, "\(missing.stderr)")
        let book = fixture.root.appendingPathComponent("codebooks/fixture.yaml")
        try AgreementFixture.codebook.replacingOccurrences(of: "{id: acted, label: Acted}", with: "{id: acted, label: Acted, aliases: [\"acted|posed\"]}")
            .write(to: book, atomically: true, encoding: .utf8)
        let warned = try LitcoderBinary.run(args, in: fixture.root)
        #expect(warned.status == 0 && warned.stdout.contains("\"coders\""))
        #expect(warned.stderr.contains("codebooks/fixture.yaml:"), "\(warned.stderr)")
    }

    @Test(arguments: ["table", "markdown", "csv"])
    func otherFormatsNameEveryDimension(_ format: String) throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let result = try LitcoderBinary.run(["agree", "--format", format], in: fixture.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("motivation"))
        #expect(result.stdout.contains("data"))
        #expect(result.stdout.contains("voice-assistant"), "per-code α of the multi-select dimension")
    }

    @Test(arguments: [
        (["agree", "--coders", "alice"], "at least 2 coders"),
        (["agree", "--dimension", "nope"], "no dimension 'nope'"),
        (["agree", "--dimension", "dat"], "no dimension 'dat' in the codebook; did you mean 'data'?"),
        (["agree", "--bootstrap", "-1"], "--bootstrap"),
        (["consensus"], "--auto-agreed"),
        (["disagreements", "--coders", "alice,_x"], "reserved"),
    ])
    func usageErrorsExit64(_ arguments: [String], _ message: String) throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let result = try LitcoderBinary.run(arguments, in: fixture.root)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// A name that is no coder of the project is a usage error with a did-you-mean (a typo,
    /// not a state of the data); a coder listed in litcoder.yaml who has no codings yet is a
    /// data error naming the coders that have some.
    @Test(arguments: ["agree", "disagreements", "consensus"])
    func anUnknownCoderIsAUsageErrorAndACoderWithoutCodingsADataError(command: String) throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let extra = command == "consensus" ? ["--auto-agreed", "--adjudicator", "dan"] : []
        let typo = try LitcoderBinary.run([command, "--coders", "alice,bobb"] + extra, in: fixture.root)
        #expect(typo.status == 64)
        #expect(typo.stderr == """
            error: 'bobb' is not a coder of this project; did you mean 'bob'?
              hint: the project's coders (listed under 'coders:' in litcoder.yaml, with a log in codings/, or assigned papers) are: alice, bob, carol; a new coder starts with 'litcoder code --coder bobb'

            """, "\(typo.stderr)")
        #expect(typo.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("codings/_consensus.jsonl").path))
        try "name: fixture\ncodebook: codebooks/fixture.yaml\ncorpus: corpus/papers.jsonl\ncoders: [alice, bob, carol, dave]\n"
            .write(to: fixture.root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        let listed = try LitcoderBinary.run([command, "--coders", "alice,dave"] + extra, in: fixture.root)
        #expect(listed.status == 1)
        #expect(listed.stderr == "error: no codings by dave in codings/; coders with codings: alice, bob, carol\n", "\(listed.stderr)")
    }

    @Test func disagreementsListEachCodersCodesAndNotes() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let result = try LitcoderBinary.run(["disagreements", "--format", "json"], in: fixture.root)
        #expect(result.status == 0, "\(result.stderr)")
        let items = try #require(json(result.stdout)["disagreements"] as? [[String: Any]])
        let keys = items.map { "\($0["paper"] as? String ?? "")/\($0["dimension"] as? String ?? "")" }
        #expect(keys == ["p2/motivation", "p2/data", "p6/data"])
        let p2 = try #require(items.first?["codings"] as? [[String: Any]])
        #expect(p2.first?["note"] as? String == "mentions clinicians")
        #expect(p2.first?["codes"] as? [String] == ["healthcare", "voice-assistant"])
        #expect(p2.last?["codes"] as? [String] == ["healthcare", "voice-assistant"], "codebook order, whatever the coder's order")
        let table = try LitcoderBinary.run(["disagreements", "--dimension", "data"], in: fixture.root)
        #expect(table.stdout.contains("2 disagreements"))
        #expect(!table.stdout.contains("motivation"))
        let csv = try LitcoderBinary.run(["disagreements", "--format", "csv"], in: fixture.root)
        #expect(csv.stdout.split(separator: "\n").count == 1 + 3 * 3)
    }

    @Test func consensusTakesAgreementsOnceAndRecordsWhoAndFromWhom() throws {
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let first = try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "ana"], in: fixture.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("added 7"))
        let events = try fixture.consensusEvents()
        #expect(events.count == 7)
        #expect(events.allSatisfy { $0.op == .adjudicate && $0.automatic == true && $0.adjudicator == "ana" })
        #expect(events.allSatisfy { $0.coder == CoderName.consensus })
        let p3 = try #require(events.first { $0.paper == "p3" && $0.dimension == "data" })
        #expect(p3.sources == ["alice", "bob"])
        #expect(p3.codes == ["induced"])
        let state = CodingState(coder: CoderName.consensus, replaying: events)
        #expect(state.coding(for: "p1").provenance["data"]?.adjudicator == "ana")
        let again = try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "ana"], in: fixture.root)
        #expect(again.status == 0)
        #expect(again.stdout.contains("added 0"))
        #expect(try fixture.consensusEvents().count == 7)
    }
}
