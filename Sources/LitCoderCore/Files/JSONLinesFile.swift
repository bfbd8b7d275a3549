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

    /// A file's bytes and its non-blank lines: each line's number (1-based) and byte range,
    /// without its CR and (on the first line) byte-order mark; a missing file has none.
    struct RawLines {
        var bytes: [UInt8] = []
        var lines: [(number: Int, range: Range<Int>)] = []

        init(url: URL) {
            guard let bytes = FileBytes.contents(atPath: url.path) else { return }
            self.bytes = bytes
            var number = 0
            var start = 0
            while start <= bytes.count {
                let newline = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                number += 1
                var lower = start, upper = newline
                if upper > lower, bytes[upper - 1] == 0x0D { upper -= 1 }
                if number == 1, upper - lower >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lower += 3 }
                if bytes[lower..<upper].contains(where: { !($0 == 0x20 || $0 == 0x09) }) { lines.append((number, lower..<upper)) }
                start = newline + 1
            }
        }
    }

    /// The object on one line, or the diagnostic saying it is none.
    static func object(_ bytes: ArraySlice<UInt8>, line: Int, displayPath: String) -> Result<[String: Any], Diagnostic> {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            return .failure(Diagnostic(file: displayPath, line: line, message: "not a JSON object; the line is left out",
                                       hint: "litcoder writes this file; restore the line from git, or delete it"))
        }
        return .success(object)
    }

    /// The file's objects; a missing file is an empty one.
    static func read(url: URL, displayPath: String) -> (lines: [Line], diagnostics: [Diagnostic]) {
        let raw = RawLines(url: url)
        var lines: [Line] = []
        var diagnostics: [Diagnostic] = []
        for (number, range) in raw.lines {
            switch object(raw.bytes[range], line: number, displayPath: displayPath) {
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

    /// A line exactly as `Assignments` writes a paper, `{"paper":"ID","coders":["A","B"]}`,
    /// with no backslash anywhere: read by hand, many times faster than `JSONSerialization`
    /// on a 100,000-paper file. Anything else (an escape, a space, another key order, invalid
    /// UTF-8) gives nil, and the line goes to `JSONSerialization`.
    static func assignmentLine(_ line: ArraySlice<UInt8>) -> (paper: String, coders: [String])? {
        line.withUnsafeBufferPointer { p -> (paper: String, coders: [String])? in
            var i = 0
            let n = p.count
            func expect(_ expected: [UInt8]) -> Bool {
                guard n - i >= expected.count else { return false }
                for (k, byte) in expected.enumerated() where p[i + k] != byte { return false }
                i += expected.count
                return true
            }
            func string() -> String? {
                guard i < n, p[i] == 0x22 else { return nil }
                var end = i + 1
                while end < n, p[end] != 0x22 {
                    if p[end] == 0x5C || p[end] < 0x20 { return nil }
                    end += 1
                }
                guard end < n, let text = String(validating: UnsafeBufferPointer(rebasing: p[(i + 1)..<end]), as: UTF8.self)
                else { return nil }
                i = end + 1
                return text
            }
            guard expect(paperKey), let paper = string(), expect(codersKey) else { return nil }
            var coders: [String] = []
            if i < n, p[i] != 0x5D {
                while true {
                    guard let coder = string() else { return nil }
                    coders.append(coder)
                    guard i < n, p[i] == 0x2C else { break }
                    i += 1
                }
            }
            guard n - i == 2, p[i] == 0x5D, p[i + 1] == 0x7D else { return nil }
            return (paper, coders)
        }
    }
}
