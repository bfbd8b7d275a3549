import Foundation

/// Reads codings made elsewhere from the `csv-long` form (`paper, coder, dimension, code`)
/// and turns them into ordinary `set` events for one coder's log.
///
/// Every row is checked first; one unknown paper, dimension or code, or a second code for a
/// single-choice dimension, and nothing is written: the plan carries every problem, each as
/// `FILE:LINE`. Rows naming another coder in a `coder` column are skipped (an `--all` export
/// holds every coder), and a (paper, dimension) whose codes already match the log gives no
/// event, so importing the same file twice changes nothing.
public enum CodingsImport {
    /// What an import would append, and what it read.
    public struct Plan: Sendable {
        /// The events to append, in file order of their first row.
        public var events: [CodingEvent]
        /// Data rows read (the header not counted).
        public var rowCount: Int
        /// Rows left out because their `coder` column names someone else.
        public var otherCoderRowCount: Int
        /// (paper, dimension) pairs whose codes already match the log.
        public var unchangedCount: Int
        /// Rows of the pairs that give an event, and of the pairs already as in the log: with
        /// `otherCoderRowCount` they add up to `rowCount` (a pair's codes can span several rows).
        public var eventRowCount = 0
        public var unchangedRowCount = 0
        /// Distinct papers the events touch.
        public var paperCount: Int { Set(events.map(\.paper)).count }
    }

    /// Plans an import of `data` (named `file` in messages) into `coder`'s log whose current
    /// state is `current`; throws every problem found as a `DiagnosticList`.
    public static func plan(
        _ data: Data, file: String, coder: String, codebook: Codebook, corpus: Corpus, current: CodingState
    ) throws(DiagnosticList) -> Plan {
        let table: CSVTable
        do {
            table = try CSVTable(data: data)
        } catch {
            throw DiagnosticList([Diagnostic(file: file, line: error.line, message: error.description)])
        }
        guard let header = table.records.first else {
            throw DiagnosticList([Diagnostic(file: file, message: "the file is empty",
                                             hint: "expected a header row: paper,coder,dimension,code")])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let paperColumn = column("paper"), let dimensionColumn = column("dimension"),
              let codeColumn = column("code") else {
            throw DiagnosticList([Diagnostic(
                file: file, line: header.line,
                message: "the header must name the columns paper, dimension and code (found: \(header.fields.joined(separator: ", ")))",
                hint: "use the form 'litcoder export --format csv-long' writes: paper,coder,dimension,code")])
        }
        let coderColumn = column("coder")

        var problems: [Diagnostic] = []
        var order: [Key] = []
        var codes: [Key: [String]] = [:]
        var texts: [Key: String] = [:]
        var rowCount = 0
        var otherCoderRowCount = 0
        var otherCoders: Set<String> = []
        var rowsOf: [Key: Int] = [:]
        for record in table.records.dropFirst() {
            rowCount += 1
            func field(_ index: Int) -> String {
                index < record.fields.count ? record.fields[index].trimmingCharacters(in: .whitespaces) : ""
            }
            func problem(_ message: String, hint: String? = nil) {
                problems.append(Diagnostic(file: file, line: record.line, message: message, hint: hint))
            }
            if let coderColumn {
                let rowCoder = field(coderColumn)
                if !rowCoder.isEmpty && rowCoder != coder {
                    otherCoderRowCount += 1
                    otherCoders.insert(rowCoder)
                    continue
                }
            }
            let paper = field(paperColumn), dimensionID = field(dimensionColumn)
            // A text dimension's value keeps its inner spacing; codes are ids and are trimmed.
            let rawCode = codeColumn < record.fields.count ? record.fields[codeColumn] : ""
            guard !paper.isEmpty else { problem("the paper is empty"); continue }
            guard corpus.contains(paper) else {
                problem("unknown paper '\(paper)'", hint: "import the paper into the corpus first, or fix its id")
                continue
            }
            guard let dimension = codebook.dimension(dimensionID) else {
                let known = codebook.dimensions.map(\.id).joined(separator: ", ")
                problem("unknown dimension '\(dimensionID)'", hint: "the codebook's dimensions are: \(known)")
                continue
            }
            let key = Key(paper: paper, dimension: dimensionID)
            rowsOf[key, default: 0] += 1
            if !dimension.takesCodes {
                // Only white space is no value, as an empty cell is.
                guard !TextNormalisation.isBlank(rawCode) else {
                    problem("the \(dimension.kind.rawValue) for '\(dimensionID)' is empty\(rawCode.isEmpty ? "" : " (only white space)")",
                            hint: "give it a value, or leave the row out")
                    continue
                }
                var value = rawCode
                if dimension.kind == .number {
                    if let wrong = NumberValue.problem(with: rawCode, for: dimension) { problem(wrong); continue }
                    value = NumberValue.canonical(rawCode) ?? rawCode
                }
                if texts[key] != nil {
                    problem("a second text for paper '\(paper)', dimension '\(dimensionID)'",
                            hint: "a text dimension holds one text per paper; keep one row")
                    continue
                }
                if codes[key] == nil && texts[key] == nil { order.append(key) }
                texts[key] = value
                continue
            }
            let typed = rawCode.trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else { problem("the code is empty"); continue }
            // An id the codebook says a code `replaces` is imported as that code.
            guard let code = dimension.currentCode(for: typed) else {
                let known = dimension.codes.map(\.id).joined(separator: ", ")
                problem("unknown code '\(typed)' for dimension '\(dimensionID)'", hint: "its codes are: \(known)")
                continue
            }
            var list = codes[key] ?? []
            if list.contains(code) { continue }
            if dimension.kind == .single, let first = list.first {
                problem("a second code '\(code)' for single-choice dimension '\(dimensionID)' of paper '\(paper)' (already '\(first)')",
                        hint: "keep one row per paper for '\(dimensionID)'")
                continue
            }
            if list.isEmpty && texts[key] == nil { order.append(key) }
            list.append(code)
            codes[key] = list
        }
        if problems.isEmpty && rowCount > 0 && rowCount == otherCoderRowCount {
            problems.append(Diagnostic(
                file: file, message: "no row is for coder '\(coder)' (the file has \(otherCoders.sorted().joined(separator: ", ")))",
                hint: "pass --coder with one of those names"))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        var events: [CodingEvent] = []
        var unchanged = 0, unchangedRows = 0
        for key in order {
            let existing = current.coding(for: key.paper)
            if let text = texts[key] {
                if existing.texts[key.dimension] == text { unchanged += 1; unchangedRows += rowsOf[key] ?? 0; continue }
                events.append(.setText(paper: key.paper, dimension: key.dimension, text: text, coder: coder,
                                       codebook: codebook.contentHash))
            } else if let list = codes[key] {
                if existing.codes(for: key.dimension) == list { unchanged += 1; unchangedRows += rowsOf[key] ?? 0; continue }
                events.append(.set(paper: key.paper, dimension: key.dimension, codes: list, coder: coder,
                                   codebook: codebook.contentHash))
            }
        }
        var plan = Plan(events: events, rowCount: rowCount, otherCoderRowCount: otherCoderRowCount, unchangedCount: unchanged)
        plan.unchangedRowCount = unchangedRows
        plan.eventRowCount = rowCount - otherCoderRowCount - unchangedRows
        return plan
    }

    private struct Key: Hashable {
        var paper: String
        var dimension: String
    }
}
