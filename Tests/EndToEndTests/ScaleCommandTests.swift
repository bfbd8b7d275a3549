import Foundation
import Testing

/// An ordered scale and a number dimension, coded with `set` and read back by `agree`,
/// `summary` and `export`, against values worked out by hand.
@Suite struct ScaleCommandTests {
    static let codebook = """
        id: scales
        title: Scales
        version: "1"
        dimensions:
          - id: concreteness
            label: Use case concreteness
            kind: single
            ordered: true
            codes:
              - {id: none, label: No use case}
              - {id: domain, label: A domain}
              - {id: scenario, label: A scenario}
              - {id: evaluated, label: Evaluated in it}
          - id: speakers
            label: Speakers
            kind: number
            min: 1

        """

    func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-scales-\(UUID().uuidString)")
        for dir in ["codebooks", "corpus", "codings"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        try "name: scales\ncodebook: codebooks/scales.yaml\ncorpus: corpus/papers.jsonl\n"
            .write(to: root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        try Self.codebook.write(to: root.appendingPathComponent("codebooks/scales.yaml"), atomically: true, encoding: .utf8)
        try (1...4).map { #"{"id":"p\#($0)","title":"Paper \#($0)"}"# }.joined(separator: "\n")
            .appending("\n").write(to: root.appendingPathComponent("corpus/papers.jsonl"), atomically: true, encoding: .utf8)
        // alice: none, domain, scenario, evaluated; 10, 24, 2, 100. bob: none, scenario, scenario, evaluated; 10, 20, 2.0, 90.
        let codings = [
            "alice": [("none", "10"), ("domain", "24"), ("scenario", "2"), ("evaluated", "100")],
            "bob": [("none", "10"), ("scenario", "20"), ("scenario", "2.0"), ("evaluated", "90")],
        ]
        for (coder, values) in codings {
            for (i, value) in values.enumerated() {
                let set = try LitcoderBinary.run(["set", "p\(i + 1)", "concreteness=\(value.0)", "speakers=\(value.1)", "--coder", coder], in: root)
                #expect(set.status == 0, "\(set.stderr)")
            }
        }
        return root
    }

    /// `disagreements` prints numbers as numbers: p2 (24, 20) and p4 (100, 90) differ; p1 (10,
    /// 10) and p3 (2, 2.0) agree.
    @Test func disagreementsPrintNumbersAsNumbers() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try LitcoderBinary.run(["disagreements", "--dimension", "speakers"], in: root)
        #expect(result.stdout == """
            p2  speakers  Paper 2
              alice  24
              bob    20

            p4  speakers  Paper 4
              alice  100
              bob    90

            2 disagreements among alice, bob

            """, "\(result.stdout)")
    }

    /// A number litcoder cannot keep exactly is refused with what to do, and nothing is written.
    @Test func aNumberBeyondFifteenDigitsIsRefused() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let log = root.appendingPathComponent("codings/alice.jsonl")
        let before = try String(contentsOf: log, encoding: .utf8)
        let result = try LitcoderBinary.run(["set", "p1", "speakers=123456789012345678", "--coder", "alice"], in: root)
        #expect(result.status == 64)
        #expect(result.stderr == "error: '123456789012345678' has 18 significant digits; litcoder keeps a number exactly "
            + "up to 15 (round it, e.g. to 1.23456789012346e17)\n", "\(result.stderr)")
        #expect(try String(contentsOf: log, encoding: .utf8) == before)
    }

    @Test func agreeGivesOrdinalAndIntervalAlpha() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try LitcoderBinary.run(["agree", "--format", "json", "--bootstrap", "0"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let dimensions = try #require(report["dimensions"] as? [[String: Any]])
        let scale = try #require(dimensions.first), speakers = try #require(dimensions.last)
        #expect(scale["distance"] as? String == "ordinal" && scale["ordered"] as? Bool == true)
        // n: none 2, domain 1, scenario 3, evaluated 2 (n = 8). Only p2 differs (domain/scenario):
        // δ² = (1 + 3 − 2)² = 4, D_o = 8/8. Σ_{c≠k} n_c n_k δ² = 2·(2·2.25 + 6·12.25 + 4·36 + 3·4
        // + 2·20.25 + 6·6.25) = 624, D_e = 624/56: α = 1 − 56/624 = 71/78.
        #expect(abs((scale["krippendorff_alpha"] as? Double ?? 0) - 71.0 / 78) < 1e-12)
        // κ: p_o = 3/4, p_e = 1/16 + 2/16 + 1/16: (3/4 − 1/4)/(3/4) = 2/3.
        #expect(abs((scale["cohen_kappa"] as? Double ?? 0) - 2.0 / 3) < 1e-12)
        #expect(speakers["kind"] as? String == "number" && speakers["distance"] as? String == "interval")
        // Values 10,10 | 24,20 | 2,2 | 100,90: D_o = (2·16 + 2·100)/8 = 29; Σ_{i≠j}(x_i − x_j)² =
        // 2·8·19284 − 2·258² = 175416, D_e = 175416/56: α = 1 − 1624/175416 = 21724/21927.
        #expect(abs((speakers["krippendorff_alpha"] as? Double ?? 0) - 21724.0 / 21927) < 1e-12)
        #expect(abs((speakers["percent_agreement"] as? Double ?? 0) - 0.5) < 1e-12, "2 and 2.0 are one number")
        let undefined = try #require(speakers["undefined"] as? [String: String])
        #expect(undefined["cohen_kappa"] == "n/a: number dimension (interval α measures it)")
    }

    @Test func summaryAndExportTreatTheNewKindsLikeTheOthers() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let summary = try LitcoderBinary.run(["summary", "--coder", "alice"], in: root)
        #expect(summary.status == 0, "\(summary.stderr)")
        // Speakers 2, 10, 24, 100: median (10 + 24)/2, mean 136/4.
        #expect(summary.stdout.hasSuffix("""
            Use case concreteness (concreteness): 4 of 4 papers coded
              code       label            papers
              ---------  ---------------  ------
              none       No use case           1
              domain     A domain              1
              scenario   A scenario            1
              evaluated  Evaluated in it       1

            Speakers (speakers): 4 of 4 papers coded
              min 2, median 17, max 100, mean 34.00

            """), "\(summary.stdout)")
        // JSON and CSV print the numbers as every number is printed: 17, not 17.0.
        let json = try LitcoderBinary.run(["summary", "--coder", "alice", "--format", "json"], in: root).stdout
        for pair in [#""min": 2,"#, #""median": 17,"#, #""max": 100,"#, #""mean": 34"#] {
            #expect(json.contains(pair), "\(pair) in \(json)")
        }
        #expect(!json.contains(".0"), "\(json)")
        let table = try LitcoderBinary.run(["summary", "--coder", "alice", "--format", "csv"], in: root).stdout
        #expect(table.hasSuffix("coder:alice,number,speakers,,min,2\r\ncoder:alice,number,speakers,,median,17\r\n"
            + "coder:alice,number,speakers,,max,100\r\ncoder:alice,number,speakers,,mean,34\r\n"), "\(table)")
        let csv = try LitcoderBinary.run(["export", "--format", "csv", "--coder", "bob"], in: root)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == [
            "id,title,year,doi,concreteness,speakers,note,flagged,done",
            "p1,Paper 1,,,none,10,,0,0", "p2,Paper 2,,,scenario,20,,0,0", "p3,Paper 3,,,scenario,2,,0,0",
            "p4,Paper 4,,,evaluated,90,,0,0",
        ].map { $0 + "\r\n" }.joined(), "bob's 2.0 is written as 2")
        let long = try LitcoderBinary.run(["export", "--format", "csv-long", "--coder", "bob"], in: root)
        #expect(long.stdout.hasPrefix("paper,coder,dimension,code,evidence\r\np1,bob,concreteness,none,\r\np1,bob,speakers,10,\r\n"), "\(long.stdout)")
        // What csv-long writes, codings import reads back: the numbers included.
        try long.stdout.replacingOccurrences(of: ",bob,", with: ",carol,")
            .write(to: root.appendingPathComponent("bob.csv"), atomically: true, encoding: .utf8)
        let imported = try LitcoderBinary.run(["codings", "import", "bob.csv", "--coder", "carol"], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        let again = try LitcoderBinary.run(["export", "--format", "csv", "--coder", "carol"], in: root)
        #expect(again.stdout == csv.stdout)
        let refused = try LitcoderBinary.run(["set", "p1", "speakers=0", "--coder", "bob"], in: root)
        #expect(refused.status == 64)
        #expect(refused.stderr == "error: 0 is below speakers's minimum, 1\n")
    }
}
