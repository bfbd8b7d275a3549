import Foundation
import Testing

/// Quotes in every output that reports codings: csv-long, jsonl, the HTML report and
/// `mismatches`, through the built binary.
///
/// p1's abstract is "We screen for depression in clinics. Models are trained on IEMOCAP, an acted
/// corpus."; Python's `str.find` gives "screen for depression" 3–24, "in clinics" 25–35 and
/// "trained on IEMOCAP," 48–67, hashlib its SHA-256 below. Healthcare needs clinical data and
/// IEMOCAP provides acted speech, so p1 is mismatched.
@Suite struct EvidenceExportCommandTests {
    static let hash = "cbb647bf1d94f315075e114aa2cc86a978ccf0c7d0149f7b5d6bad9c98d180a9"

    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-evidence-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try """
            id: ex
            title: Export evidence
            version: "1"
            dimensions:
              - id: motivation
                label: Motivation
                kind: multi
                codes:
                  - {id: healthcare, label: Healthcare, definition: Health., needs: [clinical]}
                  - {id: hci, label: HCI, definition: Interaction.}
              - id: dataset
                label: Dataset
                kind: multi
                codes:
                  - {id: iemocap, label: IEMOCAP, definition: Acted., provides: [acted]}
                  - {id: cemo, label: CEMO, definition: Clinical., provides: [clinical]}
            alignments:
              - {id: motivation-data, label: Motivation vs data, from: motivation, to: dataset}

            """.write(to: root.appendingPathComponent("cb.yaml"), atomically: true, encoding: .utf8)
        try """
            {"id":"p1","title":"Depression, screened","year":2021,"abstract":"We screen for depression in clinics. Models are trained on IEMOCAP, an acted corpus."}
            {"id":"p2","title":"Other","year":2020,"abstract":"Nothing here."}

            """.write(to: root.appendingPathComponent("papers.jsonl"), atomically: true, encoding: .utf8)
        let made = try LitcoderBinary.run(["init", "proj", "--codebook", "cb.yaml", "--corpus", "papers.jsonl"], in: root)
        #expect(made.status == 0, "\(made.stderr)")
        let project = root.appendingPathComponent("proj")
        for arguments in [
            ["evidence", "p1", "motivation", "healthcare", "screen for depression"],
            ["evidence", "p1", "motivation", "healthcare", "in clinics"],
            ["evidence", "p1", "dataset", "iemocap", "trained on IEMOCAP,"],
            ["set", "p2", "motivation=hci"],
        ] {
            let result = try LitcoderBinary.run(arguments + ["--coder", "alice"], in: project)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return project
    }

    @Test func everyOutputCarriesTheQuotes() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        func run(_ arguments: [String]) throws -> String {
            let result = try LitcoderBinary.run(arguments + ["--coder", "alice"], in: project)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }

        #expect(try run(["export", "--format", "csv-long"]) == """
            paper,coder,dimension,code,evidence\r
            p1,alice,motivation,healthcare,screen for depression | in clinics\r
            p1,alice,dataset,iemocap,"trained on IEMOCAP,"\r
            p2,alice,motivation,hci,\r

            """)

        let first = try #require(try run(["export", "--format", "jsonl"]).split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let alice = try #require((object["codings"] as? [String: Any])?["alice"] as? [String: Any])
        let evidence = try #require(alice["evidence"] as? [String: [String: [[String: Any]]]])
        let healthcare = try #require(evidence["motivation"]?["healthcare"])
        #expect(healthcare.map { [$0["start"] as? Int, $0["end"] as? Int] } == [[3, 24], [25, 35]])
        #expect(healthcare.map { $0["quote"] as? String } == ["screen for depression", "in clinics"])
        #expect(healthcare.allSatisfy { $0["hash"] as? String == Self.hash && $0["field"] as? String == "abstract" })
        let iemocap = try #require(evidence["dataset"]?["iemocap"]?.first)
        #expect(iemocap["start"] as? Int == 48 && iemocap["end"] as? Int == 67 && iemocap["quote"] as? String == "trained on IEMOCAP,")

        let json = try run(["export", "--format", "json"])
        #expect(json.contains(#""quote" : "in clinics""#) || json.contains(#""quote":"in clinics""#), "\(json)")

        let html = try run(["export", "--format", "html"])
        #expect(html.contains("<td>healthcare needs clinical — the dataset codes provide acted<ul class=\"evidence\">"
            + "<li><span class=\"code\">Motivation: Healthcare</span> <q>screen for depression</q></li>"
            + "<li><span class=\"code\">Motivation: Healthcare</span> <q>in clinics</q></li>"
            + "<li><span class=\"code\">Dataset: IEMOCAP</span> <q>trained on IEMOCAP,</q></li></ul></td>"), "\(html)")

        #expect(try run(["mismatches"]) == """
            Mismatches for coder:alice — 1 paper

            p1 (2021)  Depression, screened
                motivation-data: healthcare needs clinical — the dataset codes provide acted
                  motivation healthcare: “screen for depression” (abstract 3–24)
                  motivation healthcare: “in clinics” (abstract 25–35)
                  dataset iemocap: “trained on IEMOCAP,” (abstract 48–67)

            """)
        #expect(try run(["mismatches", "--format", "csv"]) == """
            scope,alignment,paper,year,title,code,needs,unmet,provided,to_codes,code_evidence,to_evidence\r
            coder:alice,motivation-data,p1,2021,"Depression, screened",healthcare,clinical,clinical,acted,iemocap,screen for depression | in clinics,"iemocap: trained on IEMOCAP,"\r

            """)
    }
}
