import Foundation

/// The papers of a project, in file order, with lookup by id.
public struct Corpus: Sendable {
    public private(set) var papers: [Paper] = []
    private var indexByID: [String: Int] = [:]

    public init(papers: [Paper] = []) {
        for paper in papers where indexByID[paper.id] == nil {
            indexByID[paper.id] = self.papers.count
            self.papers.append(paper)
        }
    }

    public var count: Int { papers.count }
    public func paper(_ id: String) -> Paper? { indexByID[id].map { papers[$0] } }
    public func index(of id: String) -> Int? { indexByID[id] }
    public func contains(_ id: String) -> Bool { indexByID[id] != nil }

    /// Adds a paper; returns false (and changes nothing) when its id is taken.
    @discardableResult
    public mutating func append(_ paper: Paper) -> Bool {
        guard indexByID[paper.id] == nil else { return false }
        indexByID[paper.id] = papers.count
        papers.append(paper)
        return true
    }
}

extension Corpus {
    /// Reads JSON Lines corpus files, reporting each malformed line as `FILE:LINE: reason`
    /// and going on with the rest. A duplicate id is an error naming both lines; the first wins.
    public static func load(files: [URL], displayName: (URL) -> String = { $0.path }) -> (Corpus, [Diagnostic]) {
        var corpus = Corpus()
        var diagnostics: [Diagnostic] = []
        var firstSeen: [String: (file: String, line: Int)] = [:]
        let decoder = JSONDecoder()
        for url in files {
            let name = displayName(url)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                diagnostics.append(Diagnostic(file: name, message: "cannot read the corpus file",
                                              hint: "check the 'corpus' paths in litcoder.yaml"))
                continue
            }
            var lineNumber = 0
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
                if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                let paper: Paper
                do {
                    paper = try decoder.decode(Paper.self, from: Data(trimmed))
                } catch {
                    diagnostics.append(Diagnostic(file: name, line: lineNumber,
                                                  message: "malformed paper record: \(JSONErrorText.describe(error))",
                                                  hint: "each line must be one JSON object with at least \"id\" and \"title\""))
                    continue
                }
                if let first = firstSeen[paper.id] {
                    diagnostics.append(Diagnostic(
                        file: name, line: lineNumber,
                        message: "duplicate paper id '\(paper.id)' (first at \(first.file):\(first.line)); this record is ignored",
                        hint: "give each paper a unique id"))
                    continue
                }
                firstSeen[paper.id] = (name, lineNumber)
                corpus.append(paper)
            }
        }
        return (corpus, diagnostics)
    }
}

/// Short, human words for Foundation's JSON decoding errors.
public enum JSONErrorText {
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \"\(path(context.codingPath + [key]))\""
        case .typeMismatch(let type, let context):
            return "\"\(path(context.codingPath))\" should be \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "\"\(path(context.codingPath))\" is null, expected \(typeName(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return "\"\(path(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of strings"
        default: "\(type)"
        }
    }
}
