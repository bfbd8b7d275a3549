import Foundation
import LitCoderCore
import Testing

/// Whole files that cannot be imported are refused with a message, never read as 0 records.
@Suite struct ImportReaderTests {
    @Test(arguments: [
        ([], "empty"),
        (Array("  \n\n ".utf8), "empty"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "NUL"),
        (Array("<?xml version=\"1.0\"?><xml><records></records></xml>".utf8), "EndNote XML"),
        (Array("just some prose without structure\n".utf8), "not a format"),
        (Array("Title,Year\n".utf8), "no records found"),
        (Array("% a BibTeX file with comments only\n@comment{nothing}\n".utf8), "no records found"),
    ] as [([UInt8], String)])
    func refused(_ bytes: [UInt8], _ reason: String) {
        do {
            let result = try ImportReader.read(bytes: bytes, file: "in.dat")
            Issue.record("read \(result.parsed.records.count) records instead of refusing")
        } catch {
            #expect(error.file == "in.dat")
            #expect(error.message.contains(reason), "\(error.message)")
        }
    }

    @Test func formatGivenOverridesDetection() throws {
        let result = try ImportReader.read(bytes: Array("title\nOnly a title\n".utf8), file: "x.txt", format: .csv,
                                           columnMap: [.title: "title"])
        #expect(result.parsed.records.first?.title == "Only a title")
    }

    @Test func aRISFileWithNoRecordsSaysWhatARecordLooksLike() {
        do {
            _ = try ImportReader.read(bytes: Array("ER  - \n".utf8), file: "x.ris", format: .ris)
            Issue.record("should be refused")
        } catch {
            #expect(error.hint?.contains("TY  - ") == true)
        }
    }

    @Test func missingFile() {
        #expect(throws: Diagnostic.self) {
            try ImportReader.read(url: URL(fileURLWithPath: "/nonexistent/refs.bib"), file: "refs.bib")
        }
    }
}
