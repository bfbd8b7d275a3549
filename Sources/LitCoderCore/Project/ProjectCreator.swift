import Foundation

/// Makes a new project folder: `litcoder.yaml`, the codebook copied in, the corpus, `codings/`.
///
/// Without a codebook or corpus it makes the bundled SER sample project, from the copies
/// carried inside the binary (`BundledSample`), so it works far from a clone of litcoder.
public enum ProjectCreator {
    /// Where the codebook comes from.
    public enum CodebookSource: Sendable {
        case bundled
        case file(URL)
    }

    /// What was made, and what was noticed along the way (malformed corpus lines, …).
    public struct Created: Sendable {
        public var project: Project
        public var codebookPath: String
        public var corpusPaths: [String]
        public var paperCount: Int
        public var diagnostics: [Diagnostic]
    }

    /// The codebook's file name and YAML bytes: the one place that reads a codebook source,
    /// so other formats (e.g. a converted `.qdc`) are added here.
    public static func codebookFile(from source: CodebookSource) throws -> (fileName: String, contents: Data) {
        switch source {
        case .bundled:
            return (BundledSample.codebookFileName, Data(BundledSample.codebook.utf8))
        case .file(let url) where url.pathExtension.lowercased() == "qdc":
            // A REFI-QDA codebook from NVivo, ATLAS.ti, MAXQDA or QualCoder becomes YAML here.
            let converted = try QDCCodebook.readAsYAML(url: url)
            return (converted.fileName, Data(converted.yaml.utf8))
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ProjectCreatorError.unreadable(path: url.path, what: "codebook")
            }
            var name = url.lastPathComponent
            if !(name.hasSuffix(".yaml") || name.hasSuffix(".yml")) { name = url.deletingPathExtension().lastPathComponent + ".yaml" }
            return (name, data)
        }
    }

    /// Creates the project in `folder` (made if missing); refuses one that already has a `litcoder.yaml`.
    ///
    /// Nothing is written unless the codebook is valid and every corpus file is readable. With
    /// the bundled codebook and no corpus files, the corpus is the illustrative sample unless
    /// `empty` asks for an empty `corpus/papers.jsonl` (a real survey).
    public static func create(in folder: URL, codebook source: CodebookSource, corpora: [URL], empty: Bool = false) throws -> Created {
        let root = folder.standardizedFileURL
        let config = root.appendingPathComponent(Project.fileName)
        guard !FileManager.default.fileExists(atPath: config.path) else { throw ProjectCreatorError.alreadyAProject(path: root.path) }

        let (codebookName, codebookData) = try codebookFile(from: source)
        let codebookPath = "codebooks/\(codebookName)"
        let (codebook, codebookProblems) = CodebookLoader.parse(
            String(decoding: codebookData, as: UTF8.self), file: sourceName(source))
        guard codebook != nil else { throw DiagnosticList(codebookProblems) }

        var corpusFiles: [(path: String, contents: Data)] = []
        var usedNames = Set<String>()
        func uniqueName(_ name: String) -> String {
            var candidate = name
            var n = 2
            while usedNames.contains(candidate) {
                let base = (name as NSString).deletingPathExtension
                let ext = (name as NSString).pathExtension
                candidate = "\(base)-\(n)" + (ext.isEmpty ? "" : ".\(ext)")
                n += 1
            }
            usedNames.insert(candidate)
            return candidate
        }
        for url in corpora {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ProjectCreatorError.unreadable(path: url.path, what: "corpus file")
            }
            // Only a JSON Lines corpus is copied as is; a CSV, BibTeX or RIS export copied in
            // would leave a project that neither validates nor imports.
            if let first = data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }),
               first != UInt8(ascii: "{") {
                throw ProjectCreatorError.notACorpus(path: url.path)
            }
            corpusFiles.append(("corpus/" + uniqueName(url.lastPathComponent), data))
        }
        if corpora.isEmpty {
            if case .bundled = source, !empty {
                corpusFiles.append(("corpus/\(BundledSample.corpusFileName)", Data(BundledSample.corpus.utf8)))
            } else {
                // An empty corpus is valid; `litcoder import` fills it.
                corpusFiles.append(("corpus/papers.jsonl", Data()))
            }
        }

        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("codebooks"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("codings"), withIntermediateDirectories: true)
        try write(codebookData, to: root.appendingPathComponent(codebookPath))
        for file in corpusFiles { try write(file.contents, to: root.appendingPathComponent(file.path)) }
        let gitignore = root.appendingPathComponent(".gitignore")
        if !manager.fileExists(atPath: gitignore.path) {
            try write(Data(("# Lock sidecars name the process writing a log; they are never shared.\ncodings/*.lock\n"
                + "# Torn last lines moved aside from a log after a crash; kept locally for inspection.\ncodings/*.torn-*\n"
                + "# Snapshots of long logs: derived from codings/, rebuilt when missing, safe to delete.\n.litcoder-cache/\n").utf8),
                  to: gitignore)
        }
        let name = root.lastPathComponent
        // Written last: a folder without it is not yet a project, so a failed init can simply be retried.
        try write(Data(configText(name: name, codebook: codebookPath, corpus: corpusFiles.map(\.path)).utf8), to: config)

        let project = try Project.load(root: root)
        let (corpus, corpusProblems) = Corpus.load(files: project.corpusURLs, displayName: project.display)
        return Created(project: project, codebookPath: codebookPath, corpusPaths: corpusFiles.map(\.path),
                       paperCount: corpus.count, diagnostics: codebookProblems + corpusProblems)
    }

    /// The `litcoder.yaml` text for a new project.
    static func configText(name: String, codebook: String, corpus: [String]) -> String {
        var text = "# A litcoder project; the format is described in litcoder's docs/file-formats.md.\n"
        text += "name: \(yamlQuoted(name))\n"
        text += "codebook: \(yamlQuoted(codebook))\n"
        if corpus.count == 1, let only = corpus.first {
            text += "corpus: \(yamlQuoted(only))\n"
        } else {
            text += "corpus:\n" + corpus.map { "  - \(yamlQuoted($0))\n" }.joined()
        }
        return text
    }

    /// A double-quoted YAML scalar, safe whatever the folder is called.
    static func yamlQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func sourceName(_ source: CodebookSource) -> String {
        switch source {
        case .bundled: "codebooks/\(BundledSample.codebookFileName) (bundled)"
        case .file(let url): url.path
        }
    }

    private static func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw ProjectCreatorError.cannotWrite(path: url.path, reason: "\(error.localizedDescription)")
        }
    }
}

/// Why a project could not be created.
public enum ProjectCreatorError: Error, Sendable, CustomStringConvertible {
    case alreadyAProject(path: String)
    case unreadable(path: String, what: String)
    case cannotWrite(path: String, reason: String)
    case notACorpus(path: String)

    public var description: String {
        switch self {
        case .alreadyAProject(let path):
            "\(path) already has a \(Project.fileName); nothing was changed. Choose a new folder, or work in this project"
        case .unreadable(let path, let what):
            "\(path): cannot read the \(what); nothing was created"
        case .cannotWrite(let path, let reason):
            "\(path): cannot write: \(reason)"
        case .notACorpus(let path):
            "\(path) is not a litcoder corpus (JSON Lines, one paper per line); nothing was created. "
                + "Make the project without --corpus, then bring the file in with 'litcoder import \(path)'"
        }
    }
}
