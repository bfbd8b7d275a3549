import Foundation
import Testing
@testable import LitCoderUI

@Suite struct KeymapTests {
    static let docsURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/keys.md")

    @Test func docsKeysIsCurrent() throws {
        if ProcessInfo.processInfo.environment["RECORD_SCREENS"] == "1" {
            try Keymap.markdown.write(to: Self.docsURL, atomically: true, encoding: .utf8)
            Issue.record("rewrote docs/keys.md; run again without RECORD_SCREENS")
            return
        }
        let onDisk = try String(contentsOf: Self.docsURL, encoding: .utf8)
        #expect(onDisk == Keymap.markdown, "docs/keys.md is stale: run RECORD_SCREENS=1 swift test --filter KeymapTests")
    }

    @Test func everyActionHasAKeyAndNoKeyHasTwoActions() {
        let bound = Set(Keymap.bindings.map(\.action) + Keymap.selectionBindings.map(\.action))
        #expect(bound == Set(Action.allCases))
        for table in [Keymap.bindings, Keymap.selectionBindings] {
            var seen: [Key: Action] = [:]
            for binding in table {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key) is bound twice")
                    seen[key] = binding.action
                }
            }
        }
    }

    /// While selecting, letters are keys of the selection: none falls through to the main
    /// screen (where `n` would search, `x` remove a quote without asking which).
    @Test func theSelectionTableIsTheOnlyOneWhileSelecting() {
        let expected: [(Key, Action)] = [
            (.down, .nextSentence), (.character("j"), .nextSentence), (.up, .previousSentence),
            (.right, .nextWord), (.left, .previousWord), (Key.right.with(.shift), .extendWord),
            (.character("L"), .extendWord), (Key.left.with(.shift), .shrinkWord), (Key.down.with(.shift), .extendSentence),
            (Key.up.with(.shift), .shrinkSentence), (.enter, .attachQuote), (.character("n"), .nextQuote),
            (.character("x"), .removeQuote), (.escape, .cancelSelection), (.character("3"), .chooseCode),
        ]
        for (key, action) in expected { #expect(Keymap.selectionAction(for: key) == action, "\(key)") }
        #expect(Keymap.action(for: .character("v")) == .selectQuote)
        #expect(Keymap.action(for: .character("x")) == .removeQuote)
        #expect(Keymap.selectionAction(for: .character("q")) == nil)
        #expect(Keymap.selectionAction(for: .character(" ")) == nil)
    }

    @Test func issueDefaultsAreBound() {
        let expected: [(Key, Action)] = [
            (.right, .nextPaper), (.left, .previousPaper), (.enter, .doneAndNext), (.tab, .nextDimension),
            (.backTab, .previousDimension), (.down, .cursorDown), (.character("j"), .cursorDown),
            (.up, .cursorUp), (.character("k"), .cursorUp), (.character(" "), .toggleCode),
            (.character("1"), .toggleNumbered), (.character("0"), .toggleNumbered), (.pageDown, .scrollDown),
            (.pageUp, .scrollUp), (.character("/"), .search), (.character("n"), .searchNext),
            (.character("N"), .searchPrevious), (.character("g"), .goToPaper), (.character("u"), .undo),
            (.control("r"), .redo), (.character("e"), .editNote), (.character("f"), .flag),
            (.character("s"), .toggleSummary), (.character("?"), .help), (.character("q"), .quit),
            (.control("z"), .suspend),
        ]
        for (key, action) in expected { #expect(Keymap.action(for: key) == action, "\(key)") }
    }

    @Test func statusHintsComeFromTheTable() throws {
        let hints = StatusBar.hints(for: .normal)
        for binding in Keymap.bindings where binding.hint != nil {
            #expect(hints.contains("\(binding.keyLabel) \(binding.hint ?? "")"))
        }
        let paper = Fixtures.papers[0]
        let selection = try #require(QuoteSelection(field: .abstract, start: 0, end: 2, in: paper.abstract))
        #expect(StatusBar.hints(for: .selecting(selection))
            == "↓↑ sentence  →← word  ⇧→ extend  Enter attach  x remove  Esc cancel  ? help")
    }

    @Test(arguments: [
        (Unicode.Scalar(0x09), Key.tab), (Unicode.Scalar(0x0D), .enter), (Unicode.Scalar(0x1B), .escape),
        (Unicode.Scalar(0x12), .control("r")), (Unicode.Scalar(0x7F), .backspace), (Unicode.Scalar("é"), .character("é")),
    ])
    func terminalCharactersBecomeKeys(scalar: Unicode.Scalar, key: Key) {
        #expect(Key.fromCharacter(scalar) == key)
    }
}
