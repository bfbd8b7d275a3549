import Testing
@testable import LitCoderUI

@Suite struct RectTests {
    @Test func negativeSizesClampToZero() {
        let r = Rect(x: 0, y: 0, width: -3, height: -1)
        #expect(r.width == 0 && r.height == 0)
    }
}
