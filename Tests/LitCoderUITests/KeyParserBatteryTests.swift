import Foundation
import LitCoderCore
import Testing
@testable import LitCoderUI

/// The byte sequences the end-to-end test sends to the built binary in tmux
/// (`Tests/Fixtures/key-battery.tsv`), here fed to the key parser and the workbench with no
/// terminal: each is one event, whole however it is split, and none codes anything.
@Suite struct KeyParserBatteryTests {
    static let battery: [(String, [UInt8])] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/key-battery.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            let bytes = line[line.index(after: tab)...].split(separator: " ").compactMap { UInt8($0, radix: 16) }
            return (String(line[..<tab]), bytes)
        }
    }()

    @Test func theBatteryIsThere() {
        #expect(Self.battery.count > 60)
    }

    @Test(arguments: battery)
    func eachSequenceIsOneEventHoweverItArrives(name: String, bytes: [UInt8]) {
        var whole = KeyParser()
        let events = whole.feed(bytes) + whole.timeOut()
        // A kitty key release is reported by dropping it: no event at all.
        #expect(events.count == (name.contains("released") ? 0 : 1), "\(name): \(events)")
        var split = KeyParser()
        var pieces: [InputEvent] = []
        for byte in bytes { pieces += split.feed([byte]) }
        pieces += split.timeOut()
        #expect(pieces == events, "\(name)")
    }

    @Test(arguments: battery)
    func noSequenceCodesAnything(name: String, bytes: [UInt8]) {
        var h = WorkbenchTests.Harness()
        var parser = KeyParser()
        for event in parser.feed(bytes) + parser.timeOut() {
            switch event {
            case .key(let key): h.press(key)
            case .paste(let text): h.run(h.workbench.update(.paste(text)))
            case .mouse(let report): h.run(h.workbench.update(.mouse(report)))
            }
        }
        #expect(h.log.isEmpty, "\(name) coded: \(h.log)")
        #expect(h.codes("motivation").isEmpty)
    }
}
