import Foundation
import Testing
@testable import LitCoderCore

@Suite struct PaperLineParserTests {
    private func parse(_ text: String) -> Result<PaperLineParser.Record, PaperLineParser.Failure> {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            Result { () throws(PaperLineParser.Failure) in try PaperLineParser.parse(UnsafeBufferPointer(buffer)) }
        }
    }

    /// Lines that are valid records, and a field of the paper they must give.
    @Test(arguments: [
        (#"{"id":"a","title":"caf\u00e9"}"#, "café"),
        (#"{"id":"a","title":"\ud83d\ude00 smile"}"#, "😀 smile"),
        (#"{"id":"a","title":"a\/b \"q\" \\ \b\f\n\r\t"}"#, "a/b \"q\" \\ \u{08}\u{0C}\n\r\t"),
        (#"  { "id" : "a" , "title" : "spaced" }  "#, "spaced"),
        (#"{"title":"first","id":"a","title":"last wins"}"#, "last wins"),
        (#"{"id":"a","title":"T","extra":{"nested":[1,-2.5e3,true,false,null,{"k":"v"}]}}"#, "T"),
        (#"{"id":"a","title":"Ünïcödé ✓ 中文"}"#, "Ünïcödé ✓ 中文"),
    ])
    func validLinesGiveTheirTitle(line: String, title: String) throws {
        let record = try parse(line).get()
        #expect(record.paper.id == "a")
        #expect(record.paper.title == title)
    }

    @Test(arguments: [("2021", 2021), ("-44", -44), ("2021.0", 2021), ("2.021e3", 2021), ("0", 0)])
    func yearsAreWholeNumbersInAnyJSONForm(text: String, year: Int) throws {
        #expect(try parse(#"{"id":"a","title":"T","year":\#(text)}"#).get().paper.year == year)
    }

    @Test func yearsAndListsAndNulls() throws {
        let record = try parse(#"{"id":"a","title":"T","year":-44,"authors":[],"keywords":["x","y"],"venue":null,"bogus":1,"bogus":2}"#).get()
        #expect(record.paper.year == -44)
        #expect(record.paper.authors.isEmpty)
        #expect(record.paper.keywords == ["x", "y"])
        #expect(record.paper.venue == nil)
        #expect(record.unknownKeys == ["bogus"])
    }

    /// Lines that are not records: the words of the message and the column (bytes, from 1).
    @Test(arguments: [
        (#"{"id":"a","title":"T"} x"#, "unexpected text after the object", 24),
        (#"{"id":"a","title":"T",}"#, "expected a key in double quotes, found '}'", 23),
        (#"{"id":"a" "title":"T"}"#, "expected ',' or '}', found '\"'", 11),
        (#"{"id":"a","title":"bad \q escape"}"#, "invalid escape '\\q'", 24),
        (#"{"id":"a","title":"\ud83d alone"}"#, "unpaired surrogate", 20),
        (#"{"id":"a","title":"\ude00"}"#, "unpaired surrogate", 20),
        (#"{"id":"a","title":"\u12G4"}"#, "four hex digits expected", 20),
        (#"{"id":"a","title":"T","year":2021.5}"#, #""year" should be a whole number"#, 30),
        (#"{"id":"a","title":"T","year":"2021"}"#, #""year" should be a whole number"#, 30),
        (#"{"id":"a","title":"T","year":99999999999999999999}"#, #""year" is too large"#, 30),
        (#"{"id":"a","title":"T","x":tru}"#, "invalid value", 27),
        (#"{"id":"a","title":"T","x":01.}"#, "invalid number", 27),
        (#"{"id":"a","title":"T","x":@}"#, "expected a value, found '@'", 27),
        (#"{"id":"a","title":"T","authors":["ok",null]}"#, #""authors[1]" should be a string"#, 39),
        (#"{"id":"a","title":["T"]}"#, #""title" should be a string"#, 19),
        (#"{}"#, #"missing "id""#, nil),
        (#"x"#, "expected '{' (each line is one JSON object), found 'x'", 1),
    ] as [(String, String, Int?)])
    func brokenLinesAreNamed(line: String, words: String, column: Int?) {
        guard case .failure(let failure) = parse(line) else {
            Issue.record("parsed a broken line: \(line)")
            return
        }
        #expect(failure.message.contains(words), "\(failure.message)")
        #expect(failure.column == column, "\(failure.message)")
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(let failure) = parse(#"{"id":"a","title":"T","x":\#(deep)}"#) else {
            Issue.record("accepted 100,000 levels of nesting")
            return
        }
        #expect(failure.message.contains("nested more than"))
    }

    @Test func unterminatedStringsAndLinesEndCleanly() {
        for line in [#"{"id":"a"#, #"{"id":"a\"#, #"{"id":"a\u00"#, #"{"id":"#, #"{"id":"a","title":"T","x":[1,"#, "{"] {
            guard case .failure(let failure) = parse(line) else {
                Issue.record("parsed \(line)")
                continue
            }
            #expect(failure.message.contains("ends before the object is closed"), "\(line): \(failure.message)")
        }
    }

    /// The parser must read every line exactly as Foundation's JSONDecoder does.
    @Test func agreesWithJSONDecoderOnTheSampleAndTheWritersOutput() throws {
        let sampleLines = try String(contentsOf: SampleFiles.corpus, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let writerLines = [CorpusWriterTests.full, Paper(id: "ctl", title: "\u{7F}\u{08}\u{0C}\r\u{2028}")].map(PaperJSONLine.encode)
        let foreignLines = [
            #"{"source":"x","keywords":[],"abstract":"a\u0009b","title":"\u00C9t\u00E9","id":"z","year":1999}"#,
        ]
        for line in sampleLines + writerLines + foreignLines {
            let expected = try JSONDecoder().decode(Paper.self, from: Data(line.utf8))
            let parsed = try parse(line).get().paper
            #expect(parsed == expected, "\(line.prefix(60))")
        }
    }
}

/// Random damage to real lines: the parser must never crash, and must accept exactly the lines
/// Foundation accepts (JSONSerialization for syntax, JSONDecoder for types), reading them the same way.
@Suite struct PaperLineParserMutationTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet = Array(#"{}[]":,\ nulltruefalse0123456789-.eEu"abc\"#.utf8) + [0x09, 0x0A, 0x00, 0xC3, 0xA9]

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func damagedLinesAreJudgedLikeJSONDecoder(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let lines = try String(contentsOf: SampleFiles.corpus, encoding: .utf8).split(separator: "\n")
            .map { Array($0.utf8.prefix(400)) + Array(#"","title":"t"}"#.utf8) }
        var disagreements: [String] = []
        for _ in 0..<3_000 {
            var bytes = lines[Int.random(in: 0..<lines.count, using: &random)]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(Self.alphabet.randomElement(using: &random) ?? 0x20, at: at)
                default: bytes[at] = Self.alphabet.randomElement(using: &random) ?? 0x20
                }
            }
            // The loader rejects invalid UTF-8 before parsing; only valid text reaches the parser.
            guard String(validating: bytes, as: UTF8.self) != nil else { continue }
            let parsed = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(PaperLineParser.Failure) in try PaperLineParser.parse(buffer).paper }
            }
            // JSONDecoder does not look inside strings it never decodes (the values of unknown
            // keys), so strict syntax is judged by JSONSerialization and types by JSONDecoder.
            let strictlyValid = (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil
            let decoded = strictlyValid ? try? JSONDecoder().decode(Paper.self, from: Data(bytes)) : nil
            let ours = try? parsed.get()
            if ours != decoded, !Self.isKnownDifference(bytes) {
                disagreements.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(3))")
    }

    /// JSON the two readers may legitimately judge differently: a key written twice (which
    /// value wins is unspecified by RFC 8259).
    static func isKnownDifference(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return PaperLineParser.knownKeys.contains { key in text.components(separatedBy: "\"\(key)\"").count > 2 }
    }
}
