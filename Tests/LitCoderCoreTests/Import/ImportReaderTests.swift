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

/// Broken copies of the shared fixtures: cut short and with bytes flipped, they must give
/// records or messages, never a crash.
@Suite struct DamagedImportTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: SharedFixtures.names)
    func damagedFixturesNeverCrash(_ name: String) throws {
        guard SharedFixtures.require() else { return }
        let original = try [UInt8](Data(contentsOf: SharedFixtures.root.appendingPathComponent(name)))
        var random = SplitMix(state: UInt64(truncatingIfNeeded: name.utf8.count))
        for round in 0..<12 {
            var bytes = original
            if round % 2 == 0 {
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            } else {
                for _ in 0..<max(1, bytes.count / 200) where !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    bytes[at] = [0x7B, 0x7D, 0x22, 0x40, 0x0A, 0x5C, 0x2C, 0xFF, 0x00][Int.random(in: 0..<9, using: &random)]
                }
            }
            do {
                let result = try ImportReader.read(bytes: bytes, file: name)
                #expect(!result.parsed.records.isEmpty || result.parsed.diagnostics.contains { $0.severity == .error })
            } catch {
                #expect(error.file == name)
                #expect(!error.message.isEmpty)
            }
        }
    }
}
