import Foundation

/// Reads the small JSON Lines files litcoder keeps beside the corpus and the logs
/// (`assignments.jsonl`, `rounds.jsonl`, `corpus/_imports.jsonl`): one object a line, blank
/// lines allowed, every other line that is not a JSON object reported as `FILE:LINE` and skipped.
enum JSONLinesFile {
    /// One object and the line it was on (1-based).
    struct Line {
        var number: Int
        var object: [String: Any]
    }

    /// The file's non-blank lines, each without its CR and (on the first line) byte-order
    /// mark; a missing file has none.
    static func rawLines(url: URL) -> [(number: Int, bytes: Data.SubSequence)] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        var lines: [(number: Int, bytes: Data.SubSequence)] = []
        var number = 0
        for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var bytes = raw
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09) }) else { continue }
            lines.append((number, bytes))
        }
        return lines
    }

    /// The object on one line, or the diagnostic saying it is none.
    static func object(_ bytes: Data.SubSequence, line: Int, displayPath: String) -> Result<[String: Any], Diagnostic> {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            return .failure(Diagnostic(file: displayPath, line: line, message: "not a JSON object; the line is left out",
                                       hint: "litcoder writes this file; restore the line from git, or delete it"))
        }
        return .success(object)
    }

    /// The file's objects; a missing file is an empty one.
    static func read(url: URL, displayPath: String) -> (lines: [Line], diagnostics: [Diagnostic]) {
        var lines: [Line] = []
        var diagnostics: [Diagnostic] = []
        for (number, bytes) in rawLines(url: url) {
            switch object(bytes, line: number, displayPath: displayPath) {
            case .success(let object): lines.append(Line(number: number, object: object))
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        return (lines, diagnostics)
    }

    /// The strings of a JSON array value, nil when it is not an array of strings.
    static func strings(_ value: Any?) -> [String]? {
        if let strings = value as? [String] { return strings }
        guard let array = value as? [Any] else { return nil }
        var out: [String] = []
        out.reserveCapacity(array.count)
        for item in array {
            guard let text = item as? String else { return nil }
            out.append(text)
        }
        return out
    }

    /// A whole number, nil when the value is not one (JSON `true` is not 1).
    static func integer(_ value: Any?) -> Int? {
        // Foundation hands JSON booleans over as NSNumbers of ObjC type `c` (char).
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        let double = number.doubleValue
        guard double == double.rounded(), abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }

    /// `"text"` as JSON.
    static func quoted(_ text: String) -> String { PaperJSONLine.quoted(text) }

    /// `["a","b"]` as JSON.
    static func quoted(_ texts: [String]) -> String { "[" + texts.map(quoted).joined(separator: ",") + "]" }

    private static let paperKey = Array(#"{"paper":"#.utf8), codersKey = Array(#","coders":["#.utf8)
    private static let listEnd = Array("]}".utf8)

    /// A line exactly as `Assignments` writes a paper, `{"paper":"ID","coders":["A","B"]}`,
    /// with no backslash anywhere: read by hand, many times faster than `JSONSerialization`
    /// on a 100,000-paper file. Anything else (an escape, a space, another key order, invalid
    /// UTF-8) gives nil, and the line goes to `JSONSerialization`.
    static func assignmentLine(_ bytes: Data.SubSequence) -> (paper: String, coders: [String])? {
        var view = bytes[...]
        func expect(_ expected: [UInt8]) -> Bool {
            guard view.starts(with: expected) else { return false }
            view = view.dropFirst(expected.count)
            return true
        }
        func string() -> String? {
            guard view.first == 0x22 else { return nil }
            view = view.dropFirst()
            guard let end = view.firstIndex(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }), view[end] == 0x22,
                  let text = String(validating: view[..<end], as: UTF8.self) else { return nil }
            view = view[view.index(after: end)...]
            return text
        }
        guard expect(paperKey), let paper = string(), expect(codersKey) else { return nil }
        var coders: [String] = []
        if view.first != 0x5D {
            repeat {
                guard let coder = string() else { return nil }
                coders.append(coder)
            } while view.first == 0x2C && expect([0x2C])
        }
        guard expect(listEnd), view.isEmpty else { return nil }
        return (paper, coders)
    }
}
