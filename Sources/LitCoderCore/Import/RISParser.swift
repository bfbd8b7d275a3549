import Foundation

/// Reads RIS files (`TY  - ` … `ER  - `) into records, the way reference managers and the
/// Web of Science, Scopus, PubMed and EndNote RIS exports write them.
///
/// A value continues over untagged lines (joined with a space); a `TY` inside a record
/// that lacks its `ER` starts a new record (with a warning) rather than swallowing the next
/// one; lines between records (provider chatter, `1.`) are ignored.
public struct RISParser {
    private let p: UnsafeBufferPointer<UInt8>
    private let file: String
    /// Each record's fields (a range of `pendingFields`) and first line, read in order;
    /// normalised afterwards, in parallel.
    private var pending: [(fields: Range<Int>, line: Int)] = []
    /// The fields of all pending records, one after another: one array per batch rather than
    /// one per record.
    private var pendingFields: [Field] = []
    /// The records so far (or the count of those delivered).
    private var output = ParsedFile()
    /// Receives each normalised batch instead of `records`, when given.
    private var deliver: ParsedFile.BatchHandler?
    /// How far `run` has read, for the fraction `deliver` is told.
    private var consumed = 0
    private var diagnostics: [Diagnostic] = []

    /// One tagged value: its two-letter tag and its bytes (a span of the file, or joined lines).
    private struct Field {
        var tag: UInt16
        var start: Int
        var end: Int
        var joined: [UInt8]?
    }

    private init(p: UnsafeBufferPointer<UInt8>, file: String, deliver: ParsedFile.BatchHandler?) {
        self.p = p
        self.file = file
        self.deliver = deliver
    }

    /// The records of a RIS file; `progress` is told the byte offset now and then.
    ///
    /// With `deliver`, the records are handed over in batches of a few thousand, in file order,
    /// as soon as they are normalised, and not kept in the result (see `ParsedFile.deliveredCount`).
    public static func parse(_ bytes: [UInt8], file: String, progress: ((Int) -> Void)? = nil,
                             deliver: ParsedFile.BatchHandler? = nil) -> ParsedFile {
        bytes.withUnsafeBufferPointer { p in
            var parser = RISParser(p: p, file: file, deliver: deliver)
            parser.run(progress: progress)
            parser.normalisePending()
            parser.output.diagnostics = parser.diagnostics
            return parser.output
        }
    }

    static func tag(_ a: Character, _ b: Character) -> UInt16 {
        UInt16(a.asciiValue ?? 0) << 8 | UInt16(b.asciiValue ?? 0)
    }

    private static let TY = tag("T", "Y"), ER = tag("E", "R"), TI = tag("T", "I"), T1 = tag("T", "1")
    private static let ST = tag("S", "T"), AU = tag("A", "U"), A1 = tag("A", "1"), PY = tag("P", "Y")
    private static let Y1 = tag("Y", "1"), DA = tag("D", "A"), T2 = tag("T", "2"), JO = tag("J", "O")
    private static let JF = tag("J", "F"), JA = tag("J", "A"), J2 = tag("J", "2"), BT = tag("B", "T")
    private static let AB = tag("A", "B"), N2 = tag("N", "2"), DO = tag("D", "O"), KW = tag("K", "W")
    private static let UR = tag("U", "R")

    /// The tag of a line `XX  - value` (two letters or a letter and a digit, two spaces, a hyphen).
    private func tagOfLine(_ start: Int, _ end: Int) -> UInt16? {
        guard end - start >= 5 else { return nil }
        let a = p[start], b = p[start + 1]
        guard a >= 0x41 && a <= 0x5A, (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39),
              p[start + 2] == 0x20, p[start + 3] == 0x20, p[start + 4] == 0x2D,
              end - start == 5 || p[start + 5] == 0x20 else { return nil }
        return UInt16(a) << 8 | UInt16(b)
    }

    /// The tag of a line that is almost a tag line (`KW - value`, `PMID - value`): exporters
    /// that write RIS by hand get the spacing wrong. Two-letter tags are kept; longer ones are
    /// not RIS tags and yield 0, so their value is not taken for the previous field.
    private func looseTagOfLine(_ start: Int, _ end: Int) -> UInt16? {
        var k = start
        while k < end, k - start < 4, (p[k] >= 0x41 && p[k] <= 0x5A) || (k > start && p[k] >= 0x30 && p[k] <= 0x39) { k += 1 }
        let letters = k - start
        guard letters >= 2 else { return nil }
        var spaces = 0
        while k < end, p[k] == 0x20 { k += 1; spaces += 1 }
        guard spaces >= 1, k < end, p[k] == 0x2D, k + 1 == end || p[k + 1] == 0x20 else { return nil }
        return letters == 2 ? UInt16(p[start]) << 8 | UInt16(p[start + 1]) : 0
    }

    private mutating func run(progress: ((Int) -> Void)?) {
        let n = p.count
        var fields: [Field] = []
        var inRecord = false
        var lineNumber = 0
        var recordLine = 0
        var start = 0
        var nextReport = 1 << 20
        while start < n {
            var end = n
            if let base = p.baseAddress, let hit = memchr(base + start, 0x0A, n - start) {
                end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            lineNumber += 1
            consumed = end
            defer { start = end + 1 }
            if let progress, start >= nextReport {
                progress(start)
                nextReport = start + (1 << 20)
            }
            var loose = false
            var tag = tagOfLine(start, end)
            if tag == nil, inRecord, let t = looseTagOfLine(start, end) {
                tag = t
                loose = true
                let written = String(decoding: UnsafeBufferPointer(rebasing: p[start..<min(end, start + 8)]), as: UTF8.self)
                diagnostics.append(Diagnostic(
                    file: file, line: lineNumber, severity: .warning,
                    message: "'\(written)' is not a well-formed RIS tag line (two letters, two spaces, '-'); read as a tag",
                    hint: "check the value read for it"))
            }
            if let tag {
                var valueStart = start + 5
                if loose {
                    valueStart = start
                    while valueStart < end, p[valueStart] != 0x2D { valueStart += 1 }
                    valueStart += 1
                }
                while valueStart < end, p[valueStart] == 0x20 { valueStart += 1 }
                if tag == Self.TY {
                    if inRecord {
                        diagnostics.append(Diagnostic(
                            file: file, line: recordLine, severity: .warning,
                            message: "record has no 'ER  -' line; it ends where the next 'TY  -' starts (line \(lineNumber))",
                            hint: "check that the two records were not meant to be one"))
                        finish(fields, line: recordLine)
                    }
                    inRecord = true
                    recordLine = lineNumber
                    fields.removeAll(keepingCapacity: true)
                } else if tag == Self.ER {
                    if inRecord { finish(fields, line: recordLine) }
                    inRecord = false
                    fields.removeAll(keepingCapacity: true)
                    continue
                }
                if inRecord { fields.append(Field(tag: tag, start: valueStart, end: end, joined: nil)) }
            } else if inRecord, let lastIndex = fields.indices.last {
                // An untagged line continues the value before it. The joined bytes are grown in
                // place: a copy per line made a value of many lines quadratic.
                if fields[lastIndex].joined == nil {
                    fields[lastIndex].joined = Array(p[fields[lastIndex].start..<fields[lastIndex].end])
                }
                fields[lastIndex].joined?.append(0x20)
                fields[lastIndex].joined?.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<end]))
            }
        }
        consumed = n
        if inRecord {
            diagnostics.append(Diagnostic(
                file: file, line: recordLine, severity: .warning,
                message: "the last record has no 'ER  -' line; it is imported as it stands",
                hint: "check that the file was not cut short"))
            finish(fields, line: recordLine)
        }
    }

    /// Queues a record; a full batch is normalised at once, so records never all wait in memory.
    private mutating func finish(_ fields: [Field], line: Int) {
        let lower = pendingFields.count
        pendingFields.append(contentsOf: fields)
        pending.append((lower..<pendingFields.count, line))
        if pending.count >= 4096 { normalisePending() }
    }

    /// Turns the pending records' fields into records, in parallel chunks.
    private mutating func normalisePending() {
        let batch = pending
        let batchFields = pendingFields
        nonisolated(unsafe) let bytes = p
        let normalised = ParallelChunks.map(count: batch.count) { index in
            Self.record(from: batchFields[batch[index].fields], line: batch[index].line, in: bytes)
        }
        output.take(normalised, deliver: deliver, fractionRead: Double(consumed) / Double(max(1, p.count)))
        pending.removeAll(keepingCapacity: true)
        pendingFields.removeAll(keepingCapacity: true)
    }

    private static func text(_ field: Field, in p: UnsafeBufferPointer<UInt8>) -> String? {
        if let joined = field.joined { return joined.withUnsafeBufferPointer { FieldNormalisation.collapse(bytes: $0) } }
        return FieldNormalisation.collapse(bytes: UnsafeBufferPointer(rebasing: p[field.start..<field.end]))
    }

    /// The normalised record of one RIS record's fields.
    private static func record(from fields: ArraySlice<Field>, line: Int, in p: UnsafeBufferPointer<UInt8>) -> ImportedRecord {
        func first(_ tags: UInt16...) -> String? {
            for tag in tags {
                for field in fields where field.tag == tag {
                    if let value = text(field, in: p) { return value }
                }
            }
            return nil
        }
        func all(_ tag: UInt16) -> [String] {
            fields.lazy.filter { $0.tag == tag }.compactMap { text($0, in: p) }
        }
        var record = ImportedRecord(line: line)
        record.title = first(TI, T1, ST)
        record.authors = all(AU)
        if record.authors.isEmpty { record.authors = all(A1) }
        record.setYear(from: first(PY, Y1, DA))
        record.venue = first(T2, JO, JF, JA, J2, BT)
        record.abstract = first(AB, N2)
        record.doi = first(DO).flatMap { FieldNormalisation.doi($0) }
        record.url = first(UR)
        record.keywords = all(KW)
        return record
    }
}
