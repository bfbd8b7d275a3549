import Foundation
import Yams

/// Reads a codebook from YAML, validating it and locating every problem as `FILE:LINE:COLUMN`.
public enum CodebookLoader {
    /// The codebook in `url`, or nil when it has errors; diagnostics list every problem found.
    public static func load(url: URL, displayName: String? = nil) -> (Codebook?, [Diagnostic]) {
        let name = displayName ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return (nil, [Diagnostic(file: name, message: "cannot read the codebook",
                                     hint: "check the 'codebook' path in litcoder.yaml")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [Diagnostic(file: name, message: "the codebook is not UTF-8 text")])
        }
        return parse(text, file: name, contentHash: SHA256.hex(of: data))
    }

    /// Parses codebook YAML text.
    public static func parse(_ text: String, file: String, contentHash: String? = nil) -> (Codebook?, [Diagnostic]) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return (nil, [YAMLDiagnostics.diagnostic(for: error, file: file)])
        } catch {
            return (nil, [Diagnostic(file: file, message: "YAML: \(error)")])
        }
        var diagnostics: [Diagnostic] = []
        func located(_ node: Node?, _ message: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(file: file, line: node?.mark?.line, column: node?.mark?.column,
                                          message: message, hint: hint))
        }
        guard let root = node?.mapping else {
            located(node, "a codebook must be a mapping with id, title, version and dimensions")
            return (nil, diagnostics)
        }
        func strings(_ node: Node?) -> [String] {
            if let s = node?.string { return [s] }
            return node?.sequence?.compactMap(\.string) ?? []
        }
        func requirement(_ node: Node) -> Requirement? {
            if let s = node.string { return .context(s) }
            if let any = node.mapping?["any"] { return .any(strings(any)) }
            located(node, "a need is a context name or 'any: [context, …]'")
            return nil
        }
        var dimensions: [Dimension] = []
        for dimNode in root["dimensions"]?.sequence ?? [] {
            guard let d = dimNode.mapping else { located(dimNode, "a dimension must be a mapping"); continue }
            let kind = Dimension.Kind(rawValue: d["kind"]?.string ?? "multi") ?? .multi
            var codes: [Code] = []
            for codeNode in d["codes"]?.sequence ?? [] {
                guard let c = codeNode.mapping else { located(codeNode, "a code must be a mapping"); continue }
                codes.append(Code(
                    id: c["id"]?.string ?? "", label: c["label"]?.string ?? "",
                    definition: c["definition"]?.string ?? "", include: c["include"]?.string,
                    exclude: c["exclude"]?.string, examples: strings(c["examples"]),
                    aliases: strings(c["aliases"]),
                    needs: (c["needs"]?.sequence ?? []).compactMap(requirement),
                    provides: strings(c["provides"])))
            }
            dimensions.append(Dimension(
                id: d["id"]?.string ?? "", label: d["label"]?.string ?? "", kind: kind,
                required: d["required"]?.bool ?? false, help: d["help"]?.string, codes: codes))
        }
        var alignments: [AlignmentRule] = []
        for aNode in root["alignments"]?.sequence ?? [] {
            guard let a = aNode.mapping else { continue }
            alignments.append(AlignmentRule(
                id: a["id"]?.string ?? "", label: a["label"]?.string ?? "",
                from: a["from"]?.string ?? "", to: a["to"]?.string ?? "", help: a["help"]?.string))
        }
        let codebook = Codebook(
            id: root["id"]?.string ?? "", title: root["title"]?.string ?? "",
            version: root["version"]?.string ?? "", description: root["description"]?.string,
            dimensions: dimensions, alignments: alignments,
            contentHash: contentHash ?? SHA256.hex(of: Data(text.utf8)))
        return (diagnostics.isEmpty ? codebook : nil, diagnostics)
    }
}
