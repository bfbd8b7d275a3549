import Foundation
import Testing

/// Free text and numbers at their edges, through the binary: a value of only white space is
/// no value, a number too small to keep is refused like one too large, every number is
/// written in one canonical form, and a logged number with more digits than a `Double` keeps
/// is reported and compared by its decimal text. Expected values worked out by hand.
@Suite struct ValueCommandTests {
    static let codebook = """
        id: values
        title: Values
        version: "1"
        dimensions:
          - id: relevance
            label: Relevance
            kind: single
            codes:
              - {id: core, label: Core}
              - {id: out, label: Out of scope}
          - id: languages
            label: Languages
            kind: text
          - id: speakers
            label: Speakers
            kind: number

        """

    /// A project of four papers and the codebook above, nobody's codings yet.
    func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-values-\(UUID().uuidString)")
        for dir in ["codebooks", "corpus", "codings"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        try "name: values\ncodebook: codebooks/values.yaml\ncorpus: corpus/papers.jsonl\n"
            .write(to: root.appendingPathComponent("litcoder.yaml"), atomically: true, encoding: .utf8)
        try Self.codebook.write(to: root.appendingPathComponent("codebooks/values.yaml"), atomically: true, encoding: .utf8)
        try (1...4).map { #"{"id":"p\#($0)","title":"Paper \#($0)"}"# }.joined(separator: "\n")
            .appending("\n").write(to: root.appendingPathComponent("corpus/papers.jsonl"), atomically: true, encoding: .utf8)
        return root
    }

    func run(_ arguments: [String], in root: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try LitcoderBinary.run(arguments, in: root)
        return (result.status, result.stdout, result.stderr)
    }

    /// `litcoder set`, which must succeed.
    func set(_ root: URL, _ coder: String, _ paper: String, _ assignments: String...) throws {
        let result = try LitcoderBinary.run(["set", paper] + assignments + ["--coder", coder], in: root)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The events of a coder's log, as JSON objects.
    func events(_ root: URL, _ coder: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: root.appendingPathComponent("codings/\(coder).jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Appends, as a person editing the log by hand would, a `set` of `dimension` to `text`
    /// (next seq, the codebook hash of the log's last line).
    func appendByHand(_ root: URL, _ coder: String, _ paper: String, _ dimension: String, text: String) throws {
        let url = root.appendingPathComponent("codings/\(coder).jsonl")
        let last = try #require(events(root, coder).last)
        let seq = try #require(last["seq"] as? Int), hash = try #require(last["codebook"] as? String)
        let line = try JSONSerialization.data(withJSONObject: [
            "v": 1, "seq": seq + 1, "time": "2026-01-01T00:00:00.000Z", "coder": coder, "paper": paper, "op": "set",
            "dim": dimension, "text": text, "codebook": hash,
        ] as [String: Any], options: [.sortedKeys])
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: line + Data("\n".utf8))
        try handle.close()
    }

    // MARK: Blank text

    /// `set` takes a value of only white space as clearing the dimension, as `DIM=` does, and
    /// says so; the log holds `""`, never the blanks.
    @Test func setTakesABlankValueAsClearing() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        try set(root, "alice", "p1", "relevance=core", "languages=English")
        let cleared = try run(["set", "p1", "languages=   ", "--coder", "alice"], in: root)
        #expect(cleared.status == 0, "\(cleared.stderr)")
        #expect(cleared.stdout == "languages: the value is only white space, so languages is cleared (not coded), as languages= does\n"
            + "p1: saved 1 change for alice (codings/alice.jsonl)\n", "\(cleared.stdout)")
        let last = try #require(events(root, "alice").last)
        #expect(last["dim"] as? String == "languages" && last["text"] as? String == "", "\(last)")
        // Nothing there to clear: nothing written, and still said.
        let again = try run(["set", "p2", "languages=\t ", "speakers= ", "--coder", "alice"], in: root)
        #expect(again.stdout == "languages: the value is only white space, so languages is cleared (not coded), as languages= does\n"
            + "speakers: the value is only white space, so speakers is cleared (not coded), as speakers= does\n"
            + "p2: unchanged (alice)\n", "\(again.stdout)")
        #expect(try events(root, "alice").count == 3)
    }

    /// A log that holds blanks (edited by hand) is read as not coded by every reader.
    /// p1: alice "   ", bob "English": not coded by alice. p2: alice "English", bob " \t ":
    /// not coded by bob. p3: both blank: nothing to compare, nothing agreed.
    @Test func aBlankTextInALogIsNotCodedForEveryReader() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        for coder in ["alice", "bob"] {
            for paper in ["p1", "p2", "p3"] { try set(root, coder, paper, "relevance=core") }
        }
        try set(root, "bob", "p1", "languages=English")
        try set(root, "alice", "p2", "languages=English")
        try appendByHand(root, "alice", "p1", "languages", text: "   ")
        try appendByHand(root, "bob", "p2", "languages", text: " \t ")
        try appendByHand(root, "alice", "p3", "languages", text: "  ")
        try appendByHand(root, "bob", "p3", "languages", text: " ")

        let disagreements = try run(["disagreements", "--dimension", "languages"], in: root)
        #expect(disagreements.stdout == """
            p1  languages  (not coded by alice)  Paper 1
              alice  (not coded)
              bob    "English"

            p2  languages  (not coded by bob)  Paper 2
              alice  "English"
              bob    (not coded)

            2 disagreements among alice, bob (2 not coded by a coder who coded the paper)

            """, "\(disagreements.stdout)")

        let agree = try run(["agree", "--dimension", "languages", "--format", "json", "--bootstrap", "0"], in: root)
        let report = try #require(JSONSerialization.jsonObject(with: Data(agree.stdout.utf8)) as? [String: Any])
        let languages = try #require((report["dimensions"] as? [[String: Any]])?.first)
        // No paper has two values: no unit, no pairable value; p1 and p2 are not coded by one.
        #expect(languages["units"] as? Int == 0 && languages["pairable_values"] as? Int == 0, "\(languages)")
        #expect(languages["not_coded"] as? Int == 2, "\(languages)")

        let consensus = try run(["consensus", "--auto-agreed", "--adjudicator", "lee"], in: root)
        #expect(consensus.status == 0, "\(consensus.stderr)")
        let decided = try events(root, "_consensus")
        #expect(decided.count == 3 && decided.allSatisfy { $0["dim"] as? String == "relevance" }, "\(decided)")

        let csv = try run(["export", "--format", "csv", "--coder", "alice"], in: root)
        #expect(csv.stdout == [
            "id,title,year,doi,relevance,languages,speakers,note,flagged,done",
            "p1,Paper 1,,,core,,,,0,0", "p2,Paper 2,,,core,English,,,0,0", "p3,Paper 3,,,core,,,,0,0", "p4,Paper 4,,,,,,,0,0",
        ].map { $0 + "\r\n" }.joined(), "\(csv.stdout)")
        let long = try run(["export", "--format", "csv-long", "--coder", "bob"], in: root)
        #expect(long.stdout == "paper,coder,dimension,code,evidence\r\np1,bob,relevance,core,\r\np1,bob,languages,English,\r\n"
            + "p2,bob,relevance,core,\r\np3,bob,relevance,core,\r\n", "\(long.stdout)")
        let show = try run(["show", "p1", "--coder", "alice"], in: root)
        #expect(show.stdout.contains("  languages: —\n"), "\(show.stdout)")
        let validate = try run(["validate"], in: root)
        #expect(!validate.stdout.contains("languages") && !validate.stderr.contains("languages"), "\(validate.stdout)\(validate.stderr)")
    }

    /// `codings import` refuses a text of only white space as it refuses an empty one.
    @Test func codingsImportRefusesABlankText() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        try "paper,coder,dimension,code\np1,alice,relevance,core\np1,alice,languages,   \n"
            .write(to: root.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let result = try run(["codings", "import", "in.csv", "--coder", "alice"], in: root)
        #expect(result.status != 0)
        #expect(result.stderr.contains("in.csv:3: error: the text for 'languages' is empty (only white space)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("codings/alice.jsonl").path))
    }

    // MARK: Numbers

    /// A number whose magnitude is below 1e-300 is refused as one above 1e300 is, whether it
    /// would read as a tiny `Double` or underflow to 0; a zero written any way is 0.
    @Test(arguments: [
        ("1e-400", "too small"), ("-2.5e-301", "too small"), ("0.1e-300", "too small"), ("1e400", "too large"),
    ])
    func aNumberOutsideTheMagnitudesIsRefused(_ typed: String, _ size: String) throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(["set", "p1", "speakers=\(typed)", "--coder", "alice"], in: root)
        #expect(result.status == 64)
        #expect(result.stderr == "error: '\(typed)' is \(size) for litcoder to keep exactly; "
            + "a number is 0 or of a magnitude between 1e-300 and 1e300\n", "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("codings/alice.jsonl").path))
        try "paper,coder,dimension,code\np1,alice,speakers,\(typed)\n"
            .write(to: root.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let imported = try run(["codings", "import", "in.csv", "--coder", "alice"], in: root)
        #expect(imported.status != 0)
        #expect(imported.stderr.contains("in.csv:2: error: '\(typed)' is \(size) for litcoder to keep exactly"), "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("codings/alice.jsonl").path))
    }

    @Test func zeroWrittenWithAnExponentIsZero() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        try set(root, "alice", "p1", "speakers=-0.00e-400")
        #expect(try events(root, "alice").last?["text"] as? String == "0")
    }

    /// One form for every number: plain digits from 1e-6 up to below 1e15, beyond that the
    /// digits with `e` and the power of ten (no `+`, no leading zeros).
    @Test(arguments: [
        ("1e15", "1e15"), ("1000000000000000", "1e15"), ("1e16", "1e16"), ("-1.5e-7", "-1.5e-7"),
        ("-0.00000015", "-1.5e-7"), ("123456789012345", "123456789012345"), ("999999999999999", "999999999999999"),
        ("0.000001", "0.000001"), ("0.0000001", "1e-7"), ("12345678901234.5", "12345678901234.5"), ("2.50E+3", "2500"),
        ("1e300", "1e300"), ("2.5e299", "2.5e299"), ("1e-300", "1e-300"), ("3.0", "3"), ("-0", "0"), ("+.5", "0.5"), ("120e-2", "1.2"),
    ])
    func aNumberIsWrittenInItsCanonicalForm(_ typed: String, _ stored: String) throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        try set(root, "alice", "p1", "speakers=\(typed)")
        #expect(try events(root, "alice").last?["text"] as? String == stored)
        let csv = try run(["export", "--format", "csv-long", "--coder", "alice"], in: root)
        #expect(csv.stdout == "paper,coder,dimension,code,evidence\r\np1,alice,speakers,\(stored),\r\n", "\(csv.stdout)")
        let summary = try run(["summary", "--coder", "alice"], in: root)
        #expect(summary.stdout.contains("min \(stored), median \(stored), max \(stored)"), "\(summary.stdout)")
    }

    /// Numbers written into logs by hand: p1 holds two 18-digit numbers one apart (one `Double`
    /// apart from nothing), p2 `1e16` and `10000000000000000` (one number), p3 an old
    /// `1000000000000000.0` and `1e15` (one number). `validate` names the 18-digit ones by
    /// FILE:LINE; they never agree; the others do, and the consensus holds the canonical form.
    @Test func numbersWrittenByHandAreReportedAndComparedByTheirDecimals() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        for coder in ["alice", "bob"] { try set(root, coder, "p1", "relevance=core") }
        for (paper, alice, bob) in [("p1", "123456789012345678", "123456789012345679"), ("p2", "1e16", "10000000000000000"),
                                    ("p3", "1000000000000000.0", "1e15")] {
            try appendByHand(root, "alice", paper, "speakers", text: alice)
            try appendByHand(root, "bob", paper, "speakers", text: bob)
        }
        let validate = try run(["validate"], in: root)
        let out = validate.stdout + validate.stderr
        // Line 2 of each log: the first line is `relevance`.
        #expect(out.contains("codings/alice.jsonl:2: warning: paper 'p1', speakers: '123456789012345678' has 18 significant digits; "
            + "litcoder keeps a number exactly up to 15"), "\(out)")
        #expect(out.contains("codings/bob.jsonl:2: warning: paper 'p1', speakers: '123456789012345679' has 18 significant digits"), "\(out)")
        #expect(!out.contains("'1e16'") && !out.contains("'10000000000000000'") && !out.contains("1000000000000000.0"), "\(out)")

        let disagreements = try run(["disagreements", "--dimension", "speakers"], in: root)
        #expect(disagreements.stdout == """
            p1  speakers  Paper 1
              alice  1.23456789012345678e17
              bob    1.23456789012345679e17

            1 disagreement among alice, bob

            """, "\(disagreements.stdout)")
        let agree = try run(["agree", "--dimension", "speakers", "--format", "json", "--bootstrap", "0"], in: root)
        let report = try #require(JSONSerialization.jsonObject(with: Data(agree.stdout.utf8)) as? [String: Any])
        let speakers = try #require((report["dimensions"] as? [[String: Any]])?.first)
        // 3 units, 2 agree: 2/3.
        #expect(abs((speakers["percent_agreement"] as? Double ?? 0) - 2.0 / 3) < 1e-12, "\(speakers)")

        let consensus = try run(["consensus", "--auto-agreed", "--adjudicator", "lee"], in: root)
        #expect(consensus.status == 0, "\(consensus.stderr)")
        let decided = try events(root, "_consensus").filter { $0["dim"] as? String == "speakers" }
        #expect(decided.map { "\($0["paper"] ?? "")=\($0["text"] ?? "")" } == ["p2=1e16", "p3=1e15"], "\(decided)")
    }

    // MARK: The consensus keeps an agreed text tidied

    /// " ENGLISH  and Hebrew " and "english and hebrew" agree; the consensus keeps the first
    /// coder's wording without the blanks around it and with one space between words.
    @Test func anAgreedTextIsKeptWithoutItsSurroundingBlanks() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        try set(root, "alice", "p1", "languages= ENGLISH  and\tHebrew ")
        try set(root, "bob", "p1", "languages=english and hebrew")
        let consensus = try run(["consensus", "--auto-agreed", "--adjudicator", "lee"], in: root)
        #expect(consensus.status == 0, "\(consensus.stderr)")
        let decided = try #require(events(root, "_consensus").first)
        #expect(decided["text"] as? String == "ENGLISH and Hebrew", "\(decided)")
        #expect(decided["sources"] as? [String] == ["alice", "bob"])
    }
}
