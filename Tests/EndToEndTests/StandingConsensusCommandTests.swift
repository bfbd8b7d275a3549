import Foundation
import LitCoderCore
import Testing

/// An automatic decision the coders no longer agree on is open in every reader of the
/// consensus, not only in the note: the exports of every format, `summary`, `prisma`,
/// `export --where`, `status`, the methods paragraph and the HTML report.
@Suite struct StandingConsensusCommandTests {
    /// Maya and Jon code p1 and p2 `relevance=ser-core`; the consensus takes both
    /// automatically; then Jon recodes p1 `out-of-scope`. So p1's relevance is an open
    /// disagreement (its automatic decision no longer stands) and p2's an agreement held.
    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-standing-\(UUID().uuidString)")
        #expect(try LitcoderBinary.run(["init", root.path, "--empty"]).status == 0)
        try "@article{p1, title={Paper one}, year={2020}, abstract={One.}}\n@article{p2, title={Paper two}, year={2021}, abstract={Two.}}\n"
            .write(to: root.appendingPathComponent("refs.bib"), atomically: true, encoding: .utf8)
        #expect(try LitcoderBinary.run(["import", "refs.bib"], in: root).status == 0)
        for coder in ["maya", "jon"] {
            for paper in ["p1", "p2"] {
                #expect(try LitcoderBinary.run(["set", paper, "relevance=ser-core", "--coder", coder], in: root).status == 0)
            }
        }
        let built = try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "ana"], in: root)
        #expect(built.stdout.hasPrefix("codings/_consensus.jsonl: added 2 agreed decisions"), "\(built.stdout)\(built.stderr)")
        #expect(try LitcoderBinary.run(["set", "p1", "relevance=out-of-scope", "--coder", "jon"], in: root).status == 0)
        return root
    }

    static let note = "note: consensus: 1 agreed, 0 adjudicated by hand, 1 open (of 1 disagreement); "
        + "1 automatic decision the coders no longer agree on ('litcoder consensus --auto-agreed' withdraws it); "
        + "'litcoder review' decides the open ones\n"

    @Test func everyExportFormatShowsTheOpenDisagreementAsNotCoded() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }

        let wide = try LitcoderBinary.run(["export", "--format", "csv", "--consensus"], in: root)
        #expect(wide.status == 0)
        #expect(wide.stderr == Self.note)
        let rows = wide.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(rows.first?.firstIndex(of: "relevance"))
        #expect(rows.first { $0.first == "p1" }?[column] == "")
        #expect(rows.first { $0.first == "p2" }?[column] == "ser-core")

        let long = try LitcoderBinary.run(["export", "--format", "csv-long", "--consensus"], in: root)
        #expect(long.stdout == "paper,coder,dimension,code,evidence\r\np2,_consensus,relevance,ser-core,\r\n")
        #expect(long.stderr == Self.note)

        let lines = try LitcoderBinary.run(["export", "--format", "jsonl", "--consensus"], in: root)
        #expect(lines.stderr == Self.note)
        let papers = try lines.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        func codes(_ index: Int) -> [String: [String]]? {
            ((papers[index]["codings"] as? [String: Any])?["_consensus"] as? [String: Any])?["codes"] as? [String: [String]]
        }
        #expect(papers.count == 2)
        #expect(codes(0) == [:], "p1's automatic decision no longer stands")
        #expect(codes(1) == ["relevance": ["ser-core"]])

        let qdpx = try LitcoderBinary.run(["export", "--format", "qdpx", "--consensus", "-o", "c.qdpx"], in: root)
        #expect(qdpx.status == 0)
        #expect(qdpx.stderr == Self.note + "wrote c.qdpx (qdpx, \(try Data(contentsOf: root.appendingPathComponent("c.qdpx")).count) bytes)\n")
    }

    @Test func summaryPrismaAndTheBibliographyCountItOpen() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }

        let summary = try LitcoderBinary.run(["summary", "--consensus"], in: root)
        #expect(summary.stdout.contains("Relevance (relevance): 1 of 2 papers coded, 1 open, 0 not coded\n"), "\(summary.stdout)")
        #expect(summary.stderr == Self.note)

        let prisma = try LitcoderBinary.run(["prisma", "--format", "json"], in: root)
        let flow = try #require(try JSONSerialization.jsonObject(with: Data(prisma.stdout.utf8)) as? [String: Any])
        #expect(flow["screened"] as? Int == 1)
        #expect(flow["included"] as? Int == 1)
        #expect(flow["awaiting"] as? Int == 1)
        #expect(prisma.stderr == Self.note)

        let bibtex = try LitcoderBinary.run(["export", "--format", "bibtex", "--consensus", "--where", "relevance=ser-core"], in: root)
        #expect(bibtex.status == 0)
        #expect(bibtex.stdout.hasPrefix("@misc{p2,"), "\(bibtex.stdout)")
        #expect(!bibtex.stdout.contains("p1"))
        #expect(bibtex.stderr == Self.note + "note: 1 of 2 papers coded so by the consensus\n")
    }

    @Test func statusTheMethodsAndTheHTMLReportCountItOpen() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }

        let status = try LitcoderBinary.run(["status"], in: root)
        #expect(status.stdout.contains("_consensus       2    1/2     0        0  ok\n"), "\(status.stdout)")
        #expect(status.stdout.contains("  1 agreed, 0 adjudicated by hand, 1 open (of 1 disagreement)\n"))

        let methods = try LitcoderBinary.run(["export", "--format", "methods"], in: root)
        #expect(methods.stdout.contains("The consensus coding covers 1 paper: 1 decision on a paper\u{2019}s dimension was taken "
            + "where all coders agreed, and 0 were made by an adjudicator. Of 1 disagreement, none was adjudicated; 1 remains open."),
            "\(methods.stdout)")

        let html = try LitcoderBinary.run(["export", "--format", "html"], in: root)
        #expect(html.stdout.contains("<td>consensus</td><td class=\"n\">1</td>"), "the consensus row counts the papers it decides")
        #expect(html.stdout.contains("1 agreed, 0 adjudicated by hand, <strong class=\"open\">1 still open</strong> (of 1 disagreement)"))
        #expect(html.stderr == Self.note)

        // Withdrawing the outdated decision changes no reader: it was already open.
        let withdrawn = try LitcoderBinary.run(["consensus", "--auto-agreed", "--adjudicator", "ana"], in: root)
        #expect(withdrawn.stdout == "codings/_consensus.jsonl: added 0 agreed decisions (1 of 1 agreements already there); "
            + "withdrew 1 automatic decision the coders no longer agree on; 1 disagreement left for 'litcoder review'\n")
        let after = try LitcoderBinary.run(["export", "--format", "csv-long", "--consensus"], in: root)
        #expect(after.stdout == "paper,coder,dimension,code,evidence\r\np2,_consensus,relevance,ser-core,\r\n")
        #expect(after.stderr == "note: consensus: 1 agreed, 0 adjudicated by hand, 1 open (of 1 disagreement); 'litcoder review' decides the open ones\n")
    }
}
