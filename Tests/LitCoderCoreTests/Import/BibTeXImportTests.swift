import LitCoderCore
import Testing

/// BibTeX parsing, LaTeX decoding and name splitting, one row per rule.
@Suite struct BibTeXImportTests {
    static func parse(_ text: String) -> ParsedFile {
        BibTeXParser.parse(Array(text.utf8), file: "refs.bib")
    }

    @Test(arguments: [
        ("@string{j = \"Journal\"}\n@article{k, title = \"A \" # j # { of } # \"Tests\"}", "A Journal of Tests"),
        ("@String{ A = \"x\" }\n@string{b = a # \"y\"}\n@article{k, title = B}", "xy"),
        ("@article{k, title = {The {SER} {{Corpus}}}}", "The SER Corpus"),
        ("@article{k, title = \"Quoted {\\\"o} value\"}", "Quoted ö value"),
        ("@misc(k, title = {Parentheses})", "Parentheses"),
        ("@online{k,\n  Title = {Any Type, Capitalised Field},\n}", "Any Type, Capitalised Field"),
        ("@comment{@article{c, title = {hidden}}}\n@article{k, title = {shown}}", "shown"),
        ("@preamble{\"\\newcommand{\\noopsort}[1]{}\"}\n@article{k, title = {After preamble}}", "After preamble"),
        ("junk text with an email x@y.org\n@article{k, title = {After junk}}", "After junk"),
        ("@article{k, title = {Multi\n   line\ttitle}}", "Multi line title"),
    ])
    func titleReading(_ source: String, _ title: String) {
        let parsed = Self.parse(source)
        #expect(parsed.records.count == 1)
        #expect(parsed.records.first?.title == title)
    }

    @Test func monthMacroAndBareYear() {
        let parsed = Self.parse("@article{k, title = {T}, year = 2014, month = jan, note = feb # \" 1\"}")
        #expect(parsed.records.first?.year == 2014)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func keyDOIAndVenue() {
        let parsed = Self.parse("@inproceedings{ Key+2020 ,\n doi = {https://doi.org/10.1000/ABC\\_1},\n booktitle = {Proc. {ICASSP}},\n keywords = {a, b; c}}")
        let record = parsed.records.first
        #expect(record?.key == "Key+2020")
        #expect(record?.doi == "10.1000/abc_1")
        #expect(record?.venue == "Proc. ICASSP")
        #expect(record?.keywords == ["a", "b", "c"])
    }

    @Test(arguments: [
        ("{\\\"o}", "ö"), ("\\\"{o}", "ö"), ("\\'{e}", "é"), ("\\'e", "é"), ("{\\ss}", "ß"), ("\\&", "&"),
        ("1--10", "1–10"), ("a---b", "a—b"), ("\\c{c}", "ç"), ("\\v{s}", "š"), ("\\~n", "ñ"), ("{\\aa}", "å"),
        ("{\\o}", "ø"), ("{\\l}", "ł"), ("\\'{\\i}", "í"), ("\\`a", "à"), ("\\^o", "ô"), ("\\H{o}", "ő"),
        ("\\k{a}", "ą"), ("\\u{g}", "ğ"), ("\\=a", "ā"), ("\\.z", "ż"), ("{\\AE}", "Æ"),
        ("$\\alpha$-helix", "α-helix"), ("$\\Sigma$$\\Delta$", "ΣΔ"), ("{\\BibTeX}ing", "BibTeXing"),
        ("\\emph{word}", "word"), ("\\textbf{Bold} text", "Bold text"), ("{An} amazing {title}", "An amazing title"),
        ("x~y", "x y"), ("50\\%", "50%"), ("a\\_b", "a_b"), ("\\{x\\}", "{x}"), ("\\ss{}e", "ße"),
        ("{\\noopsort{1973b}}1973", "1973"), ("\\unknowncmd", "unknowncmd"), ("trailing \\", "trailing"),
        ("\\'{}", "\u{0301}"),
    ])
    func latexDecoding(_ latex: String, _ text: String) {
        #expect(LaTeXDecoder.decode(latex) == text)
    }

    @Test(arguments: [
        ("Doe, John", ["Doe, John"]),
        ("John Doe", ["Doe, John"]),
        ("John Ronald Reuel Tolkien", ["Tolkien, John Ronald Reuel"]),
        ("Ludwig van Beethoven", ["van Beethoven, Ludwig"]),
        ("van Beethoven, Ludwig", ["van Beethoven, Ludwig"]),
        ("de la Fontaine, Jr, Jean", ["de la Fontaine, Jr, Jean"]),
        ("{World Health Organization}", ["World Health Organization"]),
        ("{Barnes and Noble} and Doe, J.", ["Barnes and Noble", "Doe, J."]),
        ("Bj{\\\"o}rn Schuller AND Anton Batliner", ["Schuller, Björn", "Batliner, Anton"]),
        ("Jean Laid{\\'e},\n Ben Loaeb", ["Jean Laidé, Ben Loaeb"]),
        ("Ada Lovelace and others", ["Lovelace, Ada"]),
        ("Plato", ["Plato"]),
        ("G. van Galen", ["van Galen, G."]),
        ("{\\'E}mile Zola", ["Zola, Émile"]),
        ("", []),
    ])
    func nameSplitting(_ field: String, _ names: [String]) {
        #expect(BibTeXNames.split(field) == names)
    }

    @Test func unbalancedBracesSkipOnlyThatEntry() {
        let source = "@article{good1, title = {One}}\n@article{bad, title = {Never closed,\n  year = 2020}\n@article{good2, title = {Two}}\n"
        let parsed = Self.parse(source)
        #expect(parsed.records.map(\.title) == ["One", "Two"])
        let error = parsed.diagnostics.first { $0.severity == .error }
        #expect(error?.location == "refs.bib:2")
        #expect(error?.message.contains("unbalanced braces") == true)
    }

    @Test func unbalancedAtEndOfFileIsReported() {
        let parsed = Self.parse("@article{a, title = {T}}\n@article{b, title = {open")
        #expect(parsed.records.count == 1)
        #expect(parsed.diagnostics.contains { $0.severity == .error && $0.line == 2 })
    }

    @Test func missingEqualsIsReportedWithItsLine() {
        let parsed = Self.parse("@article{a,\n  title {T}\n}\n@article{b, title = {B}}")
        #expect(parsed.records.map(\.title) == ["B"])
        #expect(parsed.diagnostics.first?.location == "refs.bib:1")
        #expect(parsed.diagnostics.first?.message.contains("expected '='") == true)
        #expect(parsed.diagnostics.first?.message.contains("(at line 2)") == true)
    }

    @Test func undefinedMacroInATitleIsKeptAndWarned() {
        let parsed = Self.parse("@article{a, title = undefinedthing}")
        #expect(parsed.records.first?.title == "undefinedthing")
        #expect(parsed.diagnostics.first?.severity == .warning)
    }

    @Test func fiveMegabyteAbstract() {
        let abstract = String(repeating: "speech emotion ", count: 350_000)
        let parsed = Self.parse("@article{big, title = {Big}, abstract = {\(abstract)}}")
        #expect(parsed.records.first?.abstract?.utf8.count == abstract.utf8.count - 1)
    }
}
