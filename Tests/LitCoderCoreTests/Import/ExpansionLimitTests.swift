import Foundation
import Testing
@testable import LitCoderCore

/// Inputs that grow when read: BibTeX `@string` macros and YAML aliases are expanded only
/// within bounds, and nesting is limited, each with an error naming the place.
@Suite struct ExpansionLimitTests {
    /// `@string{m1 = m0 # m0}` … doubling: m19 holds 2^20 bytes (1 MiB), m20 twice that.
    static func doubling(to last: Int) -> String {
        var text = "@string{m0 = {ab}}\n"
        for k in 1...last { text += "@string{m\(k) = m\(k - 1) # m\(k - 1)}\n" }
        return text
    }

    /// A comment that makes the file 500 KB, so the macros may add 5 MB in all: enough for m0 to
    /// m20 (4 MB), so that the limit per value, not the one per file, is met first.
    static let padding = "@comment{" + String(repeating: "x", count: 500_000) + "}\n"

    @Test func aMacroThatDoublesPastOneMegabyteIsLeftUndefinedWithAnError() {
        let text = Self.doubling(to: 22) + "@article{ok, title = {Fine}, journal = m10}\n@article{bomb, title = m22}\n" + Self.padding
        let parsed = BibTeXParser.parse(Array(text.utf8), file: "refs.bib")
        let errors = parsed.diagnostics.filter { $0.severity == .error }.map(\.description)
        // m19 is exactly 1 MiB (allowed); m20, m21, m22 are not, each at its own line.
        #expect(errors == [
            "refs.bib:21: error: @string 'm20' expands to 2 MB; litcoder stops at 1 MB per value, so it is left undefined\n  hint: entries that use 'm20' are skipped; a macro that repeats another (m1 = m0 # m0) grows twice as long at each step",
            "refs.bib:22: error: @string 'm21' expands to 4 MB; litcoder stops at 1 MB per value, so it is left undefined\n  hint: entries that use 'm21' are skipped; a macro that repeats another (m1 = m0 # m0) grows twice as long at each step",
            "refs.bib:23: error: @string 'm22' expands to 8 MB; litcoder stops at 1 MB per value, so it is left undefined\n  hint: entries that use 'm22' are skipped; a macro that repeats another (m1 = m0 # m0) grows twice as long at each step",
            "refs.bib:25: error: @article skipped: field 'title' expands to 8 MB (it uses @string 'm22'); litcoder stops at 1 MB per field\n  hint: fix the entry and import the file again",
        ], "\(errors)")
        #expect(parsed.records.map(\.key) == ["ok"])
        #expect(parsed.records.first?.venue?.utf8.count == 2 << 10)
    }

    @Test func aMacroChainOfSixtyStepsStaysSmall() {
        // 2^61 bytes if expanded: the sizes saturate instead of overflowing.
        let text = Self.doubling(to: 70) + "@article{bomb, title = m70 # m70}\n@article{after, title = {After}}\n" + Self.padding
        let parsed = BibTeXParser.parse(Array(text.utf8), file: "refs.bib")
        #expect(parsed.records.map(\.key) == ["after"])
        #expect(parsed.diagnostics.contains { $0.message.hasPrefix("@string 'm70' expands to ") })
        #expect(parsed.diagnostics.contains { $0.message.hasPrefix("@article skipped: field 'title' expands to ") })
    }

    @Test func aSmallFileOfDoublingMacrosMeetsTheLimitPerFile() {
        let text = Self.doubling(to: 25) + "@article{k, title = m5}\n"
        let parsed = BibTeXParser.parse(Array(text.utf8), file: "refs.bib")
        // m1 … m18 add 2^20 − 4 bytes in all, just under the 1 MB a small file may expand to; m19 would pass it.
        let first = parsed.diagnostics.first { $0.severity == .error }
        #expect(first?.description == "refs.bib:20: error: @string skipped: @string macros expand this file to more than 10 times its size (1 MB); litcoder stops expanding there\n  hint: fix the entry and import the file again")
        #expect(parsed.records.isEmpty)
    }

    @Test func macrosMayNotAddMoreThanTenTimesTheFile() {
        // A 100 KB macro used by every entry of a small file: the first ten or so fit the budget.
        var text = "@string{long = {" + String(repeating: "x", count: 100_000) + "}}\n"
        for i in 0..<40 { text += "@article{k\(i), title = {T\(i)}, journal = long}\n" }
        let parsed = BibTeXParser.parse(Array(text.utf8), file: "refs.bib")
        let size = text.utf8.count
        let budget = max(size * BibTeXParser.expansionFactor, BibTeXParser.largestValue)
        #expect(parsed.records.count == budget / 100_000)
        let skipped = parsed.diagnostics.filter { $0.message.contains("@string macros expand this file to more than 10 times its size") }
        #expect(skipped.count == 40 - budget / 100_000)
        #expect(skipped.first?.line == 2 + budget / 100_000)
    }

    @Test func anUnreadFieldMayBeOversizedWithoutSkippingTheEntry() {
        let text = Self.doubling(to: 20) + "@article{k, title = {Kept}, note = m20}\n" + Self.padding
        let parsed = BibTeXParser.parse(Array(text.utf8), file: "refs.bib")
        #expect(parsed.records.map(\.title) == ["Kept"])
    }

    // MARK: YAML

    static let header = "id: cb\ntitle: T\nversion: \"1\"\n"
    static let oneDimension = "dimensions:\n  - id: d\n    label: D\n    kind: text\n"

    @Test func yamlAliasAmplificationIsRefusedWhereItCrossesTheLimit() {
        var text = Self.header + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for k in 1..<9 { text += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
        text += Self.oneDimension
        let (codebook, diagnostics) = CodebookLoader.parse(text, file: "cb.yaml")
        #expect(codebook == nil)
        #expect(diagnostics.count == 1)
        // Worked out by hand: after a2 (1,111 nodes) 43 nodes are written and 1,243 built; the first
        // alias of a3 (line 7, column 10) makes 2,356 built of 46 written, past 10 × 46 + 1,000.
        #expect(diagnostics.first?.location == "cb.yaml:7:10", "\(diagnostics)")
        #expect(diagnostics.first?.message.hasPrefix("YAML aliases here make the file ") == true, "\(diagnostics)")
        #expect(diagnostics.first?.message.hasSuffix("litcoder refuses aliases that multiply a file more than 10 times") == true)
    }

    @Test func aFewAliasesOfAHelpTextAreFine() {
        let text = Self.header + "description: &help \"Shared help\"\n"
            + "dimensions:\n  - id: d\n    label: D\n    kind: text\n    help: *help\n  - id: e\n    label: E\n    kind: text\n    help: *help\n"
        let (codebook, diagnostics) = CodebookLoader.parse(text, file: "cb.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(codebook?.dimensions.map(\.help) == ["Shared help", "Shared help"])
    }

    @Test(arguments: [("flow", String(repeating: "[", count: 100) + String(repeating: "]", count: 100)),
                      ("block", (0..<100).map { String(repeating: "  ", count: $0) + "-" }.joined(separator: "\n"))])
    func yamlNestingDeeperThan64IsRefused(style: String, nested: String) {
        let text = Self.header + "dimensions: " + (style == "block" ? "\n" : "") + nested + "\n"
        let (codebook, diagnostics) = CodebookLoader.parse(text, file: "cb.yaml")
        #expect(codebook == nil)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message == "YAML nested more than 64 levels deep; litcoder stops there", "\(diagnostics)")
        #expect(diagnostics.first?.line == (style == "block" ? 4 + 64 : 4))
    }

    @Test func theProjectFileIsCheckedTheSameWay() throws {
        let folder = try TemporaryFolder()
        var text = "name: x\ncodebook: cb.yaml\nl0: &l0 [a, a, a, a, a, a, a, a, a, a]\n"
        for k in 1..<8 { text += "l\(k): &l\(k) [" + Array(repeating: "*l\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try folder.write("litcoder.yaml", text)
        #expect {
            _ = try Project.load(root: folder.url)
        } throws: { error in
            "\(error)".hasPrefix("litcoder.yaml:6:10: error: YAML aliases here make the file 2354 nodes where 44 are written")
        }
    }
}
