import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a REFI-QDA Codebook Exchange file (`.qdc`) into a codebook, so a codebook made in
/// NVivo, ATLAS.ti, MAXQDA or QualCoder can start a litcoder project.
///
/// Each top-level code with children becomes a multi-select dimension, its descendants that
/// can be coded become its codes (deeper levels are flattened, named `Parent / Child`), and
/// descriptions become help and definitions. Top-level codes without children are gathered
/// into one dimension, `codes`. Ids are made from names (`Voice assistant` → `voice-assistant`).
/// Sets, colours and GUIDs are not kept. `QDCWriter` writes the same shape back.
public enum QDCCodebook {
    /// The codebook in a `.qdc` file; its id and title come from the file name.
    public static func read(url: URL) throws -> Codebook {
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic(file: url.path, message: "cannot read the codebook file",
                             hint: "check the path given to --codebook")
        }
        let base = url.deletingPathExtension().lastPathComponent
        return try parse(data, file: name, id: Slug.make(base, fallback: "codebook"), title: base)
    }

    /// The codebook in a `.qdc` file as the YAML a project keeps, with the file name it should
    /// have under `codebooks/` (`ID.yaml`): what `litcoder init --codebook FILE.qdc` writes.
    public static func readAsYAML(url: URL) throws -> (fileName: String, yaml: String) {
        let codebook = try read(url: url)
        return ("\(codebook.id).yaml", try CodebookYAMLWriter.render(codebook))
    }

    /// Parses `.qdc` bytes; `file` names the source in error messages.
    public static func parse(_ data: Data, file: String, id: String, title: String) throws -> Codebook {
        let tree = try QDCTree.parse(data, file: file)
        var dimensions: [Dimension] = []
        var ungrouped: [Code] = []
        var dimensionIDs = UniqueIDs()
        for top in tree {
            if top.children.isEmpty {
                ungrouped.append(makeCode(top, label: top.name))
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
            dimensions.append(Dimension(
                id: dimensionIDs.claim(Slug.make(top.name, fallback: "dimension")), label: top.name,
                kind: .multi, help: top.description, codes: codes))
        }
        if !ungrouped.isEmpty {
            var codeIDs = UniqueIDs()
            for i in ungrouped.indices { ungrouped[i].id = codeIDs.claim(ungrouped[i].id) }
            dimensions.append(Dimension(id: dimensionIDs.claim("codes"), label: "Codes", kind: .multi, codes: ungrouped))
        }
        return Codebook(id: id, title: title, version: "1", dimensions: dimensions,
                        contentHash: SHA256.hex(of: data))
    }

    private static func makeCode(_ node: QDCTree.Node, label: String) -> Code {
        let parts = QDCDescription.split(node.description ?? "")
        return Code(id: Slug.make(node.name, fallback: "code"), label: label, definition: parts.definition,
                    include: parts.include, exclude: parts.exclude)
    }
}

/// Ids made unique within one list by a numeric suffix (`other`, `other-2`).
struct UniqueIDs {
    private var taken: Set<String> = []

    mutating func claim(_ id: String) -> String {
        var candidate = id
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(id)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
