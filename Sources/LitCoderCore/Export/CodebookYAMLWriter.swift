import Yams

/// Writes a codebook as the YAML `CodebookLoader` reads (`docs/codebook-format.md`), so a
/// codebook read from elsewhere (a REFI-QDA `.qdc`) becomes `codebooks/NAME.yaml`.
///
/// Keys come out in the documented order and empty fields are left out, so the file reads
/// like one written by hand. Yams does the quoting.
public enum CodebookYAMLWriter {
    /// The YAML text of `codebook`.
    public static func render(_ codebook: Codebook) throws -> String {
        var root: [(Node, Node)] = [
            ("id", Node(codebook.id)), ("title", Node(codebook.title)), ("version", Node(codebook.version, Tag(.str), .doubleQuoted)),
        ]
        // The version is quoted so `1.10` stays the string "1.10", not the number 1.1.
        if let description = codebook.description, !description.isEmpty {
            root.append(("description", Node(description)))
        }
        root.append(("dimensions", Node(codebook.dimensions.map(dimensionNode))))
        if !codebook.alignments.isEmpty {
            root.append(("alignments", Node(codebook.alignments.map(alignmentNode))))
        }
        if let screening = codebook.screening {
            root.append(("screening", Node([
                (Node("dimension"), Node(screening.dimension)),
                (Node("include"), Node(screening.include.map { Node($0) })),
                (Node("exclude"), Node(screening.exclude.map { Node($0) })),
            ])))
        }
        return try Yams.serialize(node: Node(root), allowUnicode: true)
    }

    private static func dimensionNode(_ dimension: Dimension) -> Node {
        var pairs: [(Node, Node)] = [
            ("id", Node(dimension.id)), ("label", Node(dimension.label)), ("kind", Node(dimension.kind.rawValue)),
        ]
        if dimension.required { pairs.append(("required", Node("true", Tag(.bool)))) }
        if dimension.ordered { pairs.append(("ordered", Node("true", Tag(.bool)))) }
        if let minimum = dimension.minimum { pairs.append(("min", Node(NumberValue.text(minimum), Tag(.float)))) }
        if let maximum = dimension.maximum { pairs.append(("max", Node(NumberValue.text(maximum), Tag(.float)))) }
        if let help = dimension.help, !help.isEmpty { pairs.append(("help", Node(help))) }
        if !dimension.codes.isEmpty { pairs.append(("codes", Node(dimension.codes.map(codeNode)))) }
        return Node(pairs)
    }

    private static func codeNode(_ code: Code) -> Node {
        var pairs: [(Node, Node)] = [("id", Node(code.id)), ("label", Node(code.label))]
        if !code.definition.isEmpty { pairs.append(("definition", Node(code.definition))) }
        if let include = code.include, !include.isEmpty { pairs.append(("include", Node(include))) }
        if let exclude = code.exclude, !exclude.isEmpty { pairs.append(("exclude", Node(exclude))) }
        if !code.examples.isEmpty { pairs.append(("examples", Node(code.examples.map { Node($0) }))) }
        if !code.aliases.isEmpty { pairs.append(("aliases", Node(code.aliases.map { Node($0) }))) }
        if !code.needs.isEmpty { pairs.append(("needs", Node(code.needs.map(requirementNode)))) }
        if !code.provides.isEmpty { pairs.append(("provides", Node(code.provides.map { Node($0) }))) }
        if !code.replaces.isEmpty { pairs.append(("replaces", Node(code.replaces.map { Node($0) }))) }
        return Node(pairs)
    }

    private static func requirementNode(_ requirement: Requirement) -> Node {
        switch requirement {
        case .context(let context): Node(context)
        case .any(let contexts): Node([(Node("any"), Node(contexts.map { Node($0) }))])
        }
    }

    private static func alignmentNode(_ rule: AlignmentRule) -> Node {
        var pairs: [(Node, Node)] = [
            ("id", Node(rule.id)), ("label", Node(rule.label)), ("from", Node(rule.from)), ("to", Node(rule.to)),
        ]
        if let help = rule.help, !help.isEmpty { pairs.append(("help", Node(help))) }
        return Node(pairs)
    }
}
