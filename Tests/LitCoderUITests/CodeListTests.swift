import Foundation
import LitCoderCore
import Testing
@testable import LitCoderUI

/// A dimension with 84 codes (as the SER codebook's dataset dimension has): the cursor row is
/// always on screen, number keys act on the codes shown beside the numbers, and `c` finds any
/// code in at most four keys.
@Suite struct CodeListTests {
    /// 84 dataset codes: invented names, two of them as the survey writes them.
    static let codebook: Codebook = {
        var codes = (1...84).map { n in
            Code(id: "set-\(n)", label: "Corpus number \(n)", definition: "Dataset \(n) of the test list.")
        }
        codes[49] = Code(id: "msp-podcast", label: "MSP-Podcast", definition: "Natural podcast speech.", aliases: ["MSP-Podcast"])
        codes[83] = Code(id: "in-house", label: "Private or in-house data", definition: "Private data.", aliases: ["in-house", "proprietary"])
        return Codebook(id: "long", title: "Long list", version: "1", dimensions: [
            Dimension(id: "relevance", label: "Relevance", kind: .single, required: true,
                      codes: [Code(id: "in", label: "In scope"), Code(id: "out", label: "Out of scope")]),
            Dimension(id: "dataset", label: "Dataset", kind: .multi, required: true, codes: codes),
            Dimension(id: "note", label: "Note", kind: .text),
        ], contentHash: String(repeating: "ab", count: 32))
    }()

    static func harness(codebook: Codebook = codebook, width: Int, height: Int) -> WorkbenchTests.Harness {
        var h = WorkbenchTests.Harness()
        h.workbench = Workbench(codebook: codebook, papers: Fixtures.papers, coder: "alice", events: [])
        _ = h.workbench.update(.resize(width: width, height: height))
        h.press(.tab)
        return h
    }

    /// The codebook pane's columns and rows at this size.
    static func pane(_ h: WorkbenchTests.Harness) -> Rect {
        let size = h.workbench.screenSize
        return WorkbenchLayout(width: size.width, height: size.height, showSummary: false, promptOpen: false).codebook
    }

    /// The text of each row of the pane that is drawn in reverse video (the cursor bar).
    static func cursorRows(_ canvas: Canvas, in pane: Rect) -> [String] {
        (pane.y..<pane.maxY).compactMap { y in
            guard canvas[pane.x + 2, y].style.contains(.reverse) else { return nil }
            return (pane.x..<pane.maxX).map { canvas[$0, y].text }.joined()
        }
    }

    static let sizes = [(120, 40), (80, 24), (60, 20)]

    @Test(arguments: sizes)
    func theCursorRowIsAlwaysOnScreen(width: Int, height: Int) {
        var h = Self.harness(width: width, height: height)
        let codes = Self.codebook.dimensions[1].codes
        func check(_ index: Int, sourceLocation: SourceLocation = #_sourceLocation) {
            let canvas = WorkbenchView().render(h.workbench, width: width, height: height)
            let rows = Self.cursorRows(canvas, in: Self.pane(h))
            #expect(rows.count == 1 && rows.first?.contains(codes[index].label) == true,
                    "cursor on \(codes[index].label): \(rows)", sourceLocation: sourceLocation)
        }
        for index in codes.indices {
            #expect(h.workbench.codeCursor == index)
            check(index)
            h.press(.character("j"))
        }
        for index in codes.indices.reversed() {
            check(index)
            h.press(.character("k"))
        }
        h.press(.end)
        check(83)
        h.press(.home)
        check(0)
        #expect(h.log.isEmpty)
    }

    /// Number keys toggle the code drawn beside that number, wherever the list is scrolled.
    @Test(arguments: sizes)
    func numberKeysActOnTheCodesShown(width: Int, height: Int) {
        var h = Self.harness(width: width, height: height)
        for _ in 0..<40 { h.press(.down) }
        let canvas = WorkbenchView().render(h.workbench, width: width, height: height)
        let pane = Self.pane(h)
        let rows = (pane.y..<pane.maxY).map { y in (pane.x..<pane.maxX).map { canvas[$0, y].text }.joined() }
        var toggled = 0
        for digit in [1, 4, 0] {
            guard let row = rows.first(where: { $0.hasPrefix("  \(digit) [ ] ") }) else {
                // Fewer than ten codes on screen: the key says so and codes nothing.
                h.press(.character(Character(String(digit))))
                #expect(h.workbench.message?.text == "No code shown at \(digit) in Dataset")
                #expect(h.log.count == toggled)
                continue
            }
            toggled += 1
            let label = String(row.dropFirst("  1 [ ] ".count)).trimmingCharacters(in: .whitespaces)
            let code = Self.codebook.dimensions[1].codes.first { $0.label == label }
            h.press(.character(Character(String(digit))))
            #expect(h.log.last?.codes?.contains(code?.id ?? "?") == true, "\(digit) → \(label)")
            #expect(h.workbench.message?.text == "\(digit) = \(label) ✓ on (numbers count the rows on screen)")
        }
        #expect(h.log.count == toggled && toggled >= 2)
    }

    @Test func findingACodeByPartOfItsName() {
        var h = Self.harness(width: 120, height: 40)
        h.press(.character("c"))
        h.type("podc")
        let canvas = WorkbenchView().render(h.workbench, width: 120, height: 40)
        #expect(canvas.text.contains(" 50 [ ] MSP-Podcast"))
        #expect(!canvas.text.contains("Corpus number 1"))
        h.press(.enter)
        #expect(h.log.last?.codes == ["msp-podcast"])
        #expect(h.workbench.mode == .normal)
        // By alias, and choosing among several matches with ↓.
        h.press(.character("c"))
        h.type("proprietary")
        h.press(.enter)
        #expect(h.log.last?.codes == ["msp-podcast", "in-house"])
        h.press(.character("c"))
        h.type("number 7")
        h.press(.down, .enter)
        #expect(h.log.last?.codes?.contains("set-70") == true)
    }

    @Test func findingNothingTogglesNothing() {
        var h = Self.harness(width: 120, height: 40)
        h.press(.character("c"))
        h.type("zzz")
        #expect(h.workbench.message?.text == "No code matches 'zzz'")
        h.press(.enter)
        #expect(h.log.isEmpty)
        h.press(.character("c"), .escape)
        #expect(h.log.isEmpty && h.workbench.mode == .normal)
    }

    /// Every code of the survey's real dataset dimension, reached with `c`, its number and
    /// Enter: at most four keys, and the code toggled is the one at that place in the codebook.
    @Test func everyCodeOfTheSurveysDatasetListIsFourKeysAway() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("codebooks/ser-survey.yaml")
        let codebook = try #require(CodebookLoader.load(url: url, displayName: "ser-survey.yaml").0)
        let index = try #require(codebook.dimensions.firstIndex { $0.id == "dataset" })
        let codes = codebook.dimensions[index].codes
        #expect(codes.count >= 80)
        for (place, code) in codes.enumerated() {
            var h = WorkbenchTests.Harness()
            h.workbench = Workbench(codebook: codebook, papers: Fixtures.papers, coder: "alice", events: [])
            _ = h.workbench.update(.resize(width: 80, height: 24))
            for _ in 0..<index { h.press(.tab) }
            let keys: [Key] = [.character("c")] + String(place + 1).map { .character($0) } + [.enter]
            #expect(keys.count <= 4)
            for key in keys { h.press(key) }
            #expect(h.log.last?.codes == [code.id], "\(place + 1): \(code.id)")
        }
        #expect(CodeFinder.matches("podc", in: codebook.dimensions[index]).first.map { codes[$0].id } == "msp-podcast")
        #expect(CodeFinder.matches("in-house", in: codebook.dimensions[index]).first.map { codes[$0].id } == "in-house")
    }

    static let screens: [(name: String, keys: [Key])] = [
        ("long-list-middle", Array(repeating: .down, count: 40)),
        ("long-list-end", [.end]),
        ("long-list-find", [.character("c"), .character("p"), .character("o"), .character("d")]),
    ]

    @Test(arguments: screens.flatMap { screen in [(120, 40), (80, 24)].map { (screen.name, $0.0, $0.1) } })
    func screen(name: String, width: Int, height: Int) throws {
        let keys = try #require(Self.screens.first { $0.name == name }).keys
        var h = Self.harness(width: width, height: height)
        for key in keys { h.press(key) }
        GoldenScreen.check(WorkbenchView().render(h.workbench, width: width, height: height), named: "\(name)-\(width)x\(height)")
    }
}
