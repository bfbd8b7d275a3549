import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import LitCoderCore

/// An XML element tree, built with `XMLParser` independently of `QDCTree`, for checking the
/// schema's rules on litcoder's output.
final class XMLElementTree: NSObject, XMLParserDelegate {
    final class Element {
        var name: String
        var namespace: String?
        var attributes: [String: String]
        var children: [Element] = []
        var text = ""
        init(name: String, namespace: String?, attributes: [String: String]) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
        }
        func descendants(named name: String) -> [Element] {
            children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(named: name) }
        }
    }

    var root: Element?
    private var stack: [Element] = []

    static func parse(_ xml: String) -> Element? {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        let tree = XMLElementTree()
        parser.delegate = tree
        return parser.parse() ? tree.root : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let element = Element(name: name, namespace: namespaceURI, attributes: attributes)
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
    }
}

@Suite struct QDCSchemaTests {
    static let namespace = "urn:QDA-XML:codebook:1.0"
    static var codebook: Codebook {
        let (codebook, diagnostics) = CodebookLoader.parse(ExportFixture.codebookYAML, file: "mini.yaml")
        if codebook == nil { Issue.record("the fixture codebook does not load: \(diagnostics)") }
        return codebook ?? Codebook(id: "", title: "", version: "", dimensions: [])
    }

    static func isGUID(_ s: String) -> Bool {
        s.range(of: "^(\\{)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(\\})?$",
                options: .regularExpression) != nil
    }

    /// The rules of REFI-QDA's Codebook.xsd, element by element.
    func checkCode(_ code: XMLElementTree.Element) {
        #expect(code.name == "Code" && code.namespace == Self.namespace)
        #expect(Set(code.attributes.keys).isSubset(of: ["guid", "name", "isCodable", "color"]), "\(code.attributes)")
        #expect(code.attributes["guid"].map(Self.isGUID) == true, "guid: \(code.attributes["guid"] ?? "missing")")
        #expect(code.attributes["name"]?.isEmpty == false)
        #expect(["true", "false", "1", "0"].contains(code.attributes["isCodable"] ?? "missing"))
        // Sequence: at most one Description, first; then Codes.
        let names = code.children.map(\.name)
        let descriptions = names.filter { $0 == "Description" }.count
        #expect(descriptions <= 1)
        if descriptions == 1 { #expect(names.first == "Description") }
        #expect(names.dropFirst(descriptions).allSatisfy { $0 == "Code" }, "\(names)")
        for child in code.children where child.name == "Code" { checkCode(child) }
    }

    @Test func outputFollowsTheCodebookSchema() throws {
        let xml = QDCWriter.render(Self.codebook)
        let root = try #require(XMLElementTree.parse(xml), "well-formed XML")
        #expect(root.name == "CodeBook" && root.namespace == Self.namespace)
        #expect(Set(root.attributes.keys).isSubset(of: ["origin"]))
        #expect(root.children.map(\.name) == ["Codes"], "Codes, then optionally Sets")
        let codes = try #require(root.children.first)
        #expect(!codes.children.isEmpty && codes.children.allSatisfy { $0.name == "Code" })
        for code in codes.children { checkCode(code) }

        // Dimensions with codes are parents that are not codable; their codes are codable
        // children. The text dimension is one codable code with no children.
        let parents = codes.children
        #expect(parents.map { $0.attributes["name"] } == ["Relevance", "Stated motivation", "Datasets", "Comment"])
        #expect(parents.map { $0.attributes["isCodable"] } == ["false", "false", "false", "true"])
        let motivation = try #require(parents.dropFirst().first)
        #expect(motivation.children.first?.text == "Code only what the abstract states as a reason.", "multi, the default, is not said")
        // What REFI-QDA has no attribute for is said in paragraphs of the description.
        #expect(parents[0].children.first?.name == "Description")
        #expect(parents[0].children.first?.text == "Kind: single\n\nRequired: yes")
        #expect(parents[3].children.map(\.name) == ["Description"])
        #expect(parents[3].children.first?.text == "Kind: text")
        let healthcare = try #require(motivation.children.first { $0.attributes["name"] == "Healthcare" })
        #expect(healthcare.attributes["isCodable"] == "true")
        #expect(healthcare.children.first?.text == """
            Clinical or care uses, "mental health" included.

            Include: Depression, autism support.

            Exclude: Datasets recorded in clinics, without a clinical aim.
            """)
        #expect(motivation.children.contains { $0.attributes["name"] == "Voice assistant" })
    }

    @Test func guidsAreUniqueAndStableAcrossExports() throws {
        func guids(_ codebook: Codebook) throws -> [String: String] {
            let root = try #require(XMLElementTree.parse(QDCWriter.render(codebook)))
            var byName: [String: String] = [:]
            for code in root.descendants(named: "Code") {
                byName[code.attributes["name"] ?? ""] = code.attributes["guid"]
            }
            return byName
        }
        let first = try guids(Self.codebook)
        #expect(Set(first.values).count == first.count, "unique")
        #expect(try guids(Self.codebook) == first, "the same on a second export")

        // Adding, reordering and relabelling codes leaves the others' GUIDs alone.
        var changed = Self.codebook
        changed.dimensions[1].codes.reverse()
        changed.dimensions[1].codes.append(Code(id: "call-centre", label: "Call centre"))
        changed.version = "3"
        let second = try guids(changed)
        for (name, guid) in first { #expect(second[name] == guid, "\(name)") }
        #expect(second["Call centre"].map { !first.values.contains($0) } == true)

        // Another codebook id gives other GUIDs: two codebooks never collide in a QDA tool.
        var other = Self.codebook
        other.id = "other"
        #expect(Set(try guids(other).values).isDisjoint(with: first.values))
    }

    @Test func xmllintAcceptsTheOutputUnderTheSchema() throws {
        let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let xmllint else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("xmllint is missing; .ci/run installs libxml2-utils")
            } else {
                print("note: xmllint not installed; schema validation by xmllint skipped")
            }
            return
        }
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("REFI-QDA/Codebook.xsd")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-\(UUID().uuidString).qdc")
        defer { try? FileManager.default.removeItem(at: file) }
        func validate(_ xml: String) throws -> Int32 {
            try xml.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: xmllint)
            process.arguments = ["--noout", "--schema", schema.path, file.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try validate(QDCWriter.render(Self.codebook)) == 0)
        // The check can fail: a code without isCodable is refused.
        #expect(try validate(QDCWriter.render(Self.codebook).replacingOccurrences(of: " isCodable=\"true\"", with: "")) != 0)
    }
}

@Suite struct QDCReadTests {
    /// A codebook as a QDA tool might write it: a BOM-less header, a flat code, nesting three
    /// deep, a Set, colours, braces around a GUID, entities.
    static let foreign = """
        <?xml version="1.0" encoding="utf-8"?>
        <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Some QDA tool 3.1">
          <Codes>
            <Code guid="5B2FC63A-8AF4-44CB-960C-AEFDCED908D6" name="Motivation" isCodable="false" color="#FF0000">
              <Description>Why the paper says it matters</Description>
              <Code guid="{1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294}" name="Health &amp; care" isCodable="true">
                <Description>Clinical aims.

        Include: therapy</Description>
                <Code guid="2A3B4C5D-0000-4000-8000-000000000001" name="Mental health" isCodable="true"/>
              </Code>
              <Code guid="2A3B4C5D-0000-4000-8000-000000000002" name="Voice assistant" isCodable="1"/>
            </Code>
            <Code guid="2A3B4C5D-0000-4000-8000-000000000003" name="Émotions basiques" isCodable="true"/>
            <Code guid="2A3B4C5D-0000-4000-8000-000000000004" name="Other" isCodable="true"/>
          </Codes>
          <Sets>
            <Set guid="2A3B4C5D-0000-4000-8000-000000000005" name="A set">
              <MemberCode guid="2A3B4C5D-0000-4000-8000-000000000004"/>
            </Set>
          </Sets>
        </CodeBook>
        """

    @Test func aForeignCodebookBecomesDimensionsAndCodes() throws {
        let codebook = try QDCCodebook.parse(Data(Self.foreign.utf8), file: "team.qdc", id: "team", title: "team")
        #expect(codebook.dimensions.map(\.id) == ["motivation", "codes"])
        let motivation = codebook.dimensions[0]
        #expect(motivation.label == "Motivation" && motivation.kind == .multi)
        #expect(motivation.help == "Why the paper says it matters")
        #expect(motivation.codes.map(\.id) == ["health-care", "health-care-mental-health", "voice-assistant"])
        #expect(motivation.codes.map(\.label) == ["Health & care", "Health & care / Mental health", "Voice assistant"])
        #expect(motivation.codes[0].definition == "Clinical aims.")
        #expect(motivation.codes[0].include == "therapy")
        #expect(codebook.dimensions[1].codes.map(\.id) == ["emotions-basiques", "other"])
    }

    @Test func exportOfAnImportedCodebookIsEquivalent() throws {
        let imported = try QDCCodebook.parse(Data(Self.foreign.utf8), file: "team.qdc", id: "team", title: "team")
        let written = QDCWriter.render(imported)
        let again = try QDCCodebook.parse(Data(written.utf8), file: "again.qdc", id: "team", title: "team")
        // Same tree of names and descriptions; the deep code keeps its path in its name.
        #expect(again.dimensions.map(\.label) == imported.dimensions.map(\.label))
        #expect(again.dimensions.map(\.help) == imported.dimensions.map(\.help))
        for (a, b) in zip(again.dimensions, imported.dimensions) {
            #expect(a.codes.map(\.label) == b.codes.map(\.label))
            #expect(a.codes.map(\.definition) == b.codes.map(\.definition))
            #expect(a.codes.map(\.include) == b.codes.map(\.include))
        }
        #expect(QDCWriter.render(again) == written, "a second round gives the same bytes")
    }

    @Test func litcodersOwnCodebookSurvivesTheRoundTripInWhatQDCHolds() throws {
        let codebook = QDCSchemaTests.codebook
        let back = try QDCCodebook.parse(Data(QDCWriter.render(codebook).utf8), file: "x.qdc", id: codebook.id, title: codebook.title)
        let exportable = codebook.dimensions
        #expect(back.dimensions.map(\.label) == ["Relevance", "Stated motivation", "Datasets", "Comment"])
        #expect(back.dimensions.map(\.kind) == [.single, .multi, .multi, .text])
        #expect(back.dimensions.map(\.required) == [true, false, false, false])
        #expect(back.dimensions.map(\.help) == exportable.map(\.help))
        for (a, b) in zip(back.dimensions, exportable) {
            #expect(a.codes.map(\.label) == b.codes.map(\.label))
            #expect(a.codes.map(\.definition) == b.codes.map(\.definition))
            #expect(a.codes.map(\.include) == b.codes.map(\.include))
            #expect(a.codes.map(\.exclude) == b.codes.map(\.exclude))
        }
    }

    @Test(arguments: [
        ("<CodeBook><Codes/></CodeBook>", "namespace"),
        ("<Project xmlns=\"urn:QDA-XML:project:1.0\"/>", "not <CodeBook>"),
        ("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\n<Code name=\"x\" isCodable=\"true\"/></Codes></CodeBook>", "no valid guid"),
        ("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\n<Code guid=\"2A3B4C5D-0000-4000-8000-000000000001\" name=\"x\"/></Codes></CodeBook>", "no isCodable"),
        ("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes></CodeBook>", "not well-formed"),
        ("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"></CodeBook>", "no Codes"),
    ])
    func aBrokenFileIsRefusedWithItsReason(xml: String, reason: String) {
        do {
            _ = try QDCCodebook.parse(Data(xml.utf8), file: "bad.qdc", id: "bad", title: "bad")
            Issue.record("should be refused")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.file == "bad.qdc")
            #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func theImportedCodebookIsWrittenAsYAMLTheLoaderReads() throws {
        let imported = try QDCCodebook.parse(Data(Self.foreign.utf8), file: "team.qdc", id: "team", title: "Team codebook")
        let yaml = try CodebookYAMLWriter.render(imported)
        let (loaded, diagnostics) = CodebookLoader.parse(yaml, file: "team.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        var expected = imported
        expected.contentHash = loaded?.contentHash ?? ""
        #expect(loaded == expected)
    }

    @Test func theYAMLWriterKeepsEverythingTheLoaderReads() throws {
        let codebook = QDCSchemaTests.codebook
        let yaml = try CodebookYAMLWriter.render(codebook)
        let (loaded, diagnostics) = CodebookLoader.parse(yaml, file: "mini.yaml")
        #expect(diagnostics.isEmpty)
        var expected = codebook
        expected.contentHash = loaded?.contentHash ?? ""
        #expect(loaded == expected)
    }
}
