import Testing
@testable import LitCoderUI

@Suite struct CanvasTests {
    @Test func writingOutsideIsIgnored() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.write("abcdef", x: -2, y: 0)
        canvas.write("zz", x: 3, y: 1)
        canvas.write("never", x: 0, y: 5)
        #expect(canvas.lines == ["cdef", "   z"])
    }

    @Test func clipRectangleLimitsDrawing() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("abcdef", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(canvas.lines == [" bcd"])
    }

    @Test func wideCharacterTakesTwoCells() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.write("漢x", x: 0, y: 0)
        #expect(canvas[0, 0].text == "漢" && canvas[1, 0].isContinuation && canvas[2, 0].text == "x")
        #expect(canvas.lines == ["漢x"])
    }

    @Test func aLongClusterIsKeptWholeInItsCell() {
        var canvas = Canvas(width: 6, height: 1)
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        canvas.draw(Glyph.line("a" + family + "🇩🇪"), x: 0, y: 0)
        #expect(canvas[1, 0].text == family)
        #expect(canvas[2, 0].isContinuation)
        #expect(canvas[3, 0].text == "🇩🇪" && canvas[4, 0].isContinuation)
        #expect(canvas.lines == ["a" + family + "🇩🇪"])
        let backend = MemoryBackend(width: 6, height: 1)
        backend.draw(canvas.changes(from: nil))
        #expect(backend.screen == canvas)
    }

    @Test func wideCharacterThatDoesNotFitLeavesABlank() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.write("ab漢", x: 0, y: 0)
        #expect(canvas.lines == ["ab"])
        #expect(!canvas[2, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.write("漢字", x: 0, y: 0)
        canvas.write("x", x: 1, y: 0)
        #expect(canvas.lines == [" x字"])
        canvas.write("y", x: 2, y: 0)
        #expect(canvas.lines == [" xy"])
        #expect(!canvas[3, 0].isContinuation)
    }

    @Test func changesListOnlyWhatDiffers() {
        var before = Canvas(width: 5, height: 2)
        before.write("hello", x: 0, y: 0)
        var after = before
        after.write("J", x: 0, y: 1)
        #expect(after.changes(from: before) == [CellChange(x: 0, y: 1, cell: Cell("J"))])
        #expect(after.changes(from: nil).count == 10)
        #expect(after.changes(from: Canvas(width: 3, height: 3)).count == 10)
    }

    @Test func changedContinuationSendsItsLeadCell() {
        var before = Canvas(width: 4, height: 1)
        before.write("ab", x: 0, y: 0)
        var after = before
        after.write("漢", x: 1, y: 0)
        let changes = after.changes(from: before)
        #expect(changes.map(\.x) == [1])
        #expect(changes.first?.cell.text == "漢")
    }

    @Test func memoryBackendShowsWhatWasDrawn() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("a漢b", x: 0, y: 0)
        let backend = MemoryBackend(width: 6, height: 1)
        backend.draw(canvas.changes(from: nil))
        #expect(backend.screen.lines == canvas.lines)
    }
}
