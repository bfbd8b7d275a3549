import Foundation

/// Reads a REFI-QDA Codebook Exchange file (`.qdc`) into a codebook, so a codebook made in
/// NVivo, ATLAS.ti, MAXQDA or QualCoder can start a litcoder project (`init --codebook`) or
/// become a codebook file (`codebook import`).
///
/// Each top-level code with children becomes a dimension, `multi` unless its description says
/// `Kind: single` (as litcoder's own `.qdc` does); its descendants that can be coded become
/// its codes (deeper levels are flattened, named `Parent / Child`), and descriptions become
/// help and definitions. A top-level code without children whose description says
/// `Kind: text` is a text dimension; other top-level codes without children are gathered into
/// one dimension, `codes`. Ids are made from names (`Voice assistant` → `voice-assistant`).
/// Sets, colours and GUIDs are not kept. `QDCWriter` writes the same shape back.
public enum QDCCodebook {
    /// A converted codebook, with what was left out of it.
    public struct Conversion: Sendable {
        public var codebook: Codebook
        /// Warnings naming `file:line` for parts of the file that have no place in a codebook.
        public var warnings: [Diagnostic]
    }

    /// The codebook in a `.qdc` file; its id and title come from the file name.
    public static func read(url: URL) throws -> Codebook { try convert(url: url).codebook }

    /// The codebook in a `.qdc` file, with warnings. Its title comes from the file name, its id
    /// from `idFrom` (a name, made into an id) or else the file name; `displayName` names the
    /// file in messages (default: its last path component).
    public static func convert(url: URL, idFrom name: String? = nil, displayName: String? = nil) throws -> Conversion {
        let shown = displayName ?? url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic(file: shown, message: "cannot read the codebook file",
                             hint: "check the path and that the file is readable")
        }
        let base = url.deletingPathExtension().lastPathComponent
        return try convert(data, file: shown, id: Slug.make(name ?? base, fallback: "codebook"), title: base)
    }

    /// What `litcoder codebook import` writes: the codebook of a `.qdc` as YAML, read back by
    /// the loader every codebook goes through, so what is written is a codebook `validate`
    /// accepts. `warnings` holds what the conversion left out and the loader's warnings;
    /// a codebook the loader refuses throws its diagnostics (`DiagnosticList`).
    public static func importYAML(url: URL, idFrom name: String?, displayName: String,
                                  outputName: String) throws -> (yaml: String, codebook: Codebook, warnings: [Diagnostic]) {
        let conversion = try convert(url: url, idFrom: name, displayName: displayName)
        let yaml = try CodebookYAMLWriter.render(conversion.codebook)
        let (loaded, problems) = CodebookLoader.parse(yaml, file: outputName)
        guard let loaded, !problems.contains(where: { $0.severity == .error }) else { throw DiagnosticList(problems) }
        return (yaml, loaded, conversion.warnings + problems)
    }

    /// The codebook in a `.qdc` file as the YAML a project keeps, with the file name it should
    /// have under `codebooks/` (`ID.yaml`): what `litcoder init --codebook FILE.qdc` writes.
    public static func readAsYAML(url: URL) throws -> (fileName: String, yaml: String) {
        let codebook = try read(url: url)
        return ("\(codebook.id).yaml", try CodebookYAMLWriter.render(codebook))
    }

    /// Parses `.qdc` bytes; `file` names the source in error messages.
    public static func parse(_ data: Data, file: String, id: String, title: String) throws -> Codebook {
        try convert(data, file: file, id: id, title: title).codebook
    }

    /// Parses `.qdc` bytes into a codebook and warnings; `file` names the source in messages.
    public static func convert(_ data: Data, file: String, id: String, title: String) throws -> Conversion {
        let tree = try QDCTree.parse(data, file: file)
        var dimensions: [Dimension] = []
        var ungrouped: [Code] = []
        var warnings: [Diagnostic] = []
        var dimensionIDs = UniqueIDs()
        for top in tree {
            let marked = QDCDescription.splitDimension(top.description ?? "")
            if top.children.isEmpty {
                if let kind = marked.kind, kind == .text || kind == .number {
                    dimensions.append(Dimension(
                        id: dimensionIDs.claim(Slug.make(top.name, fallback: "dimension")), label: top.name,
                        kind: kind, required: marked.required, help: marked.help))
                } else {
                    ungrouped.append(makeCode(top, label: top.name))
                }
                continue
            }
            var codes: [Code] = []
            var codeIDs = UniqueIDs()
            func collect(_ node: QDCTree.Node, path: [String]) {
                for child in node.children {
                    let label = (path + [child.name]).joined(separator: " / ")
                    if child.isCodable {
                        var code = makeCode(child, label: label)
                        code.id = codeIDs.claim(Slug.make((path + [child.name]).joined(separator: " "), fallback: "code"))
                        codes.append(code)
                    }
                    collect(child, path: path + [child.name])
                }
            }
            collect(top, path: [])
            if codes.isEmpty {
                warnings.append(Diagnostic(
                    file: file, line: top.line, severity: .warning,
                    message: "'\(top.name)' has no codable code under it, so it is left out (a dimension needs codes)",
                    hint: "make its codes codable in the QDA tool, or add codes to the YAML by hand"))
                continue
            }
            // A dimension's kind is what the file says, when that fits a dimension with codes.
            let kind: Dimension.Kind = marked.kind == .single ? .single : .multi
            dimensions.append(Dimension(
                id: dimensionIDs.claim(Slug.make(top.name, fallback: "dimension")), label: top.name,
                kind: kind, required: marked.required,
                help: marked.kind == .text || marked.kind == .number ? top.description : marked.help,
                codes: codes))
        }
        if !ungrouped.isEmpty {
            var codeIDs = UniqueIDs()
            for i in ungrouped.indices { ungrouped[i].id = codeIDs.claim(ungrouped[i].id) }
            dimensions.append(Dimension(id: dimensionIDs.claim("codes"), label: "Codes", kind: .multi, codes: ungrouped))
        }
        let codebook = Codebook(id: id, title: title, version: "1", dimensions: dimensions,
                                contentHash: SHA256.hex(of: data))
        return Conversion(codebook: codebook, warnings: warnings)
    }

    private static func makeCode(_ node: QDCTree.Node, label: String) -> Code {
        let parts = QDCDescription.split(node.description ?? "")
        return Code(id: Slug.make(node.name, fallback: "code"), label: label, definition: parts.definition,
                    include: parts.include, exclude: parts.exclude)
    }
}

/// Ids made unique within one list by a numeric suffix (`other`, `other-2`).
///
/// Each id remembers the next suffix to try, so a file with thousands of codes of one name
/// costs time in proportion to their number, not its square.
struct UniqueIDs {
    private var taken: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    mutating func claim(_ id: String) -> String {
        var candidate = id
        var n = nextSuffix[id] ?? 2
        while taken.contains(candidate) {
            candidate = "\(id)-\(n)"
            n += 1
        }
        nextSuffix[id] = n
        taken.insert(candidate)
        return candidate
    }
}
