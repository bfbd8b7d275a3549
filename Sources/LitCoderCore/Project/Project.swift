import Foundation
import Yams

/// A survey project on disk: `litcoder.yaml` and the folders it names.
///
/// Found from the current folder upwards, or given with `--project DIR`.
public struct Project: Sendable {
    public static let fileName = "litcoder.yaml"

    /// The folder holding `litcoder.yaml`.
    public var root: URL
    public var name: String
    /// Relative to `root` unless absolute.
    public var codebookPath: String
    public var corpusPaths: [String]
    /// Coders the project expects, if listed.
    public var coders: [String]?
    /// The order each coder's workbench queue takes (`order:`); by default every coder's own.
    public var order: PaperOrder

    public init(root: URL, name: String, codebookPath: String, corpusPaths: [String], coders: [String]? = nil,
                order: PaperOrder = .perCoder) {
        self.root = root
        self.name = name
        self.codebookPath = codebookPath
        self.corpusPaths = corpusPaths
        self.coders = coders
        self.order = order
    }

    public var configURL: URL { root.appendingPathComponent(Self.fileName) }
    public var codebookURL: URL { resolve(codebookPath) }
    public var corpusURLs: [URL] { corpusPaths.map(resolve) }
    public var codingsURL: URL { root.appendingPathComponent("codings", isDirectory: true) }

    public func logURL(coder: String) -> URL { codingsURL.appendingPathComponent("\(coder).jsonl") }
    public var consensusLogURL: URL { logURL(coder: CoderName.consensus) }
    /// The snapshots of long logs (`.litcoder-cache/`): derived, git-ignored, safe to delete.
    public var snapshots: LogSnapshots { LogSnapshots(folder: root.appendingPathComponent(".litcoder-cache", isDirectory: true)) }
    /// Who codes which paper (`litcoder assign`).
    public var assignmentsURL: URL { root.appendingPathComponent("assignments.jsonl") }
    /// The calibration rounds (`litcoder round add`).
    public var roundsURL: URL { root.appendingPathComponent("rounds.jsonl") }
    /// What each import read and merged, and the merges undone (`corpus/_imports.jsonl`).
    public var importRecordURL: URL { root.appendingPathComponent("corpus/_imports.jsonl") }

    /// A path as the user should see it: relative to the project when inside it.
    public func display(_ url: URL) -> String {
        let base = root.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    private func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }

    /// The project's coders: the owners of a log in `codings/` that records at least one
    /// decision (any event but `view`), sorted; the consensus log is not a coder.
    ///
    /// A log with only views, or none, is what a mistyped `--coder` that opened the workbench,
    /// or a failed import, leaves behind: its owner is counted by no report (`status` lists it
    /// as "no codings yet"). Throws every log that cannot be read (see `codersWithLogs()`).
    public func codersWithCodings() throws(DiagnosticList) -> [String] {
        try codersWithLogs().filter { CodingLog.holdsDecisions(url: logURL(coder: $0)) }
    }

    /// The owner of every log file in `codings/`, empty or not, sorted (the consensus log is
    /// not a coder): whom `status` lists, those without codings as "no codings yet".
    public func logOwners() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: codingsURL.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(".jsonl".count)) }
            .filter { !$0.hasPrefix("_") && CoderName.problem(with: $0) == nil }.sorted()
    }

    /// Every log in `codings/` that holds any event, sorted; the consensus log is not a coder.
    /// What `validate` and `status` check; reports count `codersWithCodings()` only.
    ///
    /// An empty log (or only blank lines) is what a failed import leaves behind. Throws every
    /// log that cannot be read (a folder, a dangling link, no permission), so a comparison never
    /// goes on without a coder in silence; `logListing()` gives both.
    public func codersWithLogs() throws(DiagnosticList) -> [String] {
        try logListing().readableCoders()
    }

    /// The logs in `codings/`: the coders with events, and every log that cannot be read.
    public func logListing() -> LogListing { LogListing(project: self) }

    /// Whether anything is at `owner`'s log path (`_consensus` for the consensus), readable or
    /// not: a dangling link or a folder there is a log to report, not an absent one.
    public func hasLogFile(_ owner: String) -> Bool { LogFile.kind(at: logURL(coder: owner).path) != .missing }
}

/// Why a project could not be opened.
public enum ProjectError: Error, Sendable, CustomStringConvertible {
    case notFound(searchedFrom: String)
    /// `--project DIR` names a folder without a `litcoder.yaml` (no search upwards then).
    case notAProject(folder: String)
    /// `--project DIR` names a folder that does not exist.
    case noSuchFolder(String)
    case invalidConfig(Diagnostic)

    public var description: String {
        switch self {
        case .notFound(let dir):
            "no \(Project.fileName) in \(dir) or any folder above it; run 'litcoder init DIR' to make a project, or pass --project DIR"
        case .notAProject(let dir):
            "no \(Project.fileName) in \(dir); run 'litcoder init \(dir)' to make a project there, or pass --project with a project's folder"
        case .noSuchFolder(let dir):
            "there is no folder \(dir); check the --project path, or run 'litcoder init \(dir)' to make a project there"
        case .invalidConfig(let d):
            d.description
        }
    }
}

extension Project {
    /// The project whose `litcoder.yaml` is in `start` or the nearest folder above it.
    public static func find(from start: URL) throws -> Project {
        var dir = start.standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) {
                return try load(root: dir)
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { throw ProjectError.notFound(searchedFrom: start.path) }
            dir = parent
        }
    }

    /// The project in `root`, which must hold a `litcoder.yaml`.
    public static func load(root: URL) throws -> Project {
        let url = root.appendingPathComponent(fileName)
        let file = fileName
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ProjectError.invalidConfig(Diagnostic(
                file: url.path, message: "cannot read \(fileName)", hint: "is it a UTF-8 text file?"))
        }
        if let problem = YAMLShape.problem(in: text, file: file) { throw ProjectError.invalidConfig(problem) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ProjectError.invalidConfig(YAMLDiagnostics.diagnostic(for: error, file: file))
        } catch {
            throw ProjectError.invalidConfig(Diagnostic(file: file, message: "\(error)"))
        }
        guard let mapping = node?.mapping else {
            throw ProjectError.invalidConfig(Diagnostic(
                file: file, line: 1, message: "\(fileName) must be a mapping with 'name', 'codebook' and 'corpus'"))
        }
        func string(_ key: String) -> String? { mapping[key]?.string }
        guard let codebook = string("codebook") else {
            throw ProjectError.invalidConfig(Diagnostic(
                file: file, line: 1, message: "missing 'codebook'", hint: "add e.g. 'codebook: codebooks/ser-survey.yaml'"))
        }
        var corpus: [String] = []
        if let value = mapping["corpus"] {
            if let s = value.string { corpus = [s] }
            else if let seq = value.sequence { corpus = seq.compactMap(\.string) }
        }
        let known: Set = ["name", "codebook", "corpus", "coders", "order"]
        for (key, _) in mapping {
            if let k = key.string, !known.contains(k) {
                throw ProjectError.invalidConfig(Diagnostic(
                    file: file, line: key.mark.map { $0.line }, column: key.mark.map { $0.column },
                    message: "unknown key '\(k)'" + DidYouMean.clause(for: k, among: known.sorted()),
                    hint: "the keys are name, codebook, corpus, coders and order"))
            }
        }
        let coders = mapping["coders"]?.sequence?.compactMap(\.string)
        var order = PaperOrder.perCoder
        if let value = mapping["order"] {
            guard let text = value.string, let chosen = PaperOrder(rawValue: text) else {
                throw ProjectError.invalidConfig(Diagnostic(
                    file: file, line: value.mark.map { $0.line }, column: value.mark.map { $0.column },
                    message: "'order' must be 'corpus' or 'per-coder'",
                    hint: "'order: corpus' gives every coder the corpus order; leave it out for each coder's own shuffled order"))
            }
            order = chosen
        }
        return Project(
            root: root.standardizedFileURL, name: string("name") ?? root.lastPathComponent,
            codebookPath: codebook, corpusPaths: corpus, coders: coders, order: order)
    }
}

/// Turns Yams' errors into located diagnostics.
public enum YAMLDiagnostics {
    public static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _):
            located("YAML syntax", problem, context, mark, file)
        case .parser(let context, let problem, let mark, _):
            located("YAML syntax", problem, context, mark, file)
        case .composer(let context, let problem, let mark, _):
            located("YAML", problem, context, mark, file)
        default:
            Diagnostic(file: file, message: "YAML: \(error)")
        }
    }

    /// The first line up to `lastLine` whose value opens a quote that the line does not close,
    /// as (line, column), 1-based: the likeliest cause of a syntax error libyaml reports further
    /// down ("did not find expected key" some lines later). YAML allows a quoted value to go on
    /// over several lines, so this is a hint, never the error's location.
    public static func unclosedQuote(in text: String, through lastLine: Int) -> (line: Int, column: Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard index + 1 <= lastLine else { break }
            let chars = Array(line)
            // The value starts after "key: " or a list's "- ".
            var start: Int?
            var i = 0
            while i < chars.count, chars[i] == " " { i += 1 }
            if i + 1 < chars.count, chars[i] == "-", chars[i + 1] == " " { start = i + 2 }
            if let colon = (0..<max(chars.count - 1, 0)).first(where: { chars[$0] == ":" && chars[$0 + 1] == " " }),
               start == nil || colon > (start ?? 0) {
                if chars[(start ?? i)..<colon].allSatisfy({ $0 != "\"" && $0 != "'" }) { start = colon + 2 }
            }
            guard var position = start else { continue }
            while position < chars.count, chars[position] == " " { position += 1 }
            guard position < chars.count, chars[position] == "\"" || chars[position] == "'" else { continue }
            let quote = chars[position]
            var j = position + 1
            var closed = false
            while j < chars.count {
                if quote == "\"", chars[j] == "\\" { j += 2; continue }
                if chars[j] == quote {
                    // In single quotes, '' is an escaped quote.
                    if quote == "'", j + 1 < chars.count, chars[j + 1] == "'" { j += 2; continue }
                    closed = true
                    break
                }
                j += 1
            }
            if !closed { return (index + 1, position + 1) }
        }
        return nil
    }

    /// libyaml reports where it gave up and, as context, what it was reading and where that
    /// began. Both places go into the message; when it gave up at the end of the file (a quote
    /// or bracket never closed), the place where the unclosed thing began is the one to fix.
    private static func located(_ kind: String, _ problem: String, _ context: YamlError.Context?, _ mark: Mark,
                                _ file: String) -> Diagnostic {
        let problem = problem.replacingOccurrences(of: "end of stream", with: "end of the file")
        guard let context else {
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: "\(kind): \(problem)")
        }
        let startsElsewhere = context.mark.line != mark.line
        if startsElsewhere, problem.contains("end of the file") {
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column,
                              message: "\(kind): \(problem) \(context.text) that starts here and is never closed")
        }
        let start = startsElsewhere ? " that starts at line \(context.mark.line), column \(context.mark.column)" : ""
        return Diagnostic(file: file, line: mark.line, column: mark.column, message: "\(kind): \(problem) \(context.text)\(start)")
    }
}
