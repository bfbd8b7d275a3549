import LitCoderCore
import Testing
@testable import LitCoderUI

/// Golden screens: the workbench in a set of states, at four sizes.
@Suite struct WorkbenchScreenTests {
    static let sizes = [(120, 40), (80, 24), (60, 20), (30, 8)]

    /// The states to render, each built by pressing keys as a coder would.
    static let states: [(name: String, keys: [Key], paper: String?)] = [
        ("first-paper", [], nil),
        ("multi-select-suggestions", [.character("1"), .character("3"), .down, .character(" ")], nil),
        ("help", [.character("?")], nil),
        ("search", [.character("/"), .character("s"), .character("m"), .character("a"), .character("r")], nil),
        ("long-abstract-scrolled", [.pageDown, .pageDown], "P004"),
        ("hostile-text", [.tab, .tab], "P005"),
    ]

    static let cases: [(String, Int, Int)] = states.flatMap { state in sizes.map { (state.name, $0.0, $0.1) } }

    @Test(arguments: cases)
    func screen(state: String, width: Int, height: Int) throws {
        let spec = try #require(Self.states.first { $0.name == state })
        var workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice",
                                  events: [], startPaper: spec.paper)
        _ = workbench.update(.resize(width: width, height: height))
        var seq = 0
        for key in spec.keys {
            for effect in workbench.update(.key(key)) {
                // Play the store: every write succeeds, as the run loop would report it.
                if case .append(var event) = effect {
                    seq += 1
                    event.seq = seq
                    _ = workbench.update(.saved(event))
                }
            }
        }
        let canvas = WorkbenchView().render(workbench, width: width, height: height)
        GoldenScreen.check(canvas, named: "\(state)-\(width)x\(height)")
        // Whatever the state, nothing is drawn wider than the screen.
        for line in canvas.lines { #expect(DisplayWidth.drawn(line) <= width, "\(line)") }
    }
}
