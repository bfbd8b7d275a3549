import Foundation
import Testing
@testable import LitCoderCore

/// The shortcuts that make a large import fast (eight bytes at a time, parallel encoding,
/// streamed merging) must give exactly what the plain byte-by-byte, one-at-a-time way gives.
/// Each test compares the two on inputs placed at every offset within an eight-byte word.
@Suite struct ImportFastPathTests {
    /// A reproducible stream of words, rich in the bytes the tests look for and their neighbours.
    static func words(count: Int) -> [UInt64] {
        let interesting: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x22, 0x24, 0x2D, 0x5C,
                                    0x7A, 0x7B, 0x7D, 0x7E, 0x7F, 0x80, 0xC2, 0xE2, 0xFF, 0x61, 0x41]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var result: [UInt64] = []
        for _ in 0..<count {
            var word: UInt64 = 0
            for lane in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(state >> 33)
                let byte = pick % 3 == 0 ? UInt8(truncatingIfNeeded: pick >> 8) : interesting[(pick >> 8) % interesting.count]
                word |= UInt64(byte) << (8 * lane)
            }
            result.append(word)
        }
        return result
    }

    static func lanes(_ word: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }

    @Test(arguments: [UInt8(0x00), 0x09, 0x0A, 0x20, 0x22, 0x24, 0x2D, 0x5C, 0x7B, 0x7D, 0x7F, 0xC2, 0xE2])
    func byteWordsAgreeWithLookingAtEachByte(byte: UInt8) {
        for word in Self.words(count: 3000) {
            let bytes = Self.lanes(word)
            #expect(ByteWords.contains(word, byte) == bytes.contains(byte))
            let mask = ByteWords.positions(of: byte, in: word)
            let expected = bytes.enumerated().reduce(UInt64(0)) { $1.element == byte ? $0 | 0x80 << (8 * UInt64($1.offset)) : $0 }
            #expect(mask == expected)
        }
    }

    @Test(arguments: [UInt8(0x0E), 0x20, 0x7A])
    func byteWordsBoundsAgreeWithLookingAtEachByte(bound: UInt8) {
        for word in Self.words(count: 3000) {
            let bytes = Self.lanes(word)
            #expect(ByteWords.containsByte(below: bound, word) == bytes.contains { $0 < bound })
            #expect(ByteWords.containsByte(above: bound, word) == bytes.contains { $0 > bound })
        }
    }

    /// Whitespace collapsing the obvious way.
    static func collapsedPlainly(_ text: String) -> String? {
        let words = text.split(whereSeparator: { " \t\n\r\u{A0}".contains($0) })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    @Test(arguments: ["  ", "\t", "\n", "\u{A0}", " \r ", "a  b", " x"])
    func collapsingFindsWhitespaceAtEveryOffset(piece: String) {
        for before in 0..<20 {
            for after in 0..<12 {
                let text = String(repeating: "w", count: before) + piece + String(repeating: "z", count: after)
                var copy = text
                let collapsed = copy.withUTF8 { FieldNormalisation.collapse(bytes: $0) }
                #expect(collapsed == Self.collapsedPlainly(text), "\(text.debugDescription)")
            }
        }
    }

    @Test(arguments: [("--", "–"), ("---", "—"), ("  ", " "), ("~", " "), ("{x}", "x"), ("\\&", "&"), ("$y$", "y"), ("- -", "- -")])
    func latexDecodingFindsMarkupAtEveryOffset(piece: String, decoded: String) {
        for before in 1..<20 {
            for after in 1..<12 {
                let head = String(repeating: "a", count: before), tail = String(repeating: "b", count: after)
                #expect(LaTeXDecoder.decode(head + piece + tail) == head + decoded + tail)
            }
        }
    }

    @Test func jsonEscapesAreFoundAtEveryOffset() {
        for piece in ["\"", "\\", "\n", "\u{7F}", "\u{01}", "\u{2028}", "\u{2013}", "é"] {
            for before in 0..<20 {
                let text = String(repeating: "q", count: before) + piece + "tail-of-it"
                let expected = try? JSONDecoder().decode(String.self, from: Data(PaperJSONLine.quoted(text).utf8))
                #expect(expected == text)
                #expect(PaperJSONLine.quoted(text).contains("\\") == ["\"", "\\", "\n", "\u{7F}", "\u{01}", "\u{2028}"].contains(piece))
            }
        }
    }

    static func papers(_ count: Int) -> [Paper] {
        (0..<count).map { n in
            Paper(id: "p\(n)", title: "Title \(n) \"quoted\"", authors: ["Ø, \(n)"], year: 1990 + n % 30,
                  doi: n % 3 == 0 ? "10.1/\(n)" : nil, abstract: String(repeating: "abstract \(n) ", count: n % 50),
                  keywords: ["k\(n % 7)"], source: "test:\(n)")
        }
    }

    @Test(arguments: [0, 1, 255, 256, 257, 2_000, 5_003])
    func parallelEncodingWritesThePapersInOrder(count: Int) throws {
        let folder = try TemporaryFolder()
        let papers = Self.papers(count)
        let url = folder.file("papers.jsonl")
        try Corpus.writeJSONL(parts: [papers[..<(count / 3)], papers[(count / 3)...]], to: url)
        let expected = papers.map { PaperJSONLine.encode($0) + "\n" }.joined()
        #expect(try folder.read("papers.jsonl") == expected)
    }

    struct SinkFailure: Error {}

    @Test func aFailingSinkStopsTheStreamWithItsError() {
        var calls = 0
        #expect(throws: SinkFailure.self) {
            try PaperLineStream.write([Self.papers(3_000)[...]]) { _ in
                calls += 1
                if calls == 3 { throw SinkFailure() }
            }
        }
        #expect(calls == 3, "nothing is written after the failure")
    }

    @Test func duplicateIDsAcrossPartsAreCountedAcrossParts() throws {
        let folder = try TemporaryFolder()
        let papers = Self.papers(4)
        #expect(throws: CorpusWriteError.duplicateID("p1", firstIndex: 1, secondIndex: 4)) {
            try Corpus.writeJSONL(parts: [papers[...], papers[1...1]], to: folder.file("papers.jsonl"))
        }
    }

    @Test func aLargeFileIsReadWholeInPieces() throws {
        let folder = try TemporaryFolder()
        var bytes = [UInt8](repeating: 0, count: 9 << 20 + 13)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 7) }
        try Data(bytes).write(to: folder.file("big.bin"))
        #expect(FileBytes.contents(atPath: folder.file("big.bin").path) == bytes)
    }

    @Test(arguments: [-1, 100, 9 << 19 - 2, 9 << 19 - 1, 9 << 19, 9 << 19 + 1, 9 << 20 - 3])
    func surveyingInPiecesFindsWhatOneScanFinds(badAt offset: Int) {
        // Three-byte characters straddle the middle, where the file is cut into pieces.
        var raw = [UInt8](repeating: 0x61, count: 9 << 20)
        for start in stride(from: (9 << 19) - 30, to: (9 << 19) + 30, by: 3) { raw[start...(start + 2)] = [0xE2, 0x80, 0x93] }
        if offset >= 0 { raw[offset] = 0xFF }
        raw[raw.count - 2] = 0x0D
        let survey = SourceText.Survey(raw)
        #expect(survey.firstInvalidUTF8 == SourceText.firstInvalidUTF8(raw))
        #expect((survey.firstInvalidUTF8 == nil) == (offset < 0))
        #expect(survey.firstNUL == nil)
        #expect(survey.hasCarriageReturn)
    }

    /// A BibTeX file of `count` entries, with values that put braces, quotes and newlines at every
    /// offset, varying blank lines between entries, duplicates, and a broken entry.
    static func bibtex(count: Int) -> (text: String, lines: [Int]) {
        var text = "% header\n"
        var lines: [Int] = []
        var line = 2
        for n in 0..<count {
            text += String(repeating: "\n", count: n % 4)
            line += n % 4
            if n == count / 2 {
                text += "@article{broken, title = {never closed\n"
                line += 1
            }
            lines.append(line)
            let pad = String(repeating: "x", count: n % 17)
            // Every tenth entry repeats the title and year of the one before: a duplicate.
            let title = n % 10 == 9 ? "Title \(n - 1)" : "Title \(n)"
            text += "@article{key\(n),\n  title = {\(title)},\n  year = \(2000 + (n / 10) % 20),\n"
            text += "  abstract = {\(pad){N}ested \(pad)\"q\" and\n   more \(n)},\n  url = \"\(pad){u}\(pad)\"\n}\n"
            line += 7
        }
        return (text, lines)
    }

    @Test func bibtexLinesAndValuesSurviveBatchesAndWordSkipping() {
        let (text, lines) = Self.bibtex(count: 9_000)
        let parsed = BibTeXParser.parse(Array(text.utf8), file: "big.bib")
        #expect(parsed.records.count == 9_000)
        #expect(parsed.records.map(\.line) == lines)
        for (n, record) in parsed.records.enumerated() {
            let pad = String(repeating: "x", count: n % 17)
            #expect(record.abstract == "\(pad)Nested \(pad)\"q\" and more \(n)")
            #expect(record.url == "\(pad)u\(pad)")
        }
        #expect(parsed.diagnostics.count == 1)
        #expect(parsed.diagnostics.first?.line == lines[4_500] - 1)
    }

    @Test func streamedMergingGivesWhatMergingAfterwardsGives() throws {
        let folder = try TemporaryFolder()
        let (text, _) = Self.bibtex(count: 9_000)
        try folder.write("big.bib", text)
        var session = CorpusImport(corpusFiles: [.init(url: folder.file("papers.jsonl"), name: "papers.jsonl", papers: [],
                                                       hasUnreadableLines: false)], target: 0)
        session.read(url: folder.file("big.bib"), file: "big.bib", options: .init())

        let parsed = BibTeXParser.parse(Array(text.utf8), file: "big.bib")
        var merger = ImportMerger(existing: [])
        for record in parsed.records { merger.add(record, file: "big.bib") }
        #expect(session.merger.papers == merger.papers)
        #expect(session.merger.duplicates == merger.duplicates)
        #expect(session.merger.duplicates.count == 900)
        #expect(session.diagnostics == parsed.diagnostics + merger.diagnostics)
        #expect(session.files.first?.records == 9_000)
    }
}
