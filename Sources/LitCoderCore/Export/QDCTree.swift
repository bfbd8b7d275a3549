import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The code tree of a `.qdc` file, checked against the REFI-QDA codebook schema's rules as it
/// is read: root `CodeBook` in `urn:QDA-XML:codebook:1.0`, one `Codes` with at least one
/// `Code`, and every `Code` with a `guid` (a GUID), a `name` and an `isCodable` (a boolean).
enum QDCTree {
    /// One `Code` element.
    struct Node {
        var guid: String
        var name: String
        var isCodable: Bool
        var description: String?
        var children: [Node] = []
        var line: Int
    }

    /// The top-level codes; throws a diagnostic naming `file:line` for the first problem.
    static func parse(_ data: Data, file: String) throws -> [Node] {
        try XMLInputGuard.check(data, file: file)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        // The default, said out loud: a codebook never makes litcoder read another file.
        parser.shouldResolveExternalEntities = false
        let reader = Reader(file: file, parser: parser)
        parser.delegate = reader
        let ok = parser.parse()
        if let problem = reader.problem { throw problem }
        // FoundationXML on Linux can return true from parse() and still set parserError.
        if !ok || parser.parserError != nil {
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw Diagnostic(file: file, line: parser.lineNumber,
                             message: "not well-formed XML (parser error \(code)): an element is not closed, or the file is cut short",
                             hint: "export the codebook again from the QDA tool as a REFI-QDA codebook (.qdc)")
        }
        guard reader.sawRoot else {
            throw Diagnostic(file: file, message: "no CodeBook element: this is not a REFI-QDA codebook")
        }
        guard reader.sawCodes else {
            throw Diagnostic(file: file, message: "the CodeBook has no Codes element",
                             hint: "a REFI-QDA codebook lists its codes inside <Codes>")
        }
        if reader.roots.isEmpty {
            throw Diagnostic(file: file, message: "the codebook has no codes")
        }
        return reader.roots
    }

    /// Whether `text` matches the schema's GUIDType: 8-4-4-4-12 hex digits, optionally in braces.
    static func isGUID(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("{") && body.hasSuffix("}") { body = body.dropFirst().dropLast() }
        let groups = body.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        let file: String
        let parser: XMLParser
        var roots: [Node] = []
        var stack: [Node] = []
        var sawRoot = false
        var sawCodes = false
        var inDescription = false
        var text = ""
        var problem: Diagnostic?

        init(file: String, parser: XMLParser) {
            self.file = file
            self.parser = parser
        }

        func fail(_ message: String, hint: String? = nil) {
            if problem == nil {
                problem = Diagnostic(file: file, line: parser.lineNumber, message: message, hint: hint)
            }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if !sawRoot {
                guard element == "CodeBook" else {
                    return fail("the root element is <\(qualifiedName ?? element)>, not <CodeBook>: this is not a REFI-QDA codebook",
                                hint: "a .qdpx project is a zip; export the codebook alone (.qdc) from the QDA tool")
                }
                guard namespaceURI == QDCWriter.namespace else {
                    return fail("<CodeBook> is not in the namespace \(QDCWriter.namespace)",
                                hint: "add xmlns=\"\(QDCWriter.namespace)\" to <CodeBook>")
                }
                sawRoot = true
                return
            }
            switch element {
            case "Codes":
                sawCodes = true
            case "Code":
                guard let guid = attributes["guid"], Self.isValidGUID(guid) else {
                    return fail("a <Code> has no valid guid attribute", hint: "each code needs guid=\"XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX\"")
                }
                guard let name = attributes["name"], !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return fail("a <Code> has no name attribute")
                }
                guard let codable = attributes["isCodable"].flatMap(Self.boolean) else {
                    return fail("the code '\(name)' has no isCodable attribute (true or false)")
                }
                // XMLInputGuard bounds nesting already; this keeps the recursion in
                // QDCCodebook bounded even if that check changes.
                guard stack.count < XMLInputGuard.maximumDepth else {
                    return fail("codes nested more than \(XMLInputGuard.maximumDepth) deep")
                }
                stack.append(Node(guid: guid, name: name.trimmingCharacters(in: .whitespaces),
                                  isCodable: codable, line: parser.lineNumber))
            case "Description":
                inDescription = !stack.isEmpty
                text = ""
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inDescription { text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            if inDescription { text += String(decoding: block, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            switch element {
            case "Description" where inDescription:
                inDescription = false
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty, !stack.isEmpty { stack[stack.count - 1].description = trimmed }
            case "Code":
                guard let node = stack.popLast() else { return }
                if stack.isEmpty { roots.append(node) } else { stack[stack.count - 1].children.append(node) }
            default:
                break
            }
        }

        static func isValidGUID(_ text: String) -> Bool { QDCTree.isGUID(text) }

        /// xsd:boolean's four spellings.
        static func boolean(_ text: String) -> Bool? {
            switch text.trimmingCharacters(in: .whitespaces) {
            case "true", "1": true
            case "false", "0": false
            default: nil
            }
        }
    }
}
