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

    /// The file's objects; a missing file is an empty one.
    static func read(url: URL, displayPath: String) -> (lines: [Line], diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return ([], []) }
        var lines: [Line] = []
        var diagnostics: [Diagnostic] = []
        var number = 0
        for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var bytes = raw
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09) }) else { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
                diagnostics.append(Diagnostic(file: displayPath, line: number,
                                              message: "not a JSON object; the line is left out",
                                              hint: "litcoder writes this file; restore the line from git, or delete it"))
                continue
            }
            lines.append(Line(number: number, object: object))
        }
        return (lines, diagnostics)
    }

    /// The strings of a JSON array value, nil when it is not an array of strings.
    static func strings(_ value: Any?) -> [String]? {
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
}
