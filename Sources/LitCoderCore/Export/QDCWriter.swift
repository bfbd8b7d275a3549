/// Writes a codebook as a REFI-QDA Codebook Exchange file (`.qdc`, namespace
/// `urn:QDA-XML:codebook:1.0`), the XML that NVivo, ATLAS.ti, MAXQDA and QualCoder exchange.
///
/// Dimensions with codes become parent codes (`isCodable="false"`: one applies their
/// children), codes their children (`isCodable="true"`); a code's definition, with its include
/// and exclude rules, becomes its `Description`. A text dimension becomes one codable code with
/// no children: in a QDA tool one applies it to a passage, as the coder's text is about the
/// paper. A dimension's kind (unless `multi`) and `required` go in paragraphs of its
/// `Description` (`QDCDescription`), so `litcoder codebook import` gets them back. GUIDs are
/// `StableGUID`s. A `.qdpx` project's `CodeBook` is the same tree (`codeElements`). What the
/// format cannot hold is listed in `docs/export.md`.
public enum QDCWriter {
    public static let namespace = "urn:QDA-XML:codebook:1.0"

    /// The `.qdc` document.
    public static func render(_ codebook: Codebook) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<CodeBook xmlns=\"\(namespace)\" origin=\"\(escape("litcoder \(codebook.id) \(codebook.version)"))\">\n"
        xml += "  <Codes>\n"
        xml += codeElements(codebook, indent: "    ")
        xml += "  </Codes>\n"
        xml += "</CodeBook>\n"
        return xml
    }

    /// The `Code` elements of the codebook's tree, each line starting with `indent`: the same
    /// in a `.qdc` and in a `.qdpx` project's `CodeBook` (whose `Code` has the same attributes
    /// and children, in the project namespace).
    static func codeElements(_ codebook: Codebook, indent: String) -> String {
        var xml = ""
        for dimension in codebook.dimensions {
            let guid = StableGUID.dimension(dimension.id, codebook: codebook.id)
            let name = dimension.label.isEmpty ? dimension.id : dimension.label
            let description = QDCDescription.compose(dimension)
            switch dimension.kind {
            case .single, .multi:
                xml += "\(indent)<Code guid=\"\(guid)\" name=\"\(escape(name))\" isCodable=\"false\">\n"
                if !description.isEmpty {
                    xml += "\(indent)  <Description>\(escape(description))</Description>\n"
                }
                for code in dimension.codes {
                    let guid = StableGUID.code(code.id, dimension: dimension.id, codebook: codebook.id)
                    xml += leaf(guid: guid, name: code.label.isEmpty ? code.id : code.label,
                                description: QDCDescription.compose(code), indent: indent + "  ")
                }
                xml += "\(indent)</Code>\n"
            case .text, .number:
                xml += leaf(guid: guid, name: name, description: description, indent: indent)
            }
        }
        return xml
    }

    /// A codable `Code` without children.
    private static func leaf(guid: String, name: String, description: String, indent: String) -> String {
        if description.isEmpty {
            return "\(indent)<Code guid=\"\(guid)\" name=\"\(escape(name))\" isCodable=\"true\"/>\n"
        }
        return "\(indent)<Code guid=\"\(guid)\" name=\"\(escape(name))\" isCodable=\"true\">\n"
            + "\(indent)  <Description>\(escape(description))</Description>\n"
            + "\(indent)</Code>\n"
    }

    /// Escapes text for XML content and attribute values; line breaks in attributes survive
    /// as character references, and characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
