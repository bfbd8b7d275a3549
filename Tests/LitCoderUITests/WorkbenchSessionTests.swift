import LitCoderCore
import Testing
@testable import LitCoderUI

/// The run loop against the in-memory terminal and a pretend store.
@Suite struct WorkbenchSessionTests {
    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "codings/alice.jsonl: write failed: No space left on device" }
    }

    final class Store {
        var written: [CodingEvent] = []
        var failing = false
        func append(_ event: CodingEvent) throws -> CodingEvent {
            if failing { throw DiskFull() }
            var saved = event
            saved.seq = written.count + 1
            written.append(saved)
            return saved
        }
    }

    func session(_ script: [TerminalEvent], store: Store, width: Int = 100, height: Int = 30,
                 events: [CodingEvent] = []) -> (WorkbenchSession, MemoryBackend) {
        let backend = MemoryBackend(width: width, height: height, script: script)
        let workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", events: events)
        let session = WorkbenchSession(workbench: workbench, backend: backend, store: { try store.append($0) },
                                       editText: { $0 + " (edited)" })
        return (session, backend)
    }

    @Test func codesThreePapersAndQuits() {
        let store = Store()
        // The third paper's required motivation stays empty: the first Enter asks, the second marks it done.
        let keys: [Key] = [.character("1"), .enter, .character("2"), .tab, .character("1"), .enter, .character("f"), .enter, .enter,
                           .character("q")]
        let (session, backend) = session(keys.map { .key($0) }, store: store)
        #expect(session.run() == .quit)
        #expect(store.written.map(\.op) == [.set, .done, .set, .set, .done, .flag, .done, .view])
        #expect(store.written.last?.paper == "P004")
        #expect(backend.screen.text.contains("✓ saved"))
        #expect(backend.screen.text.contains("3 done"))
    }

    /// Papers prepared on the background thread must show exactly as papers prepared on the key.
    @Test func preparingAheadInTheBackgroundShowsTheSameScreens() async throws {
        let keys: [Key] = [.right, .right, .left, .character("1"), .enter, .right, .pageDown, .enter, .left]
        func screens(preparesAhead: Bool) async throws -> [String] {
            let backend = MemoryBackend(width: 100, height: 30)
            let workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", events: [])
            let session = WorkbenchSession(workbench: workbench, backend: backend, store: { $0 }, preparesAhead: preparesAhead)
            var shown: [String] = []
            for key in keys {
                // Give the background thread time to finish, so its papers are the ones shown.
                if preparesAhead { try await Task.sleep(for: .milliseconds(50)) }
                session.send(.key(key))
                session.redraw()
                shown.append(backend.screen.text)
            }
            return shown
        }
        let background = try await screens(preparesAhead: true)
        let onTheKey = try await screens(preparesAhead: false)
        #expect(background == onTheKey)
    }

    @Test func failedWriteIsShownAndNotPretendedSaved() {
        let store = Store()
        store.failing = true
        let (session, backend) = session([.key(.character("1"))], store: store)
        #expect(session.run() == .hangup)
        #expect(backend.screen.text.contains("NOT SAVED"))
        #expect(!backend.screen.text.contains("✓ saved"))
        #expect(backend.screen.text.contains("[ ] Healthcare"))
    }

    @Test func onlyChangedCellsAreSent() {
        let store = Store()
        let (session, backend) = session([.key(.down)], store: store)
        session.redraw()
        #expect(backend.lastChanges.count == 100 * 30)
        session.send(.key(.down))
        session.redraw()
        #expect(backend.lastChanges.count < 100 * 30 / 5)
    }

    @Test func resizeRedrawsAtTheNewSize() {
        let store = Store()
        let (session, backend) = session([], store: store)
        session.redraw()
        backend.resize(width: 60, height: 20)
        backend.script = [.resize, .key(.character("q"))]
        #expect(session.run() == .quit)
        #expect(session.workbench.screenSize == (60, 20) ? true : false)
        #expect(backend.screen.lines.count == 20)
        #expect(backend.screen.text.contains("paper 1/5"))
    }

    @Test func signalRecordsWhereTheCoderWasAndEnds() {
        let store = Store()
        let (session, _) = session([.key(.right), .signal(15)], store: store)
        #expect(session.run() == .signal(15))
        #expect(store.written.map(\.op) == [.view])
        #expect(store.written.first?.paper == "P002")
    }

    @Test func externalEditorResultIsSaved() {
        let store = Store()
        let (session, _) = session([.key(.character("e")), .key(.character("x")), .key(.control("o")), .key(.character("q"))], store: store)
        _ = session.run()
        #expect(store.written.first?.op == .note)
        #expect(store.written.first?.text == "x (edited)")
    }
}
