import Foundation
import Testing
@testable import LitCoderCore

/// One broken codebook: the edit that breaks the valid base, and what validation must say where.
struct BrokenCodebook: CustomTestStringConvertible, Sendable {
    var name: String
    /// Replacements applied to `CodebookValidationTests.base`, each `find` occurring exactly once.
    var edits: [(find: String, replace: String)]
    var fragment: String
    var line: Int
    var column: Int
    var severity: Diagnostic.Severity = .error

    var testDescription: String { name }
}

@Suite struct CodebookValidationTests {
    /// A small valid codebook; the line numbers in the table below refer to it as edited.
    static let base = """
        id: t
        title: T
        version: "1"
        dimensions:
          - id: motivation
            label: Motivation
            kind: multi
            codes:
              - id: health
                label: Health
                needs: [natural]
          - id: dataset
            label: Dataset
            kind: multi
            codes:
              - id: d1
                label: D1
                provides: [natural]
        alignments:
          - id: m-d
            label: M-D
            from: motivation
            to: dataset

        """

    @Test func anUnclosedQuoteFurtherUpIsNamedInTheHint() throws {
        let text = Self.apply([("    label: Motivation", "    label: \"Motivation"), ("        label: D1", "        label: \"D1\"")])
        let (codebook, diagnostics) = CodebookLoader.parse(text, file: "cb.yaml")
        #expect(codebook == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.line != 6, "libyaml itself gives up further down")
        #expect(diagnostic.hint?.hasPrefix("cb.yaml:6:12 opens a quote that does not close on its line") == true, "\(diagnostic)")
    }

    @Test(arguments: [
        ("key: \"open\nnext: x\n", 1, 6), ("- 'it''s open\n", 1, 3), ("a: 'fine'\nb: \"fine \\\" too\"\nc: it's plain\nd: \"open\n", 4, 4),
    ] as [(String, Int, Int)])
    func unclosedQuotesAreFound(text: String, line: Int, column: Int) {
        let found = YAMLDiagnostics.unclosedQuote(in: text, through: 99)
        #expect(found?.line == line && found?.column == column)
    }

    static func apply(_ edits: [(find: String, replace: String)]) -> String {
        var text = base
        for edit in edits {
            guard let range = text.range(of: edit.find) else { Issue.record("'\(edit.find)' not in the base"); continue }
            text.replaceSubrange(range, with: edit.replace)
        }
        return text
    }

    static let broken: [BrokenCodebook] = [
        .init(name: "YAML syntax", edits: [("title: T", "title: [T")],
              fragment: "YAML syntax", line: 3, column: 8),
        .init(name: "unclosed bracket names where it opened", edits: [("title: T", "title: [T")],
              fragment: "while parsing a flow sequence that starts at line 2, column 8", line: 3, column: 8),
        .init(name: "unclosed quote is shown where it opened", edits: [("title: T", "title: 'T")],
              fragment: "end of the file while scanning a quoted scalar that starts here and is never closed", line: 2, column: 8),
        .init(name: "repeated YAML key", edits: [("title: T", "title: T\ntitle: U")],
              fragment: "key 'title' appears more than once", line: 2, column: 1),
        .init(name: "not a mapping", edits: [(base, "- a\n- b\n")],
              fragment: "a codebook must be a mapping", line: 1, column: 1),
        .init(name: "unknown codebook key", edits: [("version: \"1\"", "version: \"1\"\nversoin: 2")],
              fragment: "unknown key 'versoin' in the codebook; did you mean 'version'?", line: 4, column: 1),
        .init(name: "unknown dimension key", edits: [("    label: Motivation", "    label: Motivation\n    hlep: x")],
              fragment: "unknown key 'hlep' in a dimension; did you mean 'help'?", line: 7, column: 5),
        .init(name: "unknown code key", edits: [("        label: Health", "        label: Health\n        defintion: x")],
              fragment: "unknown key 'defintion' in a code; did you mean 'definition'?", line: 11, column: 9),
        .init(name: "unknown alignment key", edits: [("    to: dataset", "    to: dataset\n    form: x")],
              fragment: "unknown key 'form' in an alignment; did you mean 'from'?", line: 24, column: 5),
        .init(name: "unknown need key", edits: [("needs: [natural]", "needs: [{anyy: [natural]}]")],
              fragment: "unknown key 'anyy' in a need; did you mean 'any'?", line: 11, column: 18),
        .init(name: "text where a list belongs", edits: [("provides: [natural]", "provides: {a: b}")],
              fragment: "'provides' must be a list", line: 18, column: 19),
        .init(name: "list where text belongs", edits: [("title: T", "title: [T, U]")],
              fragment: "'title' must be text, not a list", line: 2, column: 8),
        .init(name: "required not a boolean", edits: [("    label: Dataset", "    label: Dataset\n    required: maybe")],
              fragment: "'required' must be true or false", line: 14, column: 15),
        .init(name: "codebook without id", edits: [("id: t\n", "")],
              fragment: "the codebook has no 'id'", line: 1, column: 1),
        .init(name: "codebook without version", edits: [("version: \"1\"\n", "")],
              fragment: "the codebook has no 'version'", line: 1, column: 1),
        .init(name: "codebook without dimensions", edits: [("dimensions:", "dims:")],
              fragment: "the codebook has no 'dimensions'", line: 1, column: 1),
        .init(name: "dimension without kind", edits: [("    label: Dataset\n    kind: multi\n", "    label: Dataset\n")],
              fragment: "dimension 'dataset' has no 'kind'", line: 12, column: 5),
        .init(name: "dimension without label", edits: [("    label: Dataset\n", "")],
              fragment: "dimension 'dataset' has no 'label'", line: 12, column: 5),
        .init(name: "code without label", edits: [("        label: D1\n", "")],
              fragment: "code 'd1' has no 'label'", line: 16, column: 9),
        .init(name: "code without id", edits: [("      - id: d1\n        label: D1", "      - label: D1")],
              fragment: "this code has no 'id'", line: 16, column: 9),
        .init(name: "invalid kind", edits: [("    label: Dataset\n    kind: multi", "    label: Dataset\n    kind: multiple")],
              fragment: "kind 'multiple' is not one of single, multi, text, number; did you mean 'multi'?", line: 14, column: 11),
        .init(name: "badly formed id", edits: [("      - id: d1", "      - id: Data Set")],
              fragment: "id 'Data Set' is not a well-formed id", line: 16, column: 13),
        .init(name: "badly formed context", edits: [("provides: [natural]", "provides: [natural, In Car]")],
              fragment: "context 'In Car' is not a well-formed name", line: 18, column: 29),
        .init(name: "duplicate dimension id", edits: [("  - id: dataset", "  - id: motivation")],
              fragment: "duplicate dimension id 'motivation' (first at line 5)", line: 12, column: 9),
        .init(name: "duplicate code id", edits: [("        needs: [natural]", "        needs: [natural]\n      - id: health\n        label: Again")],
              fragment: "duplicate code id 'health' in dimension 'motivation' (first at line 9)", line: 12, column: 13),
        .init(name: "duplicate alignment id", edits: [("    to: dataset", "    to: dataset\n  - id: m-d\n    label: Again\n    from: motivation\n    to: dataset")],
              fragment: "duplicate alignment id 'm-d' (first at line 20)", line: 24, column: 9),
        .init(name: "codes on a text dimension", edits: [("    label: Dataset\n    kind: multi", "    label: Dataset\n    kind: text")],
              fragment: "text dimension 'dataset' has codes", line: 15, column: 5),
        .init(name: "coded dimension without codes", edits: [("    codes:\n      - id: d1\n        label: D1\n        provides: [natural]\n", "")],
              fragment: "dimension 'dataset' (multi) has no codes", line: 12, column: 5),
        .init(name: "need no code provides", edits: [("needs: [natural]", "needs: [natural, clinical]")],
              fragment: "code 'health' needs clinical, which no code of 'dataset' provides, so it can never be met", line: 11, column: 26),
        .init(name: "misspelt need", edits: [("needs: [natural]", "needs: [natrual]")],
              fragment: "needs natrual, which no code of 'dataset' provides, so it can never be met; did you mean 'natural'?", line: 11, column: 17),
        .init(name: "alternative no code provides", edits: [("needs: [natural]", "needs: [{any: [natural, classroom]}]")],
              fragment: "needs any of natural, classroom, but no code provides 'classroom'", line: 11, column: 17, severity: .warning),
        .init(name: "empty any", edits: [("needs: [natural]", "needs: [{any: []}]")],
              fragment: "'any' lists no contexts", line: 11, column: 23),
        .init(name: "alignment to a missing dimension", edits: [("    to: dataset", "    to: datset")],
              fragment: "alignment 'm-d' names dimension 'datset' (to), which does not exist; did you mean 'dataset'?", line: 23, column: 9),
        .init(name: "alignment from a missing dimension", edits: [("    from: motivation", "    from: motive")],
              fragment: "alignment 'm-d' names dimension 'motive' (from), which does not exist", line: 22, column: 11),
        .init(name: "alignment to a text dimension", edits: [("    label: Dataset\n    kind: multi\n    codes:\n      - id: d1\n        label: D1\n        provides: [natural]\n", "    label: Dataset\n    kind: text\n")],
              fragment: "alignment 'm-d' names text dimension 'dataset' (to)", line: 19, column: 9),
        .init(name: "alignment to itself", edits: [("    to: dataset", "    to: motivation")],
              fragment: "alignment 'm-d' goes from 'motivation' to itself", line: 23, column: 9),
        .init(name: "needs without an alignment", edits: [("    from: motivation\n    to: dataset", "    from: dataset\n    to: motivation")],
              fragment: "codes of dimension 'motivation' have needs, but no alignment goes from 'motivation'", line: 11, column: 17, severity: .warning),
        .init(name: "provides without an alignment", edits: [("    from: motivation\n    to: dataset", "    from: dataset\n    to: motivation")],
              fragment: "codes of dimension 'dataset' provide contexts, but no alignment goes to 'dataset'", line: 18, column: 20, severity: .warning),
        .init(name: "alias not a regular expression", edits: [("        label: D1", "        label: D1\n        aliases: ['D1', '/(unclosed/']")],
              fragment: "alias '/(unclosed/' of code 'd1': not a valid regular expression", line: 18, column: 25),
        .init(name: "alias matching empty text", edits: [("        label: D1", "        label: D1\n        aliases: ['/x*/']")],
              fragment: "matches empty text", line: 18, column: 19),
        .init(name: "empty alias", edits: [("        label: D1", "        label: D1\n        aliases: ['']")],
              fragment: "the alias is empty", line: 18, column: 19),
        .init(name: "alias looking like a regular expression without slashes",
              edits: [("        label: D1", "        label: D1\n        aliases:\n          - D1\n          - call[- ]cent(er|re")],
              fragment: "alias 'call[- ]cent(er|re' of code 'd1' looks like a regular expression but is not between slashes",
              line: 20, column: 13, severity: .warning),
        .init(name: "the same alias between slashes, invalid",
              edits: [("        label: D1", "        label: D1\n        aliases:\n          - D1\n          - /call[- ]cent(er|re/")],
              fragment: "alias '/call[- ]cent(er|re/' of code 'd1': not a valid regular expression", line: 20, column: 13),
        .init(name: "ordered multi-select dimension", edits: [("    kind: multi\n    codes:\n      - id: health", "    kind: multi\n    ordered: true\n    codes:\n      - id: health")],
              fragment: "dimension 'motivation' is multi; only a single-choice dimension can be ordered", line: 8, column: 5),
        .init(name: "ordered not a boolean", edits: [("    kind: multi\n    codes:\n      - id: health", "    kind: single\n    ordered: maybe\n    codes:\n      - id: health")],
              fragment: "'ordered' must be true or false", line: 8, column: 14),
        .init(name: "min on a coded dimension", edits: [("    kind: multi\n    codes:\n      - id: health", "    kind: multi\n    min: 0\n    codes:\n      - id: health")],
              fragment: "'min' applies to number dimensions only, and 'motivation' is multi", line: 8, column: 5),
        .init(name: "min above max", edits: [("    label: Dataset\n    kind: multi\n    codes:\n      - id: d1\n        label: D1\n        provides: [natural]\n", "    label: Dataset\n    kind: number\n    min: 5\n    max: 1\n")],
              fragment: "dimension 'dataset' has min 5 above max 1", line: 16, column: 5),
        .init(name: "max not a number", edits: [("    label: Dataset\n    kind: multi\n    codes:\n      - id: d1\n        label: D1\n        provides: [natural]\n", "    label: Dataset\n    kind: number\n    max: lots\n")],
              fragment: "'max' must be a number", line: 15, column: 10),
        .init(name: "codes on a number dimension", edits: [("    label: Dataset\n    kind: multi", "    label: Dataset\n    kind: number")],
              fragment: "number dimension 'dataset' has codes", line: 15, column: 5),
        .init(name: "alignment to a number dimension", edits: [("    label: Dataset\n    kind: multi\n    codes:\n      - id: d1\n        label: D1\n        provides: [natural]\n", "    label: Dataset\n    kind: number\n")],
              fragment: "alignment 'm-d' names number dimension 'dataset' (to); it has no codes to align", line: 19, column: 9),
        .init(name: "replaces a code that is still there", edits: [("        needs: [natural]", "        needs: [natural]\n      - id: other\n        label: Other\n        replaces: [health]")],
              fragment: "code 'other' replaces 'health', which is still a code of dimension 'motivation'", line: 14, column: 20),
        .init(name: "one old id replaced twice", edits: [("        needs: [natural]", "        needs: [natural]\n        replaces: [old]\n      - id: other\n        label: Other\n        replaces: [old]")],
              fragment: "'old' is replaced by both 'health' and 'other' in dimension 'motivation'", line: 15, column: 20),
        .init(name: "a code replaces itself", edits: [("        needs: [natural]", "        needs: [natural]\n        replaces: [health]")],
              fragment: "code 'health' replaces itself", line: 12, column: 20),
        .init(name: "badly formed replaced id", edits: [("        needs: [natural]", "        needs: [natural]\n        replaces: [Old Name]")],
              fragment: "'Old Name' in 'replaces' is not a well-formed code id", line: 12, column: 20),
    ]

    /// Plain aliases that read like regular expressions, and plain ones that do not.
    @Test(arguments: [
        ("call[- ]cent(er|re", true), ("call cent(er|re)", true), ("\\bTESS\\b", true), ("emo.*db", true), ("colou?r", false),
        ("^IEMOCAP", true), ("speech (SER)?", true), ("x{2}", true), ("(?i)tess", true), ("a|b", true),
        ("C++", false), ("speech (SER)", false), ("eNTERFACE'05", false), ("what?", false), ("U.S.", false),
        ("AT&T", false), ("/call cent(er|re)/", false), ("$100", false),
    ] as [(String, Bool)])
    func aliasesThatLookLikeRegularExpressions(alias: String, looks: Bool) {
        #expect(AliasMatcher.looksLikeRegularExpression(alias) == looks)
    }

    @Test(arguments: broken)
    func reportsTheProblemWhereItIs(_ example: BrokenCodebook) throws {
        let (codebook, diagnostics) = CodebookLoader.parse(Self.apply(example.edits), file: "broken.yaml")
        let found = diagnostics.filter { $0.message.contains(example.fragment) }
        #expect(!found.isEmpty, "no diagnostic says '\(example.fragment)'; got:\n\(DiagnosticList(diagnostics))")
        guard let diagnostic = found.first else { return }
        #expect(diagnostic.location == "broken.yaml:\(example.line):\(example.column)", "\(diagnostic)")
        #expect(diagnostic.severity == example.severity)
        #expect(diagnostic.hint != nil, "every problem says what to do")
        if example.severity == .error {
            #expect(codebook == nil, "a codebook with errors is not usable")
        } else {
            #expect(codebook != nil, "warnings leave the codebook usable")
        }
    }

    @Test func theBaseIsValid() throws {
        let (codebook, diagnostics) = CodebookLoader.parse(Self.base, file: "base.yaml")
        #expect(diagnostics.isEmpty, "\(DiagnosticList(diagnostics))")
        let loaded = try #require(codebook)
        #expect(loaded.dimensions.map(\.id) == ["motivation", "dataset"])
        #expect(loaded.dimension("motivation")?.code("health")?.needs == [.context("natural")])
        #expect(loaded.alignments.map(\.id) == ["m-d"])
        #expect(loaded.contentHash == SHA256.hex(of: Data(Self.base.utf8)))
    }

    @Test func everyProblemIsListedNotOnlyTheFirst() {
        let text = Self.apply([("title: T", "titel: T"), ("      - id: d1\n        label: D1", "      - id: d1"),
                               ("    to: dataset", "    to: datset")])
        let (codebook, diagnostics) = CodebookLoader.parse(text, file: "many.yaml")
        #expect(codebook == nil)
        let messages = diagnostics.map(\.message).joined(separator: "\n")
        #expect(messages.contains("unknown key 'titel'"))
        #expect(messages.contains("the codebook has no 'title'"))
        #expect(messages.contains("code 'd1' has no 'label'"))
        #expect(messages.contains("names dimension 'datset'"))
        let lines = diagnostics.compactMap(\.line)
        #expect(lines == lines.sorted(), "problems come in file order")
    }

    @Test func scalesNumbersAndRenamesAreRead() throws {
        let text = Self.apply([
            ("    kind: multi\n    codes:\n      - id: health", "    kind: single\n    ordered: true\n    codes:\n      - id: health"),
            ("        needs: [natural]", "        needs: [natural]\n        replaces: [healthcare, medical]"),
            ("alignments:", "  - id: score\n    label: Score\n    kind: number\n    min: 0\n    max: 7.5\nalignments:"),
        ])
        let (codebook, diagnostics) = CodebookLoader.parse(text, file: "t.yaml")
        #expect(diagnostics.allSatisfy { $0.severity != .error }, "\(DiagnosticList(diagnostics))")
        let loaded = try #require(codebook)
        let motivation = try #require(loaded.dimension("motivation"))
        #expect(motivation.ordered && motivation.kind == .single)
        #expect(motivation.code("health")?.replaces == ["healthcare", "medical"])
        #expect(motivation.currentCode(for: "medical") == "health")
        #expect(motivation.currentCode(for: "health") == "health")
        #expect(motivation.currentCode(for: "gone") == nil)
        let score = try #require(loaded.dimension("score"))
        #expect(score.kind == .number && score.minimum == 0 && score.maximum == 7.5 && !score.takesCodes)
        #expect(loaded.renaming.table == ["motivation": ["healthcare": "health", "medical": "health"]])
        // Written back out, the same codebook comes in again.
        let written = try CodebookYAMLWriter.render(loaded)
        let (again, problems) = CodebookLoader.parse(written, file: "again.yaml")
        #expect(problems.allSatisfy { $0.severity != .error }, "\(DiagnosticList(problems))\n\(written)")
        #expect(again?.dimensions == loaded.dimensions)
    }

    @Test func needsAndProvidesAreRead() throws {
        let text = Self.apply([("needs: [natural]", "needs: [natural, {any: [clinical, home]}]"),
                               ("provides: [natural]", "provides: [natural, clinical]")])
        let (codebook, diagnostics) = CodebookLoader.parse(text, file: "t.yaml")
        #expect(diagnostics.map(\.severity).allSatisfy { $0 != .error }, "\(DiagnosticList(diagnostics))")
        let health = try #require(codebook?.dimension("motivation")?.code("health"))
        #expect(health.needs == [.context("natural"), .any(["clinical", "home"])])
    }
}
