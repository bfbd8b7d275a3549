import Foundation
import Testing
@testable import LitCoderCore

@Suite struct AliasMatcherTests {
    /// A codebook whose codes have the given aliases, all in one dimension `d`, codes in order.
    static func codebook(_ codes: [(String, [String])], dimension: String = "d") -> Codebook {
        Codebook(id: "t", title: "T", version: "1", dimensions: [
            Dimension(id: dimension, label: "D", kind: .multi,
                      codes: codes.map { Code(id: $0.0, label: $0.0, aliases: $0.1) }),
        ])
    }

    @Test(arguments: [
        // (text, alias, matched text or nil)
        ("trained on IEMOCAP data", "IEMOCAP", "IEMOCAP"),
        ("trained on iemocap data", "IEMOCAP", "iemocap"),
        ("trained on IEMOCAPX data", "IEMOCAP", nil),
        ("evaluated on CREMA D", "CREMA-D", "CREMA D"),
        ("evaluated on CREMA-D", "CREMA D", "CREMA-D"),
        ("on the Interactive Emotional\n Dyadic Motion Capture set", "Interactive Emotional Dyadic Motion Capture", "Interactive Emotional\n Dyadic Motion Capture"),
        ("the eNTERFACE’05 corpus", "eNTERFACE'05", "eNTERFACE’05"),
        ("the eNTERFACE05 corpus", "eNTERFACE'05", "eNTERFACE05"),
        ("the Emotional Speech Dataset (ESD) of", "Emotional Speech Dataset (ESD)", "Emotional Speech Dataset (ESD)"),
        ("we use TESS and RAVDESS", "/(?-i)\\bTESS\\b/", "TESS"),
        ("Tess and her colleagues", "/(?-i)\\bTESS\\b/", nil),
        ("native Urdu speakers", "/(?-i)\\bURDU\\b/", nil),
        ("the URDU dataset", "/(?-i)\\bURDU\\b/", "URDU"),
        ("researchers at CASIA built", "/IEMOCAP|CASIA/", "CASIA"),
        ("a café in Zürich with IEMOCAP", "IEMOCAP", "IEMOCAP"),
        // A change of script is a word boundary: CJK text puts no space around Latin names.
        ("我们在IEMOCAP上进行实验", "IEMOCAP", "IEMOCAP"),
        ("在CASIA和EmoDB上", "CASIA", "CASIA"),
        ("在CASIA和EmoDB上", "EmoDB", "EmoDB"),
        ("IEMOCAP데이터셋으로", "IEMOCAP", "IEMOCAP"),
        ("JTESデータベース", "JTES", "JTES"),
        ("قاعدة بيانات IEMOCAPالعربية", "IEMOCAP", "IEMOCAP"),
        ("корпусIEMOCAP", "IEMOCAP", "IEMOCAP"),
        ("使用情感语音", "情感", nil),
        ("in 2019年", "2019", "2019"),
        // … but digits, marks and letters of the same script still continue a word.
        ("IEMOCAP2 release", "IEMOCAP", nil),
        ("xIEMOCAP", "IEMOCAP", nil),
        ("IEMOCAPé", "IEMOCAP", nil),
        ("IEMOCAPe\u{301}", "IEMOCAP", nil),
        ("ЕмоБаза", "Емо", nil),
        ("a2019", "2019", nil),
    ] as [(String, String, String?)])
    func aliasForms(text: String, alias: String, expected: String?) {
        let matcher = AliasMatcher(codebook: Self.codebook([("c", [alias])]))
        let found = matcher.matches(in: text)
        let scalars = Array(text.unicodeScalars)
        let matched = found.first.map { m in String(String.UnicodeScalarView(scalars[m.range])) }
        #expect(matched == expected)
    }

    @Test func longestMatchWinsAndShorterOverlapsAreDropped() {
        let matcher = AliasMatcher(codebook: Self.codebook([
            ("generic", ["Emotional Speech Database"]),
            ("shemo", ["Sharif Emotional Speech Database", "ShEMO"]),
        ]))
        let text = "We fixed the Sharif Emotional Speech Database (ShEMO); an Emotional Speech Database elsewhere."
        let found = matcher.matches(in: text)
        #expect(found.map(\.code) == ["shemo", "shemo", "generic"])
        #expect(found.first?.range == 13..<45)
    }

    @Test func otherDimensionsAreNotSuppressed() {
        let codebook = Codebook(id: "t", title: "T", version: "1", dimensions: [
            Dimension(id: "motivation", label: "M", kind: .multi, codes: [Code(id: "call-center", label: "C", aliases: ["customer satisfaction"])]),
            Dimension(id: "emotions", label: "E", kind: .multi, codes: [Code(id: "satisfaction", label: "S", aliases: ["satisfaction"])]),
        ])
        let suggestions = AliasMatcher(codebook: codebook).suggestedCodes(in: "predicting customer satisfaction")
        #expect(suggestions.map(\.dimension) == ["motivation", "emotions"])
    }

    @Test func suggestionsComeInCodebookOrder() throws {
        let matcher = AliasMatcher(codebook: try TestFiles.serCodebook())
        let paper = Paper(id: "p", title: "MELD first", abstract: "Then EMO-DB, then IEMOCAP, for call centres.")
        let suggestions = matcher.suggestedCodes(for: paper)
        let datasets = suggestions.first { $0.dimension == "dataset" }?.codes
        #expect(datasets == ["iemocap", "emo-db", "meld"])
        let dimensions = suggestions.map(\.dimension)
        #expect(dimensions == ["motivation", "dataset"])
        #expect(matcher.suggestions(for: paper)["dataset"] == ["iemocap", "emo-db", "meld"])
    }

    @Test func rangesAreUnicodeScalarOffsets() {
        let matcher = AliasMatcher(codebook: Self.codebook([("c", ["IEMOCAP"])]))
        // The emoji is one scalar but two UTF-16 units; "é" written as e + combining accent is two scalars.
        let found = matcher.matches(in: "😀 e\u{301} IEMOCAP")
        #expect(found.map(\.range) == [5..<12])
    }

    @Test(arguments: [
        ("IEMOCAP", ["iemocap"]),
        ("Let's Go corpus", ["lets", "go", "corpus"]),
        ("/(?-i)\\bTESS\\b/", ["tess"]),
        ("/(?-i)\\bHi\\s+KIA\\b/", ["hi", "kia"]),
        ("/IEMOCAP|CASIA/", []),
        ("/\\b(?:two|three) datasets\\b/", []),
    ])
    func prefilterWords(alias: String, expected: [String]) {
        #expect(Set(AliasMatcher.requiredWords(of: alias)) == Set(expected))
    }

    @Test func thePrefilterNeverChangesWhatIsFound() throws {
        let codebook = try TestFiles.serCodebook()
        let fast = AliasMatcher(codebook: codebook)
        let plain = AliasMatcher(codebook: codebook, usesPrefilter: false)
        var texts = [
            "Let’s Go and LEGO corpus, Hi, KIA in cars; eNTERFACE'05, CREMA D, MSP Podcast, EMODB.",
            "IEMOCAP—a corpus; the Oréau and ORÉAU sets; 😀IEMOCAP😀 and e\u{301}IEMOCAP; IEMOCAP’s labels; call\ncentres",
            "three publicly available datasets (RAVDESS, TESS) and FER2013; four-class IEMOCAP",
            "我们在IEMOCAP上和在CASIA和EmoDB上; IEMOCAP데이터셋; JTESデータ; корпусIEMOCAP; 2019年的MSP-Podcast",
        ]
        if let url = TestFiles.shared("reference/ser-abstracts-sample.jsonl") {
            let (corpus, _) = Corpus.load(files: [url])
            texts += corpus.papers.map { $0.title + "\n" + $0.abstract }
        }
        for text in texts {
            #expect(fast.matches(in: text) == plain.matches(in: text))
        }
    }

    @Test func everyBundledAliasCompiles() throws {
        let codebook = try TestFiles.serCodebook()
        for dimension in codebook.dimensions {
            for code in dimension.codes {
                for alias in code.aliases {
                    #expect(AliasMatcher.problem(with: alias) == nil, "\(code.id): \(alias)")
                }
            }
        }
    }

    /// Plain aliases are judged without compiling them; the verdict must be what compiling
    /// them and trying them on empty text gives.
    @Test(arguments: ["emotion", "call centre", "CREMA-D", "eNTERFACE'05", "x", "é", "日本語", "(ESD)", "a+b*?[", "C++",
                      "'", "’", "-", " - ", "`'", "\\"])
    func plainAliasVerdictMatchesCompiling(alias: String) {
        let compiled = try? NSRegularExpression(pattern: AliasMatcher.source(of: alias), options: [.caseInsensitive])
        let matchesEmpty = compiled?.firstMatch(in: "", options: [], range: NSRange(location: 0, length: 0)) != nil
        let expectedFine = !alias.trimmingCharacters(in: .whitespaces).isEmpty && compiled != nil && !matchesEmpty
        #expect((AliasMatcher.problem(with: alias) == nil) == expectedFine, "\(alias)")
    }
}
