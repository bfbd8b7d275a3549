import LitCoderCore
import Testing
@testable import LitCoderUI

/// Keys that mean nothing here, pastes and mouse reports: none of them ever codes anything,
/// and each says so in the status bar. Required dimensions before Enter marks a paper done.
@Suite struct WorkbenchInputTests {
    typealias Harness = WorkbenchTests.Harness

    static let unbound: [(Key, String)] = [
        (.modified(.character("3"), .alt), "unbound key Alt-3; ? lists the keys"),
        (.modified(.function(5), .control), "unbound key Ctrl-F5; ? lists the keys"),
        (.function(1), "unbound key F1; ? lists the keys"),
        (.insert, "unbound key Insert; ? lists the keys"),
        (.modified(.home, .control), "unbound key Ctrl-Home; ? lists the keys"),
        (.unknown("ESC[99~"), "unknown key sequence ESC[99~ ignored; ? lists the keys"),
        (.character("~"), "unbound key ~; ? lists the keys"),
    ]

    @Test(arguments: unbound)
    func anUnboundKeyCodesNothingAndSaysSo(key: Key, message: String) {
        var h = Harness()
        h.press(key)
        #expect(h.log.isEmpty)
        #expect(h.workbench.message?.text == message)
        #expect(h.lastEffects == [.bell])
    }

    @Test func altWithADigitIsNotTheDigit() {
        var h = Harness()
        h.press(.modified(.character("1"), .alt), .modified(.character("2"), .alt))
        #expect(h.codes("motivation").isEmpty && h.log.isEmpty)
    }

    @Test func homeAndEndJumpToTheFirstAndLastCode() {
        var h = Harness()
        h.press(.end)
        #expect(h.workbench.codeCursor == 4)
        h.press(.home)
        #expect(h.workbench.codeCursor == 0)
        h.press(.tab, .tab, .end)
        #expect(h.workbench.codeCursor == 2)
        #expect(h.log.isEmpty)
    }

    @Test func aPasteOnTheMainScreenIsRefusedNotTyped() {
        var h = Harness()
        h.run(h.workbench.update(.paste("1 2 3")))
        #expect(h.log.isEmpty && h.codes("motivation").isEmpty)
        #expect(h.workbench.message?.text == InputNotice.pasteRefused)
        #expect(h.lastEffects == [.bell])
    }

    @Test func aPasteGoesIntoAnOpenPrompt() {
        var h = Harness()
        h.press(.character("e"))
        h.run(h.workbench.update(.paste("first line\r\nsecond\tline\u{1B}[31m")))
        h.press(.enter)
        #expect(h.workbench.currentCoding.note == "first line second line[31m")
        h.perform(.search)
        h.run(h.workbench.update(.paste("smart")))
        #expect(h.paper == "P002")
    }

    @Test func aHugePasteIsCutAndSaysSo() {
        var h = Harness()
        h.press(.character("e"))
        h.run(h.workbench.update(.paste(String(repeating: "x", count: 100_000))))
        guard case .prompt(let prompt) = h.workbench.mode else {
            Issue.record("the note editor closed")
            return
        }
        #expect(prompt.text.count == InputNotice.pasteLimit)
        #expect(h.workbench.message?.text == "Pasted text cut to its first 4096 characters; longer text goes in $EDITOR (Ctrl-O)")
        h.press(.escape, .character("e"))
        h.run(h.workbench.update(.paste(String(repeating: "y", count: InputNotice.pasteLimit))))
        #expect(h.workbench.message == nil)
    }

    @Test func mouseReportsDoNothingButSaySo() {
        var h = Harness()
        h.run(h.workbench.update(.mouse(MouseReport(button: 0, column: 90, row: 3, isPress: true))))
        #expect(h.log.isEmpty)
        #expect(h.workbench.message?.text == "mouse click at column 90, row 3 ignored: litcoder is used with keys (? lists them)")
    }

    @Test func keysInAPromptAreTextOrRefused() {
        var h = Harness()
        h.press(.character("e"), .character("1"), .modified(.character("2"), .alt), .function(3), .enter)
        #expect(h.workbench.currentCoding.note == "1")
        #expect(h.codes("motivation").isEmpty)
    }

    @Test func enterWithARequiredDimensionEmptyAsksFirst() {
        var h = Harness()
        h.press(.enter)
        #expect(h.log.isEmpty)
        #expect(h.paper == "P001")
        #expect(h.workbench.message?.text == "Required and still empty: Motivation. Enter again marks the paper done anyway")
        h.press(.enter)
        #expect(h.log.map(\.op) == [.done])
        #expect(h.log.last?.paper == "P001" && h.log.last?.value == true)
        #expect(h.paper == "P002")
    }

    @Test func anotherKeyBetweenTheEntersAsksAgain() {
        var h = Harness()
        h.press(.enter, .down, .enter)
        #expect(h.log.isEmpty)
        h.press(.character("1"), .enter)
        #expect(h.log.map(\.op) == [.set, .done])
    }

    @Test func statusBarKeepsHelpAtEveryWidth() {
        for width in [40, 60, 80, 100, 120, 200] {
            var workbench = Workbench(codebook: Fixtures.codebook, papers: Fixtures.papers, coder: "alice", events: [])
            _ = workbench.update(.resize(width: width, height: 24))
            let canvas = WorkbenchView().render(workbench, width: width, height: 24)
            let status = canvas.lines[23]
            #expect(status.contains("? help"), "\(width): \(status)")
            #expect(!status.contains("…"), "\(width): \(status)")
        }
    }
}
