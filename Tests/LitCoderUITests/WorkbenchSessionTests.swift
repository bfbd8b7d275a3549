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
        let keys: [Key] = [.character("1"), .enter, .character("2"), .tab, .character("1"), .enter, .character("f"), .enter, .character("q")]
        let (session, backend) = session(keys.map { .key($0) }, store: store)
        #expect(session.run() == .quit)
        #expect(store.written.map(\.op) == [.set, .done, .set, .set, .done, .flag, .done, .view])
        #expect(store.written.last?.paper == "P004")
        #expect(backend.screen.text.contains("✓ saved"))
        #expect(backend.screen.text.contains("3 done"))
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
