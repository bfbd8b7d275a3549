import LitCoderCore
import Testing
@testable import LitCoderUI

/// Golden screens of quotes: selecting one, and quotes attached, each with its style mask
/// (`GoldenScreen.styleMask`: `#` the selection in reverse video, `a` the motivation tint,
/// `b` the datasets tint), at the full and the compact layout.
@Suite struct QuoteScreenTests {
    static let sizes = [(120, 40), (80, 24), (60, 20)]
    static var shiftRight: Key { QuoteSelectionTests.key(.extendWord) }
    static var up: Key { QuoteSelectionTests.key(.previousSentence) }
    static var down: Key { QuoteSelectionTests.key(.nextSentence) }
    static var right: Key { QuoteSelectionTests.key(.nextWord) }

    /// The states to render, each built by pressing keys as a coder would.
    static let states: [(name: String, keys: [Key])] = [
        // The second sentence selected; "Models" extended by two words; the title.
        ("quote-selecting", [.character("v"), down]),
        ("quote-selecting-words", [.character("v"), right, right, shiftRight, shiftRight]),
        ("quote-selecting-title", [.character("v"), up]),
        // The first sentence quoted for Healthcare, "IEMOCAP" for IEMOCAP (datasets).
        ("quote-attached", [.character("v"), .enter, .tab, .character("v"), right, right, right, right, right, .enter]),
        ("quote-help", [.character("v"), .character("?")]),
    ]

    static let cases: [(String, Int, Int)] = states.flatMap { state in sizes.map { (state.name, $0.0, $0.1) } }

    @Test(arguments: cases)
    func screen(state: String, width: Int, height: Int) throws {
        let spec = try #require(Self.states.first { $0.name == state })
        var workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", events: [])
        _ = workbench.update(.resize(width: width, height: height))
        var seq = 0
        for key in spec.keys {
            for case .append(var event) in workbench.update(.key(key)) {
                seq += 1
                event.seq = seq
                _ = workbench.update(.saved(event))
            }
        }
        let canvas = WorkbenchView().render(workbench, width: width, height: height)
        GoldenScreen.check(canvas, named: "\(state)-\(width)x\(height)")
        GoldenScreen.checkStyles(canvas, named: "\(state)-\(width)x\(height).styles")
        for line in canvas.lines { #expect(DisplayWidth.drawn(line) <= width, "\(line)") }
    }
}
