import Foundation
import Testing
@testable import LitCoderCore

@Suite struct CSVWriterTests {
    /// Each field, the exact bytes RFC 4180 asks for, written by hand (not by the writer).
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("cr\r\nlf", "\"cr\r\nlf\""),
        ("Ältere Sprecher", "Ältere Sprecher"),
        ("情感识别", "情感识别"),
        (" padded ", "\" padded \""),
        ("semi;colon", "semi;colon"),
    ])
    func quotesExactlyWhenNeeded(field: String, expected: String) {
        var csv = CSVWriter()
        csv.writeRow([field, "z"])
        #expect(csv.text == expected + ",z\r\n")
    }

    @Test(arguments: [
        ["a,b", "say \"hi\"", "x\ny", "é ü 情感", ""],
        ["", "", ""],
        ["\"", "\"\"", ",", "\r\n", " "],
        ["emoji 🙂,", "tab\there", "end\""],
    ])
    func parsesBackToTheSameFields(fields: [String]) throws {
        var csv = CSVWriter()
        csv.writeRow(["h1", "h2"])
        csv.writeRow(fields)
        csv.writeRow(["last", "row"])
        let table = try CSVTable(data: Data(csv.bytes))
        #expect(table.records.map(\.fields) == [["h1", "h2"], fields, ["last", "row"]])
    }

    @Test func integersAreWrittenWithoutStrings() {
        var csv = CSVWriter()
        csv.writeField(0); csv.writeField(7); csv.writeField(-42); csv.writeField(2024); csv.writeField(Int.max)
        csv.endRow()
        #expect(csv.text == "0,7,-42,2024,\(Int.max)\r\n")
    }
}

@Suite struct CSVTableTests {
    @Test func recordsKnowTheLineTheyStartOn() throws {
        let table = try CSVTable(text: "a,b\n\"x\ny\",1\n\nlast,2")
        #expect(table.records.map(\.line) == [1, 2, 5])
        #expect(table.records[1].fields == ["x\ny", "1"])
    }

    @Test func byteOrderMarkAndCRLFAreRead() throws {
        let table = try CSVTable(data: Data([0xEF, 0xBB, 0xBF] + Array("paper,code\r\np1,x\r\n".utf8)))
        #expect(table.records.map(\.fields) == [["paper", "code"], ["p1", "x"]])
    }

    @Test func anUnclosedQuoteNamesItsLine() {
        #expect(throws: CSVTable.ParseError.unterminatedQuote(line: 3)) {
            try CSVTable(text: "a,b\nc,d\n\"open,e\nf,g\n")
        }
    }

    @Test func latin1IsRefused() {
        #expect(throws: CSVTable.ParseError.notUTF8) { try CSVTable(data: Data([0x61, 0x2C, 0xE9, 0x0A])) }
    }
}

@Suite struct CSVWriterJoinTests {
    @Test(arguments: [
        (["a"], "a"),
        (["voice-assistant", "healthcare"], "voice-assistant;healthcare"),
        (["a,b", "c"], "\"a,b;c\""),
        (["say \"x\"", "y"], "\"say \"\"x\"\";y\""),
        ([" lead", "z"], "\" lead;z\""),
        (["é", "情"], "é;情"),
    ])
    func joinedFieldsQuoteLikeTheJoinedString(parts: [String], expected: String) throws {
        var joined = CSVWriter()
        joined.writeField("x")
        joined.writeJoined(parts, separator: UInt8(ascii: ";"))
        joined.endRow()
        #expect(joined.text == "x,\(expected)\r\n")
        #expect(try CSVTable(data: Data(joined.bytes)).records.first?.fields == ["x", parts.joined(separator: ";")])
    }
}
