import Foundation
import Testing

/// Every report on `TruthFixture`, run as a user would, against output worked out by hand from
/// the table in `TruthFixture`'s documentation.
///
/// The compared paper × dimensions (p4's languages nobody coded and it is not required):
///
/// | paper | relevance | dataset | languages |
/// |---|---|---|---|
/// | p1 | agreed (ser) | agreed (iemocap-v2: alice's old id is read as the new one) | agreed ("Hebrew", "hebrew ", "HEBREW" normalise alike) |
/// | p2 | differ (ser, out, ser) | differ ({emodb}, {emodb}, {emodb, podcast}) | not coded by carol |
/// | p3 | agreed (ser; carol did not code p3) | not coded by bob | not coded by alice |
/// | p4 | required, not coded by alice and carol (both marked p4 done) | agreed (emodb) | – |
///
/// 11 compared, 5 agreed, 6 disagreements (4 where a coder left the dimension empty). The
/// adjudicator then decides p2's relevance and p3's dataset by hand, so 4 stay open.
@Suite(.serialized) struct TruthFixtureTests {
    func run(_ fixture: TruthFixture, _ arguments: [String]) throws -> LitcoderBinary.Result {
        try LitcoderBinary.run(arguments, in: fixture.root, environment: ["LITCODER_CODER": "ana"])
    }

    /// The fixture with the consensus built: agreements taken automatically, two decided by hand.
    func adjudicated() throws -> TruthFixture {
        let fixture = try TruthFixture()
        let built = try run(fixture, ["consensus", "--auto-agreed", "--adjudicator", "ana"])
        #expect(built.status == 0, "\(built.stderr)")
        try fixture.decideByHand(after: 5)
        return fixture
    }

    @Test func disagreementsListEveryKindWithEachCodersValue() throws {
        let fixture = try TruthFixture()
        defer { fixture.remove() }
        let table = try run(fixture, ["disagreements"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout == """
            p2  relevance  Paper two
              alice  ser  — note: mentions clinicians
              bob    out
              carol  ser

            p2  dataset  Paper two
              alice  emodb  — note: mentions clinicians
              bob    emodb
              carol  emodb, podcast

            p2  languages  (not coded by carol)  Paper two
              alice  "German"  — note: mentions clinicians
              bob    "German"
              carol  (not coded)

            p3  dataset  (not coded by bob)  Paper three
              alice  podcast, ravdess
              bob    (not coded)
              carol  (did not code this paper)

            p3  languages  (not coded by alice)  Paper three
              alice  (not coded)
              bob    "English"
              carol  (did not code this paper)

            p4  relevance  (required, not coded by alice and carol)  Paper four
              alice  (not coded)
              bob    (did not code this paper)
              carol  (not coded)

            6 disagreements among alice, bob, carol (3 not coded by a coder who coded the paper; 1 required and not coded on a paper marked done)

            """)

        let csv = try run(fixture, ["disagreements", "--format", "csv", "--dimension", "languages"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == """
            paper,title,dimension,kind,coder,codes,text,note
            p2,Paper two,languages,not-coded,alice,,German,mentions clinicians
            p2,Paper two,languages,not-coded,bob,,German,
            p2,Paper two,languages,not-coded,carol,,,
            p3,Paper three,languages,not-coded,alice,,,
            p3,Paper three,languages,not-coded,bob,,English,
            p3,Paper three,languages,not-coded,carol,,,

            """)

        let json = try run(fixture, ["disagreements", "--format", "json", "--dimension", "relevance"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(object["disagreements"] as? [[String: Any]])
        #expect(items.map { $0["kind"] as? String } == ["differ", "required-not-coded"])
        #expect(items.map { $0["not_coded_by"] as? [String] } == [[], ["alice", "carol"]])
        let p4 = try #require((items.last?["codings"] as? [[String: Any]]))
        #expect(p4.map { $0["coded_paper"] as? Bool } == [true, false, true])
    }

    @Test func consensusTakesOnlyRealAgreementsAndSaysWhatIsLeft() throws {
        let fixture = try TruthFixture()
        defer { fixture.remove() }
        let first = try run(fixture, ["consensus", "--auto-agreed", "--adjudicator", "ana"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "codings/_consensus.jsonl: added 5 agreed decisions (0 of 5 agreements already there); "
            + "6 disagreements left for 'litcoder review' (4 of them a dimension some coder left empty, never taken automatically)\n")
        let consensus = try String(contentsOf: fixture.root.appendingPathComponent("codings/_consensus.jsonl"), encoding: .utf8)
        let decided = consensus.split(separator: "\n").map { line -> String in
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
            let value = (object["codes"] as? [String])?.joined(separator: ",") ?? (object["text"] as? String).map { "\"\($0)\"" } ?? "?"
            return "\(object["paper"] ?? "?") \(object["dim"] ?? "?") \(value) from \((object["sources"] as? [String])?.joined(separator: ",") ?? "?")"
        }
        // Alice's old id is recorded as the new one; the texts as alice wrote hers.
        #expect(decided == [
            "p1 relevance ser from alice,bob,carol", "p1 dataset iemocap-v2 from alice,bob,carol",
            "p1 languages \"Hebrew\" from alice,bob,carol", "p3 relevance ser from alice,bob", "p4 dataset emodb from alice,carol",
        ])
        try fixture.decideByHand(after: 5)
        let again = try run(fixture, ["consensus", "--auto-agreed", "--adjudicator", "ana"])
        #expect(again.stdout == "codings/_consensus.jsonl: added 0 agreed decisions (5 of 5 agreements already there); "
            + "4 disagreements left for 'litcoder review' (3 of them a dimension some coder left empty, never taken automatically)\n")
    }

    @Test func statusCountsCodersConsensusAndGaps() throws {
        let fixture = try adjudicated()
        defer { fixture.remove() }
        let status = try run(fixture, ["status"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout == """
            truth: 4 papers; codebook truth 1 (\(fixture.hash.prefix(12)))

            coder       events  coded  done  flagged  log
            alice           12    4/4     2        0  needs attention
            bob              9    3/4     1        0  ok
            carol            7    3/4     1        0  needs attention
            eve              0    0/4     0        0  no codings yet
            zed              1    0/4     0        0  needs attention
            _consensus       7    4/4     0        0  ok

            alice:
              1 paper holds codes the codebook does not have (dimensions: dataset); 'litcoder validate' lists them; a renamed code says 'replaces: [old-id]' in the codebook, others are recoded
              1 paper is marked done with a required dimension empty; 'litcoder validate' lists them

            carol:
              1 paper is marked done with a required dimension empty; 'litcoder validate' lists them

            zed:
              not listed under 'coders:' in litcoder.yaml: add 'zed' there, or, if the name is a slip, move codings/zed.jsonl out of codings/ ('litcoder validate' says more)

            Consensus (paper × dimension decisions, against alice, bob, carol):
              5 agreed, 2 adjudicated by hand, 4 open (of 6 disagreements)
              to decide the open ones: litcoder review

            To code:      litcoder code [--coder NAME]   (the workbench)
            From scripts: litcoder set PAPER DIM=CODE[,CODE…] [--note TEXT] [--flag] [--done] --coder NAME

            """)
    }

    @Test func validateListsUnknownCodesAndRequiredGaps() throws {
        let fixture = try adjudicated()
        defer { fixture.remove() }
        let result = try run(fixture, ["validate"])
        #expect(result.status == 0, "warnings only: \(result.stdout)")
        let short = fixture.hash.prefix(12)
        #expect(result.stdout == """
            codings/alice.jsonl:9: warning: paper 'p3', dataset: code 'ravdess' is not in the codebook (coded under codebook \(short)) (event seq 9)
              hint: if the code was renamed, add 'replaces: [ravdess]' to the code that took its place in the codebook; otherwise recode it (litcoder set p3 dataset=… --coder alice); the old event is kept
            codings/alice.jsonl:12: warning: paper 'p4' is marked done, but required dimension 'relevance' is empty
              hint: code it (litcoder set p4 relevance=… --coder alice), or mark it not done (--undone)
            codings/carol.jsonl:7: warning: paper 'p4' is marked done, but required dimension 'relevance' is empty
              hint: code it (litcoder set p4 relevance=… --coder carol), or mark it not done (--undone)
            codings/zed.jsonl: warning: 'zed' is not listed under 'coders:' in litcoder.yaml, but has this log; it holds no coding decision yet
              hint: add 'zed' under 'coders:' in litcoder.yaml if zed is a coder; if the name is a slip, move codings/zed.jsonl out of codings/ and code under the right name
            checked litcoder.yaml, codebooks/truth.yaml (3 dimensions, 5 codes), 1 corpus file (4 papers), 5 coding logs (36 events): 0 errors, 4 warnings

            """)
    }

    @Test func summaryOfTheConsensusTellsOpenFromNotCoded() throws {
        let fixture = try adjudicated()
        defer { fixture.remove() }
        let result = try run(fixture, ["summary", "--consensus"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "note: consensus: 5 agreed, 2 adjudicated by hand, 4 open (of 6 disagreements); 'litcoder review' decides the open ones\n")
        // relevance: p1–p3 decided, p4 open; dataset: p1, p3 (by hand), p4 decided, p2 open.
        #expect(result.stdout == """
            Summary for consensus — 4 papers

            Relevance (relevance): 3 of 4 papers coded, 1 open, 0 not coded
              code  label         papers
              ----  ------------  ------
              ser   SER                3
              out   Out of scope       0

            Datasets (dataset): 3 of 4 papers coded, 1 open, 0 not coded
              code        label        papers
              ----------  -----------  ------
              iemocap-v2  IEMOCAP           1
              emodb       EmoDB             1
              podcast     MSP-Podcast       1

            """)
    }

    @Test func theConsensusExportSaysHowCompleteItIs() throws {
        let fixture = try adjudicated()
        defer { fixture.remove() }
        let result = try run(fixture, ["export", "--format", "csv", "--consensus"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "note: consensus: 5 agreed, 2 adjudicated by hand, 4 open (of 6 disagreements); 'litcoder review' decides the open ones\n")
        #expect(result.stdout == [
            "id,title,year,doi,relevance,dataset,dataset.iemocap-v2,dataset.emodb,dataset.podcast,languages,note,flagged,done",
            "p1,Paper one,2021,,ser,iemocap-v2,1,0,0,Hebrew,,0,0",
            "p2,Paper two,2022,,ser,,,,,,,0,0",
            "p3,Paper three,2023,,ser,podcast,0,0,1,,,0,0",
            "p4,Paper four,2024,,,emodb,0,1,0,,,0,0",
        ].map { $0 + "\r\n" }.joined())
    }

    @Test func everyCoderExportHasAColumnForTheUnknownCodeAndTheRenamedOneAsNew() throws {
        let fixture = try TruthFixture()
        defer { fixture.remove() }
        let result = try run(fixture, ["export", "--format", "csv", "--all"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == """
            codings/alice.jsonl: warning: 1 coding holds a code the codebook does not have: dataset 'ravdess' (1); exported as written, each with a column of its own
              hint: if a code was renamed, add 'replaces: [ravdess]' to the code that took its place in the codebook; 'litcoder validate' lists each coding

            """)
        #expect(result.stdout == [
            "id,coder,title,year,doi,relevance,dataset,dataset.iemocap-v2,dataset.emodb,dataset.podcast,dataset.ravdess,languages,note,flagged,done",
            "p1,alice,Paper one,2021,,ser,iemocap-v2,1,0,0,0,Hebrew,,0,0",
            "p1,bob,Paper one,2021,,ser,iemocap-v2,1,0,0,0,\"hebrew \",,0,0",
            "p1,carol,Paper one,2021,,ser,iemocap-v2,1,0,0,0,HEBREW,,0,0",
            "p2,alice,Paper two,2022,,ser,emodb,0,1,0,0,German,mentions clinicians,0,0",
            "p2,bob,Paper two,2022,,out,emodb,0,1,0,0,German,,0,0",
            "p2,carol,Paper two,2022,,ser,emodb;podcast,0,1,1,0,,,0,0",
            "p3,alice,Paper three,2023,,ser,podcast;ravdess,0,0,1,1,,,0,1",
            "p3,bob,Paper three,2023,,ser,,,,,,English,,0,1",
            "p4,alice,Paper four,2024,,,emodb,0,1,0,0,,,0,1",
            "p4,carol,Paper four,2024,,,emodb,0,1,0,0,,,0,1",
        ].map { $0 + "\r\n" }.joined())
    }

    @Test func agreementCountsEmptyCodingsAsMissingAndSaysSo() throws {
        let fixture = try TruthFixture()
        defer { fixture.remove() }
        let result = try run(fixture, ["agree", "--format", "json", "--bootstrap", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["coders"] as? [String] == ["alice", "bob", "carol"])
        let dimensions = try #require(report["dimensions"] as? [[String: Any]])
        func field(_ id: String, _ key: String) -> Any? { dimensions.first { $0["id"] as? String == id }?[key] }
        // relevance: p1 s,s,s; p2 s,o,s; p3 s,s. o_ss = 3 + 1 + 2, o_so = o_os = 1; n_s 7, n_o 1:
        // α = 1 − 7·2/(2·7·1) = 0. Agreement per paper 1, 1/3, 1.
        #expect(field("relevance", "units") as? Int == 3 && field("relevance", "not_coded") as? Int == 0)
        #expect(field("relevance", "krippendorff_alpha") as? Double == 0)
        #expect(abs((field("relevance", "percent_agreement") as? Double ?? 0) - 7.0 / 9) < 1e-12)
        let undefined = try #require(field("relevance", "undefined") as? [String: String])
        #expect(undefined["fleiss_kappa"] == "n/a: papers have different numbers of coders (2 to 3); Fleiss' κ needs the same number for every paper (α does not)")
        // dataset (MASI): p1 {i}×3, p2 {e},{e},{e,p}, p4 {e},{e}; p3 alice only (bob left it empty).
        // o_ii 3, o_ee 1 + 2, o_e,ep = o_ep,e = 1; δ({e},{e,p}) = 1 − ½·⅔ = ⅔. D_o = (4/3)/8,
        // D_e = (2·3·4 + 2·3·1 + 2·4·1·⅔)/56 = (106/3)/56: α = 1 − 14/53 = 39/53.
        #expect(field("dataset", "units") as? Int == 3 && field("dataset", "not_coded") as? Int == 1)
        #expect(abs((field("dataset", "krippendorff_alpha") as? Double ?? 0) - 39.0 / 53) < 1e-12)
        // languages (normalised text): p1 hebrew×3, p2 german×2 (carol empty); p3 bob only (alice empty).
        #expect(field("languages", "kind") as? String == "text" && field("languages", "distance") as? String == "nominal")
        #expect(field("languages", "units") as? Int == 2 && field("languages", "not_coded") as? Int == 2)
        #expect(field("languages", "krippendorff_alpha") as? Double == 1)

        let table = try run(fixture, ["agree", "--bootstrap", "0"])
        #expect(table.stdout.contains("relevance fleiss_kappa: n/a: papers have different numbers of coders (2 to 3)"), "\(table.stdout)")
        #expect(table.stdout.contains("not coded: papers where some coders of the paper left the dimension empty while another coded it"))
    }

    @Test func agreementByPairNamesBothCoders() throws {
        let fixture = try TruthFixture()
        defer { fixture.remove() }
        let result = try run(fixture, ["agree", "--pairs", "--dimension", "relevance", "--format", "csv", "--bootstrap", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        // alice–bob: p1 s/s, p2 s/o, p3 s/s: α = 1 − 5·2/(2·5·1) = 0; κ: p_o = p_e = 2/3, so 0.
        // alice–carol: p1, p2 both s/s: no variation. bob–carol: p1 s/s, p2 o/s: α = 1 − 3·2/(2·3·1) = 0, κ 0.
        #expect(result.stdout == [
            "dimension,kind,distance,coder_a,coder_b,units,percent_agreement,krippendorff_alpha,cohen_kappa,undefined",
            "relevance,single,nominal,alice,bob,3,0.6666666666666666,0.0,0.0,",
            "relevance,single,nominal,alice,carol,2,1.0,,,krippendorff_alpha: no variation: every pairable value is 'ser'; "
                + "cohen_kappa: no variation: both coders gave one and the same value throughout",
            "relevance,single,nominal,bob,carol,2,0.5,0.0,0.0,",
        ].map { $0 + "\n" }.joined())
        let json = try run(fixture, ["agree", "--pairs", "--format", "json", "--bootstrap", "0"])
        let report = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let pairs = try #require(report["pairs"] as? [[String: Any]])
        #expect(pairs.count == 9, "3 pairs × 3 dimensions")
        #expect(pairs.first?["coder_a"] as? String == "alice" && pairs.first?["coder_b"] as? String == "bob")
        let markdown = try run(fixture, ["agree", "--pairs", "--format", "markdown", "--bootstrap", "0"])
        #expect(markdown.stdout.contains("| relevance | alice–bob | 3 | 66.7 | 0.000 | 0.000 |"), "\(markdown.stdout)")
    }

    @Test func theMethodsParagraphSaysWhatIsOpenAndCountsOnlyTheCoders() throws {
        let fixture = try adjudicated()
        defer { fixture.remove() }
        // The bootstrap intervals of relevance and dataset are random draws: taken from `agree`.
        let agree = try run(fixture, ["agree", "--format", "json"])
        let report = try #require(JSONSerialization.jsonObject(with: Data(agree.stdout.utf8)) as? [String: Any])
        let dimensions = try #require(report["dimensions"] as? [[String: Any]])
        func interval(_ id: String) -> String {
            let bounds = dimensions.first { $0["id"] as? String == id }?["alpha_ci95"] as? [Double] ?? []
            return bounds.count == 2 ? String(format: "[%.2f, %.2f]", bounds[0], bounds[1]) : "?"
        }
        let result = try run(fixture, ["export", "--format", "methods"])
        #expect(result.status == 0, "\(result.stderr)")
        // languages: o_hh 3, o_gg 2, M = min(25·2, 2·5/2) = 5; every draw agrees, so
        // round(1000 · (0.6⁵ + 0.4⁵)) = 88 replicates count 0 and the rest 1: [0.00, 1.00].
        #expect(result.stdout == "We coded 4 papers of the 4 in the corpus against the codebook “Truth fixture” (version 1; "
            + "SHA-256 content hash `\(fixture.hash.prefix(12))`), with 3 dimensions. "
            + "3 coders (alice, bob and carol) coded the abstracts independently; 4 papers were coded by two or more coders. "
            + "Inter-coder agreement was measured with Krippendorff’s α (nominal distance for single-choice and free-text dimensions, "
            + "MASI distance for multi-select ones), with 95% confidence intervals from 1,000 bootstrap replicates "
            + "(Hayes & Krippendorff 2007; seed 1): Relevance α = 0.00 \(interval("relevance")) (nominal, 3 papers); "
            + "Datasets α = 0.74 \(interval("dataset")) (MASI, 3 papers); Languages α = 1.00 [0.00, 1.00] (nominal, 2 papers). "
            + "Free-text answers were compared after Unicode (NFC) normalisation, case folding and collapsing white space. "
            + "On 3 paper × dimension pairs a coder left the dimension empty while another coder of the paper coded it; "
            + "these empty codings were counted as missing values. "
            + "The consensus coding covers 4 papers: 5 decisions on a paper’s dimension were taken where all coders agreed, "
            + "and 2 were made by an adjudicator (ana). "
            + "Of 6 disagreements (4 of them a dimension some coder left empty), 2 were adjudicated; 4 remain open.\n")
    }

    @Test func theHTMLReportSaysWhatIsOpen() throws {
        let fixture = try adjudicated()
        defer { fixture.remove() }
        let result = try run(fixture, ["export", "--format", "html"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<p class=\"consensus\">Consensus, in paper × dimension decisions: 5 agreed, 2 adjudicated by hand "
            + "(by ana), <strong class=\"open\">4 still open</strong> (of 6 disagreements).</p>"), "\(result.stdout)")
        #expect(result.stdout.contains("<td>Languages</td><td>nominal</td><td class=\"n\">2</td><td class=\"n\">2</td>"))
        for stray in ["eve", "zed"] { #expect(!result.stdout.contains("<td>\(stray)</td>")) }
        #expect(result.stderr.contains("codings/alice.jsonl: warning: 1 coding holds a code the codebook does not have"))
    }

    @Test func aNameTheProjectDoesNotListWritesNothing() throws {
        let fixture = try TruthFixture()
        defer { fixture.remove() }
        let result = try run(fixture, ["set", "p1", "relevance=ser", "--coder", "alcie"])
        #expect(result.status == 64)
        #expect(result.stderr == "error: 'alcie' is not a coder of this project; did you mean 'alice'?\n"
            + "  hint: litcoder.yaml lists the coders under 'coders:' (alice, bob, carol); add 'alcie' there, or pass --new-coder to start a new coder\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("codings/alcie.jsonl").path))
    }
}
