import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    /// Keys of the file being read that look like misspelt paper keys: first line and count.
    private var misspeltKeys: [String: (firstLine: Int, lines: Int)] = [:]
    /// Whether each unknown key seen so far looks misspelt; exports repeat the same few keys
    /// on every line, so each is judged once.
    private var looksMisspelt: [String: Bool] = [:]

    public init() {}

    /// Reads the file at `url`; `name` is how diagnostics refer to it (project-relative).
    ///
    /// The file is read in chunks of about a megabyte rather than whole, so loading holds the
    /// decoded papers and one chunk, not also a copy of the entire file.
    public mutating func read(url: URL, name: String) {
        read(url: url, name: name, chunkSize: 1 << 20)
    }

    /// `read(url:name:)` with a chosen chunk size (tests use tiny ones to split lines anywhere).
    mutating func read(url: URL, name: String, chunkSize: Int) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let missing = errno == ENOENT
            cannotRead(name, reason: missing ? "no such corpus file" : "cannot read the corpus file: \(String(cString: strerror(errno)))")
            return
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, [S_IFCHR, S_IFBLK].contains(info.st_mode & S_IFMT) {
            // A device such as /dev/zero would be read without end.
            cannotRead(name, reason: "cannot read the corpus file: it is a device, not a file")
            return
        }
        var chunk = [UInt8](repeating: 0, count: max(chunkSize, 1))
        // The bytes of lines not yet complete; a line longer than a chunk grows it.
        var pending: [UInt8] = []
        var lineNumber = 1
        var startOfFile = true
        var reserved = false
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                cannotRead(name, reason: "cannot read the corpus file: \(String(cString: strerror(errno)))")
                return
            }
            if count == 0 { break }
            // What was pending before this chunk holds no newline; do not search it again, or a
            // line of many chunks would be scanned once per chunk.
            var searched = pending.count
            pending.append(contentsOf: chunk[0..<count])
            if startOfFile {
                // Wait for three bytes before deciding whether the file opens with a byte-order mark.
                if pending.count < 3 { continue }
                if pending[0] == 0xEF, pending[1] == 0xBB, pending[2] == 0xBF { pending.removeFirst(3) }
                startOfFile = false
                searched = 0
            }
            let consumed = pending.withUnsafeBufferPointer {
                readLines(in: $0, name: name, lineNumber: &lineNumber, isEnd: false, searchFrom: searched)
            }
            if !reserved, consumed > 0 {
                // The first chunk's lines tell how many the file holds: room for them all at once,
                // so the id tables are never rehashed (at a million papers, rehashing cost more
                // than a tenth of loading, and a growing share of it).
                reserved = true
                let estimate = Int(Double(max(Int(info.st_size), 0)) / Double(consumed) * Double(lineNumber - 1))
                reserveCapacity(min(estimate, Int(info.st_size) / 16 + 1))
            }
            pending.removeFirst(consumed)
        }
        if startOfFile, pending.count >= 3, pending[0] == 0xEF, pending[1] == 0xBB, pending[2] == 0xBF { pending.removeFirst(3) }
        _ = pending.withUnsafeBufferPointer { readLines(in: $0, name: name, lineNumber: &lineNumber, isEnd: true) }
        reportMisspeltKeys(name)
    }

    /// Makes room for `count` more papers.
    private mutating func reserveCapacity(_ count: Int) {
        guard count > 0 else { return }
        corpus.reserveCapacity(corpus.count + count)
        firstSeen.reserveCapacity(firstSeen.count + count)
    }

    /// Reads corpus records from `data`, as if it were the file called `name`.
    public mutating func read(data: Data, name: String) {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var bytes = buffer.bindMemory(to: UInt8.self)
            // A byte-order mark is legal at the start of a UTF-8 file and means nothing.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            var lineNumber = 1
            _ = readLines(in: bytes, name: name, lineNumber: &lineNumber, isEnd: true)
        }
        reportMisspeltKeys(name)
    }

    /// One warning per misspelt key per file, however many lines repeat it.
    private mutating func reportMisspeltKeys(_ name: String) {
        for (key, seen) in misspeltKeys.sorted(by: { $0.value.firstLine < $1.value.firstLine }) {
            let suggestion = Self.closestKnownKey(to: key) ?? "?"
            let lines = seen.lines == 1 ? "" : " (on \(seen.lines) lines, the first shown)"
            diagnostics.append(Diagnostic(
                file: name, line: seen.firstLine, severity: .warning,
                message: "unknown key '\(key)' (did you mean '\(suggestion)'?) is ignored\(lines)",
                hint: "rename it to '\(suggestion)', or its value is lost; the keys are \(PaperLineParser.knownKeys.joined(separator: ", "))"))
        }
        misspeltKeys = [:]
    }

    /// Reads every complete line in `bytes` (and, at the end of the file, the last one without
    /// a newline); returns how many bytes it used.
    private mutating func readLines(
        in bytes: UnsafeBufferPointer<UInt8>, name: String, lineNumber: inout Int, isEnd: Bool, searchFrom: Int = 0
    ) -> Int {
        var lineStart = 0
        var searchStart = min(max(searchFrom, 0), bytes.count)
        var lines: [Range<Int>] = []
        while lineStart < bytes.count {
            // memchr, not a byte loop: finding line ends is a good share of loading time.
            var lineEnd: Int
            if searchStart < bytes.count, let base = bytes.baseAddress,
               let newline = memchr(base + searchStart, 0x0A, bytes.count - searchStart) {
                lineEnd = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            } else if isEnd {
                lineEnd = bytes.count
            } else {
                break
            }
            let next = lineEnd + 1
            if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            lines.append(lineStart..<lineEnd)
            lineStart = next
            searchStart = next
        }
        // Parsing is most of loading and each line parses alone, so the lines of a chunk are
        // parsed on two threads; ids are checked and papers added in file order after.
        var parsed = [ParsedLine](repeating: .blank, count: lines.count)
        let chunks = lines.count >= 64 ? 2 : 1
        parsed.withUnsafeMutableBufferPointer { output in
            nonisolated(unsafe) let output = output
            nonisolated(unsafe) let bytes = bytes
            let lines = lines
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (lines.count * chunk / chunks)..<(lines.count * (chunk + 1) / chunks)
                for i in range { output[i] = Self.parse(UnsafeBufferPointer(rebasing: bytes[lines[i]])) }
            }
        }
        for line in parsed {
            install(line, name: name, number: lineNumber)
            lineNumber += 1
        }
        return min(lineStart, bytes.count)
    }

    private mutating func cannotRead(_ name: String, reason: String) {
        diagnostics.append(Diagnostic(
            file: name, message: reason,
            hint: "check the 'corpus' paths in litcoder.yaml (an empty file is a valid empty corpus)"))
    }

    /// One line as parsed, before its id is checked against the lines before it.
    private enum ParsedLine: @unchecked Sendable {
        case blank
        case problem(message: String, hint: String, column: Int?)
        case record(PaperLineParser.Record)
    }

    /// White space and line breaks, made once (the getter builds a new set at each call).
    private static let whiteSpace = CharacterSet.whitespacesAndNewlines

    /// Parses one line on its own (any thread): blank, a problem, or a record with a non-empty id.
    private static func parse(_ line: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
        if let offset = firstInvalidUTF8Byte(in: line) {
            let byte = String(line[offset], radix: 16, uppercase: true)
            return .problem(message: "not valid UTF-8 (byte 0x\(byte)); this record is skipped",
                            hint: "re-save the file as UTF-8; a byte like this usually means it was saved as Latin-1 or Windows-1252",
                            column: offset + 1)
        }
        var body = line
        // A byte-order mark where a concatenated file began is as meaningless as one at the start.
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: body[3...])
        }
        let record: PaperLineParser.Record
        do {
            record = try PaperLineParser.parse(body)
        } catch {
            return .problem(message: "malformed paper record: \(error.message); this record is skipped",
                            hint: error.hint ?? "each line must be one JSON object with at least \"id\" and \"title\" (strings)",
                            column: error.column.map { $0 + line.count - body.count })
        }
        if record.paper.id.isMade(of: Self.whiteSpace) {
            return .problem(message: "paper id is empty; this record is skipped", hint: "give each paper a unique, non-empty id", column: nil)
        }
        return .record(record)
    }

    /// Reports a parsed line's problems or adds its paper, unless an earlier line had its id.
    private mutating func install(_ line: ParsedLine, name: String, number: Int) {
        let record: PaperLineParser.Record
        switch line {
        case .blank:
            return
        case .problem(let message, let hint, let column):
            diagnostics.append(Diagnostic(file: name, line: number, column: column, message: message, hint: hint))
            return
        case .record(let parsed):
            record = parsed
        }
        let paper = record.paper
        // Other keys (`arxiv`, `pmid` …) are ignored quietly: exports carry many. One that looks
        // like a misspelt paper key is reported, since its value would be lost without a word.
        for key in record.unknownKeys {
            // An export has a few dozen keys; past a thousand distinct ones the file is not an
            // export, and judging each would cost more than reading it.
            guard let misspelt = looksMisspelt[key] ?? (looksMisspelt.count < 1_000 ? Self.closestKnownKey(to: key) != nil : nil)
            else { continue }
            looksMisspelt[key] = misspelt
            guard misspelt else { continue }
            if let seen = misspeltKeys[key] {
                misspeltKeys[key] = (seen.firstLine, seen.lines + 1)
            } else {
                misspeltKeys[key] = (number, 1)
            }
        }
        if let first = firstSeen[paper.id] {
            diagnostics.append(Diagnostic(
                file: name, line: number, column: nil,
                message: "duplicate paper id '\(paper.id)' (first at \(first.file):\(first.line)); this record is ignored",
                hint: "give each paper a unique id; codings refer to papers by id"))
            return
        }
        firstSeen[paper.id] = (name, number)
        corpus.append(paper)
    }

    /// The known key a misspelt one most likely meant, if any is close enough.
    static func closestKnownKey(to key: String) -> String? {
        // The known keys have at most 8 letters and a slip at most 2 edits: a longer key is none
        // of them, and its edit distance would cost its length times theirs.
        guard key.utf8.count <= 12 else { return nil }
        let lowered = key.lowercased()
        let scored = PaperLineParser.knownKeys.map { ($0, DidYouMean.editDistance(Array(lowered), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, best.0.count / 3) else { return nil }
        return best.0
    }
}

extension CorpusLoader {
    /// The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates,
    /// nothing above U+10FFFF), or nil when the bytes are valid.
    static func firstInvalidUTF8Byte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight ASCII bytes at a time: a corpus is mostly ASCII.
            if let base = bytes.baseAddress {
                while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            }
            guard i < n else { break }
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
