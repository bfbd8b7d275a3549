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
        (#"{"id":"a","title":"a run \"then\" ünï 中文\u00e9 and\\ends"}"#, "a run \"then\" ünï 中文é and\\ends"),
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
        ("{\"id\":\"a\",\"title\":\"a\\nbc\u{09}d\"}", "unescaped control character U+0009", 25),
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

/// Strings are read eight bytes at a time until a byte may end the run: whatever the offset of
/// the quote, escape or control byte, the text and the errors are the byte-by-byte reading's.
@Suite struct PaperLineParserRunTests {
    static func title(_ inner: [UInt8]) -> Result<String, PaperLineParser.Failure> {
        var bytes = Array(#"{"id":"a","title":""#.utf8) + inner + Array(#""}"#.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            Result { () throws(PaperLineParser.Failure) in try PaperLineParser.parse(UnsafeBufferPointer(buffer)).paper.title }
        }
    }

    @Test(arguments: 0...19)
    func everyOffset(k: Int) throws {
        let a = [UInt8](repeating: UInt8(ascii: "a"), count: k), b = Array("bé中😀~\u{7F} z".utf8)
        #expect(try Self.title(a).get() == String(repeating: "a", count: k))
        #expect(try Self.title(a + b).get() == String(repeating: "a", count: k) + "bé中😀~\u{7F} z")
        #expect(try Self.title(a + Array(#"\n"#.utf8) + b).get() == String(repeating: "a", count: k) + "\nbé中😀~\u{7F} z")
        #expect(try Self.title(a + Array(#"\""#.utf8) + a).get() == String(repeating: "a", count: k) + "\"" + String(repeating: "a", count: k))
        for control: UInt8 in [0x00, 0x09, 0x1F] {
            let failure = Self.title(a + [control] + b)
            #expect(throws: PaperLineParser.Failure.self) { try failure.get() }
            if case .failure(let error) = failure {
                #expect(error.column == 20 + k && error.message.contains("unescaped control character"), "\(error)")
            }
        }
        let escaped = Self.title(b + a + Array(#"\n"#.utf8) + a + [0x09])
        if case .failure(let error) = escaped {
            #expect(error.column == 20 + b.count + 2 * k + 2, "a control byte after an escape: \(error)")
        } else {
            Issue.record("a raw TAB was read")
        }
    }
}
