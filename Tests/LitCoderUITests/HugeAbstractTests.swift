import LitCoderCore
import Testing
@testable import LitCoderUI

/// An abstract megabytes long is laid out only as far as it is read, and is the same text,
/// the same lines and the same suggestions as one laid out whole.
@Suite struct HugeAbstractTests {
    /// About `count` characters of abstract, with aliases of the fixture codebook in it and
    /// hard line breaks now and then.
    static func abstract(characters count: Int) -> String {
        let words = ["speech", "emotion", "IEMOCAP", "we", "the", "clinical", "depression", "MSP-Podcast", "of",
                     "and", "a", "corpus", "recordings", "EmoDB", "漢字", "👨‍👩‍👧‍👦", "café", "call centre"]
        var text = ""
        var state: UInt64 = 3
        var n = 0
        var characters = 0
        while characters < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let word = words[Int(state >> 33) % words.count]
            n += 1
            let gap = n % 400 == 0 ? "\n\n" : " "
            text += word + gap
            characters += word.count + gap.count
        }
        return text
    }

    static func workbench(abstract: String) -> Workbench {
        var papers = Fixtures.papers
        papers[0].abstract = abstract
        var workbench = Workbench(codebook: Fixtures.codebook, papers: papers, coder: "alice", events: [])
        _ = workbench.update(.resize(width: 120, height: 40))
        return workbench
    }

    @Test func onlyWhatIsReadIsLaidOut() {
        let text = Self.abstract(characters: 2_000_000)
        var workbench = Self.workbench(abstract: text)
        #expect(!workbench.abstractLayout.isComplete)
        #expect(workbench.abstractLayout.lines.count < 2_000, "\(workbench.abstractLayout.lines.count) lines laid out")
        let screen = WorkbenchView().render(workbench, width: 120, height: 40).text
        #expect(screen.contains("+, PgDn/PgUp"), "the line count is not known yet:\n\(screen)")
        #expect(!workbench.suggestionsComplete)
        #expect(screen.contains("suggesting…"))
        for _ in 0..<5 { _ = workbench.update(.key(.pageDown)) }
        #expect(workbench.scroll > 0)
        #expect(workbench.abstractLayout.lines.count > workbench.scroll + 30)
    }

    /// Laid out piece by piece and paged to its end, the abstract is the lines wrapping it
    /// whole gives: the same text, the same highlights.
    @Test(arguments: [70_000, 300_000])
    func pagingToTheEndGivesTheWholeLayout(characters: Int) {
        let text = Self.abstract(characters: characters)
        var workbench = Self.workbench(abstract: text)
        var pages = 0
        while true {
            let before = workbench.scroll
            _ = workbench.update(.key(.pageDown))
            pages += 1
            if workbench.scroll == before { break }
        }
        #expect(workbench.abstractLayout.isComplete)
        let matcher = AliasMatcher(codebook: Fixtures.codebook)
        let title = workbench.currentPaper?.title ?? ""
        let titleLength = title.unicodeScalars.count + 1
        let whole = matcher.matches(in: title + "\n" + text).filter { $0.range.lowerBound >= titleLength }
            .map { ($0.range.lowerBound - titleLength)..<($0.range.upperBound - titleLength) }
        let expected = TextLayout.wrap(Glyph.glyphs(text, highlights: whole.sorted { $0.lowerBound < $1.lowerBound },
                                                    highlightStyle: [.accent, .bold]),
                                       width: workbench.abstractLayout.width)
        let lines = workbench.abstractLayout.lines
        #expect(lines.count == expected.count)
        #expect(lines.map { $0.map(\.text).joined() } == expected.map { $0.map(\.text).joined() })
        #expect(lines.map { $0.map(\.style) } == expected.map { $0.map(\.style) })
        // The last page shows the end of the abstract.
        let screen = WorkbenchView().render(workbench, width: 120, height: 40).text
        #expect(screen.contains("of \(expected.count), PgDn/PgUp"))
        #expect(screen.contains(expected.last.map { $0.map(\.text).joined() } ?? "?"))
    }

    @Test func suggestionsAreCompletedFromTheWholeText() {
        // Only the end of the text names RAVDESS, far beyond the first screen.
        let text = Self.abstract(characters: 200_000) + " evaluated on RAVDESS."
        var workbench = Self.workbench(abstract: text)
        #expect(!workbench.suggestionsComplete)
        #expect(workbench.suggestions["datasets"]?.contains("ravdess") != true)
        _ = workbench.update(.idle)
        #expect(workbench.suggestionsComplete)
        let matcher = AliasMatcher(codebook: Fixtures.codebook)
        let expected = matcher.suggestions(for: workbench.currentPaper ?? Fixtures.papers[0]).mapValues(Set.init)
        #expect(workbench.suggestions == expected)
        #expect(workbench.suggestions["datasets"]?.contains("ravdess") == true)
    }

    /// Wrapping in pieces of any size gives the lines wrapping the whole gives.
    @Test(arguments: [1, 2, 3, 7, 50])
    func wrappingInPiecesIsWrappingWhole(piece: Int) {
        let glyphs = Glyph.glyphs(Self.abstract(characters: 3_000) + "  \n\n  trailing  spaces   ")
        for width in [1, 2, 5, 17, 40] {
            var wrapper = TextLayout.Wrapper(width: width)
            var lines: [[Glyph]] = []
            var start = 0
            while start < glyphs.count {
                wrapper.add(glyphs[start..<min(glyphs.count, start + piece)])
                lines += wrapper.takeLines()
                start += piece
            }
            wrapper.finish()
            lines += wrapper.takeLines()
            #expect(lines == TextLayout.wrap(glyphs, width: width), "width \(width)")
        }
    }
}
