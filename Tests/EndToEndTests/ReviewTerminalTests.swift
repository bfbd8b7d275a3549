import Foundation
import Testing
import LitCoderCore

/// The review screen in a real terminal (tmux, through `TmuxDriver`): an adjudicator resolves
/// two disagreements and the consensus log records them.
@Suite struct ReviewTerminalTests {
    @Test func resolvesTwoDisagreements() throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let fixture = try AgreementFixture()
        defer { fixture.remove() }
        let tmux = TmuxDriver(name: "review")
        defer { tmux.stop() }
        tmux.start([LitcoderBinary.url.path, "review", "--adjudicator", "ana"], in: fixture.root, width: 100, height: 30)
        guard tmux.wait(for: "0 of 3 resolved", seconds: 20) else { return }
        tmux.wait(for: "mentions clinicians")
        // p2 motivation: take alice's codes, with a reason.
        tmux.keys("1")
        tmux.wait(for: "reason, Enter saves")
        tmux.type("the abstract names both")
        tmux.keys("Enter")
        tmux.wait(for: "1 of 3 resolved")
        // p2 data, single-select: a union is refused, then "natural" is chosen by hand.
        tmux.wait(for: "data — Kind of data")
        tmux.keys("u")
        tmux.wait(for: "takes one code")
        tmux.keys("e", "Down", "Down", "Space", "Enter", "Enter")
        tmux.wait(for: "2 of 3 resolved")
        tmux.keys("q")
        #expect(tmux.exitStatus(seconds: 20) == 0)

        let events = try fixture.consensusEvents()
        #expect(events.count == 2)
        let motivation = try #require(events.first { $0.dimension == "motivation" })
        #expect(motivation.paper == "p2")
        #expect(motivation.codes == ["healthcare", "voice-assistant"])
        #expect(motivation.sources == ["alice", "carol"])
        #expect(motivation.reason == "the abstract names both")
        #expect(motivation.adjudicator == "ana")
        #expect(motivation.coder == CoderName.consensus)
        let data = try #require(events.first { $0.dimension == "data" })
        #expect(data.codes == ["natural"])
        #expect(data.sources == ["alice", "carol"])
        #expect(data.automatic == false)
    }
}
