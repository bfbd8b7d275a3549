import Foundation
import Testing
@testable import LitCoderCore

/// The parsing steps rewritten to take linear time on hostile input give the answers the
/// straightforward versions give (`ReferenceParsers`), on many generated inputs; and the
/// shapes that were quadratic give the results a reader expects.
@Suite struct LinearParserTests {
    /// Deterministic inputs: the same seed, the same cases, on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func text(from alphabet: [UInt8], maxLength: Int, using generator: inout Generator) -> [UInt8] {
        (0..<Int.random(in: 0...maxLength, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 0x61 }
    }

    @Test func pythonListItemsAreTheReferenceItems() {
        var generator = Generator(state: 1414)
        let alphabet = Array("'\", a ".utf8)
        for _ in 0..<30_000 {
            let inner = Substring(String(decoding: Self.text(from: alphabet, maxLength: 16, using: &generator), as: UTF8.self))
            let fast = CSVImporter.pythonListItems(inner)
            let reference = ReferenceParsers.pythonListItems(inner)
            #expect(fast == reference, "\(inner.debugDescription)")
            if fast != reference { return }
        }
    }

    @Test(arguments: [
        ("['Marx, Karl', 'Lindgren, Astrid']", ["Marx, Karl", "Lindgren, Astrid"]),
        ("[\"O'Connor, R\", 'Yang, Z']", ["O'Connor, R", "Yang, Z"]),
        // The first item never closes: not a list after all, so read as names separated by commas.
        ("['Marx, Karl, Name1 Surname, Name2 Surname]", ["['Marx, Karl, Name1 Surname, Name2 Surname]"]),
    ])
    func authorsCells(cell: String, names: [String]) {
        #expect(CSVImporter.splitAuthors(cell) == names)
    }

    @Test func lineNumbersAskedForInAnyOrderAreCountedRight() {
        var generator = Generator(state: 7)
        let bytes = Self.text(from: Array("ab\n".utf8), maxLength: 2_000, using: &generator)
        var counter = LineCounter()
        bytes.withUnsafeBufferPointer { p in
            for _ in 0..<500 {
                let offset = Int.random(in: 0...(bytes.count + 5), using: &generator)
                #expect(counter.line(at: offset, in: p) == ReferenceParsers.line(at: min(offset, bytes.count), in: bytes))
            }
        }
    }

    @Test func manyRecordsWithOneKeyGetNumberedIDsSkippingTakenOnes() {
        var merger = ImportMerger(existing: [Paper(id: "same-3", title: "Already there")])
        for i in 1...5 { merger.add(ImportedRecord(key: "same", title: "Paper \(i)", line: i), file: "refs.bib") }
        #expect(merger.added.map(\.id) == ["same", "same-2", "same-4", "same-5", "same-6"])
    }

    @Test func aRISValueOverManyLinesIsJoinedWithSpaces() {
        let lines = (1...1_000).map { "line \($0)" }
        let text = "TY  - JOUR\nTI  - Title\nAB  - start\n" + lines.joined(separator: "\n") + "\nER  - \n"
        let parsed = RISParser.parse(Array(text.utf8), file: "x.ris")
        #expect(parsed.records.first?.abstract == "start " + lines.joined(separator: " "))
    }

    @Test func unknownCorpusKeysAreListedOnceInOrder() throws {
        let line = Array(#"{"id":"p","title":"t","b":1,"a":2,"b":3,"c":[1,{"d":2}]}"#.utf8)
        let record = try line.withUnsafeBufferPointer { try PaperLineParser.parse($0) }
        #expect(record.unknownKeys == ["b", "a", "c"])
    }

    @Test(arguments: [("-10000", false), ("-44", true), ("0", true), ("2021", true), ("9999", true), ("10000", false),
                      ("9223372036854775807", false), ("99999999999999999999", false)])
    func aCorpusYearOutsideMinus9999To9999IsAnError(year: String, accepted: Bool) {
        let line = Array(#"{"id":"p","title":"t","year":\#(year)}"#.utf8)
        let result: (record: PaperLineParser.Record?, message: String?) = line.withUnsafeBufferPointer { p in
            do throws(PaperLineParser.Failure) {
                return (try PaperLineParser.parse(p), nil)
            } catch {
                return (nil, error.message)
            }
        }
        if let record = result.record {
            #expect(accepted && record.paper.year == Int(year))
        } else {
            #expect(!accepted)
            let message = result.message ?? ""
            #expect(message == "\"year\" \(year) is out of range (a year is -9999 to 9999)" || message == "\"year\" is too large", "\(message)")
        }
    }

    @Test func aJSONLinesYearNoYearCanBeIsReportedNotKept() {
        let parsed = JSONLinesImporter.parse(Array(#"{"title":"T","year":123456789}"#.utf8), file: "x.jsonl")
        #expect(parsed.records.first?.year == nil)
        #expect(parsed.records.first?.unreadableYear == "123456789")
    }
}

/// A device in a file's place has bytes without end: it is refused, never read until memory runs out.
@Suite struct DeviceInputTests {
    @Test func anImportOfADeviceIsRefused() {
        #expect(throws: Diagnostic.self) { try ImportReader.read(url: URL(fileURLWithPath: "/dev/zero"), file: "/dev/zero") }
    }

    @Test func aCorpusFileThatIsADeviceIsAProblem() {
        let (corpus, diagnostics) = Corpus.load(files: [URL(fileURLWithPath: "/dev/zero")])
        #expect(corpus.count == 0)
        #expect(diagnostics.map(\.message) == ["cannot read the corpus file: it is a device, not a file"])
    }

    @Test func aCodebookThatIsADeviceIsAProblem() {
        let (codebook, diagnostics) = CodebookLoader.load(url: URL(fileURLWithPath: "/dev/zero"), displayName: "cb.yaml")
        #expect(codebook == nil)
        #expect(diagnostics.map(\.message) == ["cannot read the codebook"])
    }
}
