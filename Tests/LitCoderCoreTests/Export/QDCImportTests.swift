import Foundation
import Testing
@testable import LitCoderCore

/// `litcoder codebook import`: a REFI-QDA codebook becomes a codebook `validate` accepts, and
/// hostile XML is refused in time linear in its size.
@Suite struct QDCImportTests {
    static func code(_ n: Int, _ name: String, codable: Bool = true, _ body: String = "") -> String {
        let guid = String(format: "2A3B4C5D-0000-4000-8000-%012d", n)
        return body.isEmpty
            ? "<Code guid=\"\(guid)\" name=\"\(name)\" isCodable=\"\(codable)\"/>"
            : "<Code guid=\"\(guid)\" name=\"\(name)\" isCodable=\"\(codable)\">\(body)</Code>"
    }

    static func codebook(_ codes: String) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\(codes)</Codes></CodeBook>\n"
    }

    func convert(_ xml: String) throws -> QDCCodebook.Conversion {
        try QDCCodebook.convert(Data(xml.utf8), file: "team.qdc", id: "team", title: "team")
    }

    @Test func kindAndRequiredMarkersBecomeTheDimensionsKind() throws {
        let xml = Self.codebook(
            Self.code(1, "Relevance", codable: false,
                      "<Description>Decide first.\n\nKind: single\n\nRequired: yes</Description>" + Self.code(2, "Core") + Self.code(3, "Out"))
            + Self.code(4, "Notes on data", "<Description>What the abstract says of its data.\n\nKind: text</Description>")
            + Self.code(5, "Themes", codable: false, "<Description>Kind: multi</Description>" + Self.code(6, "A"))
            + Self.code(7, "Loose"))
        let codebook = try convert(xml).codebook
        #expect(codebook.dimensions.map(\.id) == ["relevance", "notes-on-data", "themes", "codes"])
        #expect(codebook.dimensions.map(\.kind) == [.single, .text, .multi, .multi])
        #expect(codebook.dimensions.map(\.required) == [true, false, false, false])
        #expect(codebook.dimensions.map(\.help) == ["Decide first.", "What the abstract says of its data.", nil, nil])
        #expect(codebook.dimensions[1].codes.isEmpty)
        #expect(codebook.dimensions[3].codes.map(\.label) == ["Loose"])
    }

    @Test func aMarkerThatDoesNotFitIsKeptAsText() throws {
        // 'Kind: text' on a code with children cannot hold: it stays multi and keeps the words;
        // 'Kind: single' on a code without children is a code's definition like any other.
        let xml = Self.codebook(
            Self.code(1, "Themes", codable: false, "<Description>Kind: text</Description>" + Self.code(2, "A"))
            + Self.code(3, "Lonely", "<Description>Kind: single</Description>"))
        let codebook = try convert(xml).codebook
        #expect(codebook.dimensions.map(\.kind) == [.multi, .multi])
        #expect(codebook.dimensions[0].help == "Kind: text")
        #expect(codebook.dimensions[1].codes.first?.definition == "Kind: single")
    }

    @Test func aCategoryWithNothingCodableIsLeftOutWithAWarning() throws {
        let xml = Self.codebook(
            Self.code(1, "Motivation", codable: false, Self.code(2, "Health"))
            + "\n" + Self.code(3, "Empty folder", codable: false, Self.code(4, "Sub folder", codable: false)))
        let conversion = try convert(xml)
        #expect(conversion.codebook.dimensions.map(\.id) == ["motivation"])
        #expect(conversion.warnings.map(\.description) == [
            "team.qdc:3: warning: 'Empty folder' has no codable code under it, so it is left out (a dimension needs codes)\n"
                + "  hint: make its codes codable in the QDA tool, or add codes to the YAML by hand",
        ])
    }

    /// Import, write as YAML, load as any codebook, export as `.qdc` and read that again: every
    /// dimension and code is still there, with its name, description and kind.
    @Test func theRoundTripThroughExportLosesNoDimensionOrCode() throws {
        let folder = try TemporaryFolder()
        let qdc = folder.file("Team codebook.qdc")
        try QDCReadTests.foreign.write(to: qdc, atomically: true, encoding: .utf8)
        let imported = try QDCCodebook.importYAML(url: qdc, idFrom: "team", displayName: "Team codebook.qdc", outputName: "team.yaml")
        #expect(imported.codebook.id == "team")
        #expect(imported.codebook.title == "Team codebook")
        let (loaded, problems) = CodebookLoader.parse(imported.yaml, file: "team.yaml")
        #expect(problems.isEmpty, "\(problems)")
        let codebook = try #require(loaded)

        func tree(_ xml: String) throws -> [String] {
            let root = try #require(XMLElementTree.parse(xml))
            return root.descendants(named: "Code").map { $0.attributes["name"] ?? "?" }
        }
        let exported = QDCWriter.render(codebook)
        let again = try QDCCodebook.parse(Data(exported.utf8), file: "again.qdc", id: "team", title: "Team codebook")
        #expect(again.dimensions == codebook.dimensions)
        // Every name of the original file is in the export: top-level codes as dimensions (or
        // codes of 'Codes'), nested ones under their path.
        #expect(try tree(exported) == [
            "Motivation", "Health & care", "Health & care / Mental health", "Voice assistant",
            "Codes", "Émotions basiques", "Other",
        ])
        #expect(try tree(QDCReadTests.foreign).sorted() == ["Motivation", "Health & care", "Mental health", "Voice assistant",
                                                              "Émotions basiques", "Other"].sorted())
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n<!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n]>\n<CodeBook/>", 2, "a <!DOCTYPE> declaration"),
        ("<?xml version=\"1.0\"?>\n\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><CodeBook>&e;</CodeBook>", 3, "a <!DOCTYPE> declaration"),
        ("<CodeBook>\n<!ELEMENT x ANY></CodeBook>", 2, "a <!…> declaration"),
        (String(repeating: "<a>\n", count: 65) + String(repeating: "</a>", count: 65), 65, "elements nested more than 64 deep"),
        ("<CodeBook\n" + (0..<65).map { "a\($0)=\"v\"" }.joined(separator: " ") + "/>", 1, "more than 64 attributes"),
    ])
    func hostileXMLIsRefusedBeforeParsing(xml: String, line: Int, reason: String) {
        do {
            _ = try convert(xml)
            Issue.record("should be refused")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.file == "team.qdc")
            #expect(diagnostic.line == line, "\(diagnostic)")
            #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// What looks like a declaration inside a comment or CDATA, `>` inside attribute values,
    /// and 64 levels and attributes exactly are all fine.
    @Test func theGuardPassesWhatIsNotADeclarationAndTheLimitsThemselves() throws {
        let deep = (0..<62).reduce(Self.code(999, "Leaf")) { inner, n in Self.code(n + 10, "L\(n)", codable: false, inner) }
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <!-- <!DOCTYPE not really> -->
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="a > b"><Codes>\(deep)\(Self.code(1, "Other", "<Description><![CDATA[<!ENTITY x> & <b>]]></Description>"))</Codes></CodeBook>
            """
        let codebook = try convert(xml).codebook
        #expect(codebook.dimensions.first?.codes.last?.label.hasSuffix("L0 / Leaf") == true)
        #expect(codebook.dimensions.last?.codes.first?.definition == "<!ENTITY x> & <b>")
        let attributes = "<CodeBook " + (0..<64).map { "a\($0)=\"v\"" }.joined(separator: " ") + "/>"
        #expect(throws: Never.self) { try XMLInputGuard.check(Data(attributes.utf8), file: "x") }
    }

    /// 20,000 codes of one name get ids `x`, `x-2` … `x-20000` in time proportional to their
    /// number: the old search tried every earlier suffix again, 200 million tries for this.
    @Test func manyCodesOfOneNameGetDistinctIDsQuickly() throws {
        let codes = (0..<20_000).map { Self.code($0 + 10, "x") }.joined()
        let xml = Self.codebook(Self.code(1, "Big", codable: false, codes))
        let clock = ContinuousClock()
        var codebook: Codebook?
        let elapsed = try clock.measure { codebook = try convert(xml).codebook }
        let ids = codebook?.dimensions.first?.codes.map(\.id) ?? []
        #expect(ids.count == 20_000)
        #expect(Set(ids).count == 20_000)
        #expect(ids.prefix(3) == ["x", "x-2", "x-3"])
        #expect(ids.last == "x-20000")
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}
