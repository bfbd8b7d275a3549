import Foundation
import Testing
@testable import LitCoderCore

/// The bundled `corpus/ser-sample.jsonl`: it must load cleanly and exercise what it claims to.
@Suite struct SampleCorpusTests {
    @Test func loadsWithNoDiagnostics() {
        let (corpus, diagnostics) = SampleFiles.loadCorpus()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect((40...50).contains(corpus.count), "about 40 papers, found \(corpus.count)")
    }

    @Test func theBundledProjectOpensWithNoCorpusDiagnostics() throws {
        let project = try Project.load(root: SampleFiles.packageRoot)
        let workspace = try Workspace.open(project)
        #expect(workspace.corpus.count == SampleFiles.loadCorpus().0.count)
        let corpusProblems = workspace.diagnostics.filter { $0.file.hasPrefix("corpus/") }
        #expect(corpusProblems.isEmpty, "\(corpusProblems)")
    }

    @Test func isInTheWritersCanonicalForm() throws {
        // Rewriting the sample with Corpus.writeJSONL must not change a byte, so the file
        // diffs cleanly after any tool round-trips it.
        let (corpus, _) = SampleFiles.loadCorpus()
        let expected = corpus.papers.map { PaperJSONLine.encode($0) + "\n" }.joined()
        let actual = try String(contentsOf: SampleFiles.corpus, encoding: .utf8)
        #expect(actual == expected)
    }

    @Test func idsAreNumberedSlugsInFileOrder() {
        let (corpus, _) = SampleFiles.loadCorpus()
        for (index, paper) in corpus.papers.enumerated() {
            let prefix = String(format: "sample-%02d-", index + 1)
            #expect(paper.id.hasPrefix(prefix), "\(paper.id)")
            let slug = paper.id.dropFirst(prefix.count)
            #expect(!slug.isEmpty && slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, "\(paper.id)")
        }
    }

    @Test func everyPaperIsMarkedIllustrativeAndCarriesNoRealIdentifier() {
        let (corpus, _) = SampleFiles.loadCorpus()
        for paper in corpus.papers {
            #expect(paper.source == "litcoder sample", "\(paper.id)")
            if let doi = paper.doi { #expect(doi.hasPrefix("10.5555/litcoder.sample."), "\(paper.id): \(doi)") }
            #expect(paper.url?.hasPrefix("https://example.org/") ?? true, "\(paper.id)")
            #expect(!paper.title.isEmpty && !paper.abstract.isEmpty && !paper.authors.isEmpty && paper.year != nil, "\(paper.id)")
            #expect(paper.authors.allSatisfy { $0.contains(", ") }, "authors are 'Last, First': \(paper.id)")
        }
        #expect(corpus.papers.contains { $0.doi == nil }, "some papers have no DOI, as in real exports")
    }

    /// Writing systems the sample's author names must include, by a Unicode range of each.
    @Test(arguments: [
        ("Latin with diacritics", 0x00C0...0x024F),
        ("Latin Extended Additional (Vietnamese)", 0x1E00...0x1EFF),
        ("CJK ideographs", 0x4E00...0x9FFF),
        ("Hangul", 0xAC00...0xD7AF),
        ("Hiragana and Katakana", 0x3040...0x30FF),
        ("Cyrillic", 0x0400...0x04FF),
        ("Arabic", 0x0600...0x06FF),
        ("Bengali", 0x0980...0x09FF),
    ])
    func authorNamesIncludeScript(script: String, range: ClosedRange<UInt32>) {
        let (corpus, _) = SampleFiles.loadCorpus()
        let found = corpus.papers.contains { paper in
            paper.authors.contains { $0.unicodeScalars.contains { range.contains($0.value) } }
        }
        #expect(found, "no author name in \(script)")
    }

    @Test func includesOneVeryLongAbstract() {
        let (corpus, _) = SampleFiles.loadCorpus()
        let longest = corpus.papers.map { $0.abstract.split(whereSeparator: \.isWhitespace).count }.max() ?? 0
        #expect(longest >= 1_500, "longest abstract has \(longest) words")
    }

    @Test func includesRealisticAwkwardCharacters() {
        let (corpus, _) = SampleFiles.loadCorpus()
        let text = corpus.papers.map { $0.title + $0.abstract }.joined()
        #expect(text.contains("\t"), "a TAB inside an abstract")
        #expect(text.unicodeScalars.contains { $0.value > 0xFFFF }, "a character outside the BMP (emoji)")
        #expect(text.contains("\u{201C}") && text.contains("\u{2014}"), "curly quotes and an em dash")
        #expect(corpus.papers.contains { $0.abstract.contains("\n\n") }, "an abstract with paragraph breaks")
    }
}
