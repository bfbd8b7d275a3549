/// Writes a codebook as a REFI-QDA Codebook Exchange file (`.qdc`, namespace
/// `urn:QDA-XML:codebook:1.0`), the XML that NVivo, ATLAS.ti, MAXQDA and QualCoder exchange.
///
/// Dimensions become parent codes (`isCodable="false"`: one applies their children), codes
/// their children (`isCodable="true"`); a code's definition, with its include and exclude
/// rules, becomes its `Description`. Text dimensions have no codes and are left out. GUIDs are
/// `StableGUID`s. What the format cannot hold is listed in `docs/export.md`.
public enum QDCWriter {
    public static let namespace = "urn:QDA-XML:codebook:1.0"

    /// The `.qdc` document.
    public static func render(_ codebook: Codebook) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<CodeBook xmlns=\"\(namespace)\" origin=\"\(escape("litcoder \(codebook.id) \(codebook.version)"))\">\n"
        xml += "  <Codes>\n"
        for dimension in codebook.dimensions where dimension.kind != .text {
            let guid = StableGUID.dimension(dimension.id, codebook: codebook.id)
            let name = dimension.label.isEmpty ? dimension.id : dimension.label
            xml += "    <Code guid=\"\(guid)\" name=\"\(escape(name))\" isCodable=\"false\">\n"
            if let help = dimension.help, !help.isEmpty {
                xml += "      <Description>\(escape(help))</Description>\n"
            }
            for code in dimension.codes {
                let guid = StableGUID.code(code.id, dimension: dimension.id, codebook: codebook.id)
                let name = code.label.isEmpty ? code.id : code.label
                let description = QDCDescription.compose(code)
                if description.isEmpty {
                    xml += "      <Code guid=\"\(guid)\" name=\"\(escape(name))\" isCodable=\"true\"/>\n"
                } else {
                    xml += "      <Code guid=\"\(guid)\" name=\"\(escape(name))\" isCodable=\"true\">\n"
                    xml += "        <Description>\(escape(description))</Description>\n"
                    xml += "      </Code>\n"
                }
            }
            xml += "    </Code>\n"
        }
        xml += "  </Codes>\n"
        xml += "</CodeBook>\n"
        return xml
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
