import Foundation

/// Reads JSON Lines corpus files into a `Corpus`, collecting a diagnostic for every line it
/// cannot use and going on with the rest.
///
/// One loader reads all of a project's corpus files, so a paper id repeated in a second file
/// is caught like one repeated within a file. What it accepts beyond strict JSON Lines, because
/// real files have it: a UTF-8 byte-order mark, CRLF line ends, blank lines, and a last line
/// without a newline.
public struct CorpusLoader: Sendable {
    public private(set) var corpus = Corpus()
    public private(set) var diagnostics: [Diagnostic] = []
    /// Where each id was first seen, to name both lines of a duplicate.
    private var firstSeen: [String: (file: String, line: Int)] = [:]

    public init() {}

    /// Reads the file at `url`; `name` is how diagnostics refer to it (project-relative).
    public mutating func read(url: URL, name: String) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot read the corpus file" : "no such corpus file"
            diagnostics.append(Diagnostic(
                file: name, message: reason,
                hint: "check the 'corpus' paths in litcoder.yaml (an empty file is a valid empty corpus)"))
            return
        }
        read(data: data, name: name)
    }

    /// Reads corpus records from `data`, as if it were the file called `name`.
    public mutating func read(data: Data, name: String) {
        let decoder = JSONDecoder()
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            // A byte-order mark is legal at the start of a UTF-8 file and means nothing.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            var lineNumber = 1
            var lineStart = start
            var index = start
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                    var lineEnd = index
                    if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                    readLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), name: name, number: lineNumber, decoder: decoder)
                    lineNumber += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
    }

    private mutating func readLine(_ line: UnsafeBufferPointer<UInt8>, name: String, number: Int, decoder: JSONDecoder) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        func problem(_ message: String, hint: String, column: Int? = nil) {
            diagnostics.append(Diagnostic(file: name, line: number, column: column, message: message, hint: hint))
        }
        if let offset = Self.firstInvalidUTF8Byte(in: line) {
            let byte = String(line[offset], radix: 16, uppercase: true)
            problem("not valid UTF-8 (byte 0x\(byte) at byte \(offset + 1) of the line); this record is skipped",
                    hint: "re-save the file as UTF-8; a byte like this usually means it was saved as Latin-1 or Windows-1252",
                    column: offset + 1)
            return
        }
        var body = line
        // A byte-order mark where a concatenated file began is as meaningless as one at the start.
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: body[3...])
        }
        let data = Data(buffer: body)
        let record: PaperRecord
        do {
            record = try decoder.decode(PaperRecord.self, from: data)
        } catch {
            let reason = Self.describe(error, line: data)
            problem("malformed paper record: \(reason.text); this record is skipped",
                    hint: reason.hint ?? "each line must be one JSON object with at least \"id\" and \"title\" (strings)",
                    column: reason.column.map { $0 + line.count - body.count })
            return
        }
        let paper = record.paper
        if paper.id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problem("paper id is empty; this record is skipped", hint: "give each paper a unique, non-empty id")
            return
        }
        for key in record.unknownKeys {
            let suggestion = Self.closestKnownKey(to: key).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.append(Diagnostic(
                file: name, line: number, severity: .warning,
                message: "unknown key '\(key)'\(suggestion) is ignored",
                hint: "the keys are \(PaperRecord.knownKeys.joined(separator: ", ")); litcoder drops others when it rewrites the file"))
        }
        if let first = firstSeen[paper.id] {
            problem("duplicate paper id '\(paper.id)' (first at \(first.file):\(first.line)); this record is ignored",
                    hint: "give each paper a unique id; codings refer to papers by id")
            return
        }
        firstSeen[paper.id] = (name, number)
        corpus.append(paper)
    }

    /// Plain words for why a line is not a paper record, and where in the line when known.
    static func describe(_ error: any Error, line: Data) -> (text: String, column: Int?, hint: String?) {
        switch error {
        case DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty,
             DecodingError.valueNotFound(_, let context) where context.codingPath.isEmpty:
            return ("the line is \(jsonKind(of: line)), not a JSON object", nil, nil)
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            return syntaxError(in: line)
        default:
            return (JSONErrorText.describe(error), nil, nil)
        }
    }

    /// JSONDecoder only says "not valid JSON"; JSONSerialization says what and where, so ask it
    /// (only for lines that already failed, so the common path parses once).
    private static func syntaxError(in line: Data) -> (text: String, column: Int?, hint: String?) {
        var detail = ""
        do {
            _ = try JSONSerialization.jsonObject(with: line, options: [.fragmentsAllowed])
        } catch {
            detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        }
        var column: Int?
        // "… around character 8." counts from 0; columns count from 1.
        if let range = detail.range(of: #"around character (\d+)"#, options: .regularExpression) {
            let offset = Int(detail[range].split(separator: " ").last ?? "")
            column = offset.map { $0 + 1 }
            detail = detail.replacingCharacters(in: range, with: "at column \(column.map(String.init) ?? "?")")
        }
        if detail.hasSuffix(".") { detail.removeLast() }
        if let first = detail.first { detail = first.lowercased() + detail.dropFirst() }
        let hint: String? = detail.contains("control character")
            ? "inside a JSON string, write a tab as \\t and a line break as \\n" : nil
        return (detail.isEmpty ? "not valid JSON" : "not valid JSON: \(detail)", column, hint)
    }

    private static func jsonKind(of line: Data) -> String {
        let first = line.first { $0 != 0x20 && $0 != 0x09 }
        switch first {
        case UInt8(ascii: "["): return "a JSON list"
        case UInt8(ascii: "\""): return "a JSON string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a JSON true/false"
        case UInt8(ascii: "n"): return "JSON null"
        default: return "a JSON number"
        }
    }

    /// The known key a misspelt one most likely meant, if any is close enough.
    static func closestKnownKey(to key: String) -> String? {
        let lowered = key.lowercased()
        let scored = PaperRecord.knownKeys.map { ($0, editDistance(lowered, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, best.0.count / 3) else { return nil }
        return best.0
    }
}

/// A decoded corpus line: the paper and the keys it had that a paper does not.
private struct PaperRecord: Decodable {
    static let knownKeys = ["id", "title", "authors", "year", "venue", "doi", "url", "abstract", "keywords", "source"]

    var paper: Paper
    var unknownKeys: [String]

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        // Checking the shape first turns "[1,2]" into "not an object" rather than a missing-key error.
        let keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        paper = try Paper(from: decoder)
        let known = Set(Self.knownKeys)
        unknownKeys = keys.filter { !known.contains($0) }.sorted()
    }
}

extension CorpusLoader {
    /// Levenshtein distance between short strings, for did-you-mean suggestions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates,
    /// nothing above U+10FFFF), or nil when the bytes are valid.
    static func firstInvalidUTF8Byte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            // Only the second byte has a narrowed range; the rest are plain continuation bytes.
            for k in 1..<length {
                guard i + k < n else { return i }
                let byte = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= lo && byte <= hi else { return i }
            }
            i += length
        }
        return nil
    }
}
