import Foundation

/// BibTeX entries: the fields litcoder takes, read as the parser meets them and decoded into
/// records (LaTeX, names, plain text) a batch at a time.
extension BibTeXParser {
    /// The fields litcoder takes from an entry.
    static let readFields: Set<String> = [
        "title", "author", "year", "date", "doi", "journal", "journaltitle", "booktitle", "url", "abstract", "keywords",
    ]

    /// An entry as read, its values not yet decoded.
    struct Entry {
        var key: String?
        /// Where the entry's `@` is; its line is counted when the batch is normalised.
        var start: Int
        var fields: Fields
    }

    struct Fields {
        var title: Value?, author: Value?, year: Value?, date: Value?, doi: Value?
        var journal: Value?, booktitle: Value?, url: Value?, abstract: Value?, keywords: Value?
    }

    mutating func entry(type: String, startedAt start: Int, close: UInt8) throws {
        skipSpace()
        let keyStart = i
        while i < p.count, p[i] != 0x2C, p[i] != close, p[i] != 0x3D, p[i] != 0x0A || keyStart == i { i += 1 }
        var key: String? = nil
        if i < p.count, p[i] == 0x3D {
            i = keyStart  // no key: the first field follows the brace
        } else {
            key = FieldNormalisation.collapse(bytes: UnsafeBufferPointer(rebasing: p[keyStart..<i]))
        }
        var found = Fields()
        var oversized: (field: String, size: UInt64, macro: String?)?
        try fields(close: close) { _, name, value in
            if case .oversized(let size, let macro) = value {
                if Self.readFields.contains(name), oversized == nil { oversized = (name, size, macro) }
                return
            }
            switch name {
            case "title": found.title = value
            case "author": found.author = value
            case "year": found.year = value
            case "date": found.date = value
            case "doi": found.doi = value
            case "journal", "journaltitle": found.journal = value
            case "booktitle": found.booktitle = value
            case "url": found.url = value
            case "abstract": found.abstract = value
            case "keywords": found.keywords = value
            default: break
            }
        }
        if let oversized {
            let cause = oversized.macro.map { " (it uses @string '\($0)')" } ?? ""
            throw SyntaxError(offset: start,
                              message: "field '\(oversized.field)' expands to \(ByteCount.text(oversized.size, over: UInt64(Self.largestValue)))\(cause); litcoder stops at \(ByteCount.text(UInt64(Self.largestValue))) per field",
                              resume: i)
        }
        entries.append(Entry(key: key, start: start, fields: found))
        if entries.count >= 4096 { normalisePending() }
    }

    /// Turns the pending entries into records, in parallel chunks.
    mutating func normalisePending() {
        let batch = entries
        nonisolated(unsafe) let bytes = p
        // Each record first gets the newlines since the entry before it, counted in parallel;
        // adding them up in order then gives the lines.
        let previousStart = entryLines.offset
        var normalised = ParallelChunks.map(count: batch.count) { index in
            var record = Self.record(from: batch[index], in: bytes)
            let from = index == 0 ? previousStart : batch[index - 1].start
            record.line = LineCounter.newlines(in: bytes, from: from, to: batch[index].start)
            return record
        }
        var line = entryLines.line
        for index in normalised.indices {
            line += normalised[index].line
            normalised[index].line = line
        }
        if let last = batch.last { entryLines = (last.start, line) }
        output.take(normalised, deliver: deliver, fractionRead: Double(i) / Double(max(1, p.count)))
        entries.removeAll(keepingCapacity: true)
    }

    /// The normalised record of an entry: values LaTeX-decoded, names split, DOI and year read.
    static func record(from entry: Entry, in p: UnsafeBufferPointer<UInt8>) -> ImportedRecord {
        let found = entry.fields
        func withBytes<R>(_ value: Value, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            Self.withBytes(value, in: p, body)
        }
        var record = ImportedRecord(key: entry.key, line: 0)
        if let v = found.title { record.title = withBytes(v) { LaTeXDecoder.decode($0) } }
        if let v = found.author { record.authors = withBytes(v) { BibTeXNames.split($0) } }
        if found.year != nil || found.date != nil {
            let year = found.year.map { v in withBytes(v) { String(decoding: $0, as: UTF8.self) } }
            let date = found.date.map { v in withBytes(v) { String(decoding: $0, as: UTF8.self) } }
            record.setYear(from: year, date)
        }
        if let v = found.doi { record.doi = withBytes(v) { Self.plain($0) }.flatMap(FieldNormalisation.doi) }
        if let v = found.journal ?? found.booktitle { record.venue = withBytes(v) { LaTeXDecoder.decode($0) } }
        if let v = found.url { record.url = withBytes(v) { Self.plain($0) } }
        if let v = found.abstract { record.abstract = withBytes(v) { LaTeXDecoder.decode($0) } }
        if let v = found.keywords {
            record.keywords = withBytes(v) { bytes in
                var keywords: [String] = []
                var start = 0
                for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x2C || bytes[k] == 0x3B {
                    if let keyword = LaTeXDecoder.decode(UnsafeBufferPointer(rebasing: bytes[start..<k])) {
                        keywords.append(keyword)
                    }
                    start = k + 1
                }
                return keywords
            }
        }
        return record
    }

    /// A DOI or URL as written, with only braces and TeX escapes (`\_`, `\%`, `\&`) undone:
    /// full LaTeX decoding would turn `--` or `~` inside them into other characters.
    static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if b == 0x7B || b == 0x7D { k += 1; continue }
            if b == 0x5C, k + 1 < bytes.count, !(bytes[k + 1] | 0x20 >= 0x61 && bytes[k + 1] | 0x20 <= 0x7A) {
                out.append(bytes[k + 1])
                k += 2
                continue
            }
            out.append(b)
            k += 1
        }
        return out.withUnsafeBufferPointer { FieldNormalisation.collapse(bytes: $0) }
    }
}
