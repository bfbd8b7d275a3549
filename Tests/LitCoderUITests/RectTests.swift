import Testing
@testable import LitCoderUI

@Suite struct RectTests {
    @Test func negativeSizesClampToZero() {
        let r = Rect(x: 0, y: 0, width: -3, height: -1)
        #expect(r.width == 0 && r.height == 0)
    }

    /// Every split keeps the parts inside the whole and their sizes adding up, at any size.
    @Test(arguments: [0, 1, 7, 80], [0, 1, 3, 100])
    func splitsStayInsideAndAddUp(width: Int, taken: Int) {
        let whole = Rect(x: 2, y: 3, width: width, height: width)
        let (rest, bottom) = whole.splitBottom(taken)
        #expect(rest.height + bottom.height == whole.height)
        #expect(bottom.maxY == whole.maxY && rest.y == whole.y)
        let (top, below) = whole.splitTop(taken)
        #expect(top.height + below.height == whole.height && below.maxY == whole.maxY)
        let (left, right) = whole.splitLeft(taken)
        #expect(left.width + right.width == whole.width && right.maxX == whole.maxX)
        let (before, last) = whole.splitRight(taken)
        #expect(before.width + last.width == whole.width && last.maxX == whole.maxX)
        #expect(last.width == min(taken, width) && bottom.height == min(taken, width))
    }

    @Test(arguments: [
        (Rect(width: 0, height: 0), Rect(x: 0, y: 0, width: 0, height: 0)),
        (Rect(width: 1, height: 1), Rect(x: 0, y: 0, width: 1, height: 1)),
        (Rect(width: 2, height: 3), Rect(x: 1, y: 1, width: 0, height: 1)),
        (Rect(width: 7, height: 5), Rect(x: 1, y: 1, width: 5, height: 3)),
    ])
    func insetNeverGoesNegative(whole: Rect, expected: Rect) {
        #expect(whole.inset() == expected)
    }

    @Test func splitBottomOfOddHeight() {
        let (body, status) = Rect(width: 9, height: 7).splitBottom(1)
        #expect(body == Rect(x: 0, y: 0, width: 9, height: 6))
        #expect(status == Rect(x: 0, y: 6, width: 9, height: 1))
    }

    @Test func intersectionOfDisjointRectsIsEmpty() {
        #expect(Rect(x: 0, y: 0, width: 3, height: 3).intersection(Rect(x: 5, y: 5, width: 2, height: 2)).isEmpty)
        #expect(Rect(x: 0, y: 0, width: 4, height: 4).intersection(Rect(x: 2, y: 1, width: 9, height: 1))
            == Rect(x: 2, y: 1, width: 2, height: 1))
    }
}
