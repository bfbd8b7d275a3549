/// A small RFC 4180 reader: rows of cells from UTF-8 bytes with a given delimiter.
///
/// Quoted cells may hold delimiters, doubled quotes and newlines; rows may have fewer or
/// more cells than the header (ragged rows are the norm in exports). Each row keeps the line
/// it starts on, for `FILE:LINE` messages.
public struct CSVReader {
    /// A row's cells and the 1-based line where it starts.
    public struct Row: Sendable {
        public var cells: [String]
        public var line: Int
        /// Why the row cannot be read (a quote that never closes, text after a closing
        /// quote), or nil; such a row has no cells and is to be skipped.
        public var problem: String? = nil
    }

    /// All rows of `bytes`, whose line endings are already `\n`.
    ///
    /// A malformed row (a quote that never closes, text after a closing quote) is returned
    /// with its `problem` and no cells, and reading goes on at the line after the row's first
    /// line, so one stray quote costs one row. The first unclosed quote's line is also returned.
    public static func rows(_ bytes: [UInt8], delimiter: UInt8, limit: Int = .max) -> (rows: [Row], unclosedQuoteLine: Int?) {
        var rows: [Row] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var rowLine = 1
        var i = 0
        let n = bytes.count
        var quoted = false
        var quoteLine = 0
        var cellStarted = false
        var rowStart = 0
        var afterClosingQuote = false
        var problem: String? = nil
        var firstUnclosedLine: Int? = nil
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            cellStarted = false
            afterClosingQuote = false
        }
        /// Records the current row as skipped and restarts after its first line.
        func skipRow(_ reason: String) {
            rows.append(Row(cells: [], line: rowLine, problem: reason))
            var j = rowStart
            while j < n, bytes[j] != 0x0A { j += 1 }
            i = j + 1
            line = rowLine + 1
            rowLine = line
            rowStart = i
            quoted = false
            cells.removeAll(keepingCapacity: true)
            cell.removeAll(keepingCapacity: true)
            cellStarted = false
            afterClosingQuote = false
            problem = nil
        }
        while rows.count < limit {
            guard i < n else {
                guard quoted else { break }
                if firstUnclosedLine == nil { firstUnclosedLine = quoteLine }
                skipRow("a quoted cell opened on line \(quoteLine) never closes")
                continue
            }
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < n, bytes[i + 1] == 0x22 {
                        cell.append(0x22)
                        i += 2
                        continue
                    }
                    quoted = false
                    afterClosingQuote = true
                } else {
                    if b == 0x0A { line += 1 }
                    cell.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22 where !cellStarted || cell.allSatisfy({ $0 == 0x20 }):
                cell.removeAll(keepingCapacity: true)
                quoted = true
                quoteLine = line
                cellStarted = true
            case delimiter:
                endCell()
            case 0x0A:
                if let problem {
                    skipRow(problem)
                    continue
                }
                endCell()
                rows.append(Row(cells: cells, line: rowLine))
                cells.removeAll(keepingCapacity: true)
                line += 1
                rowLine = line
                rowStart = i + 1
            default:
                if afterClosingQuote, problem == nil, b != 0x20, b != 0x09 {
                    problem = "text after the closing quote of cell \(cells.count + 1) (a quote inside a quoted cell is written twice: \"\")"
                }
                cell.append(b)
                cellStarted = true
            }
            i += 1
        }
        if cellStarted || !cell.isEmpty || !cells.isEmpty, rows.count < limit {
            if let problem {
                rows.append(Row(cells: [], line: rowLine, problem: problem))
            } else {
                endCell()
                rows.append(Row(cells: cells, line: rowLine))
            }
        }
        return (rows, firstUnclosedLine)
    }
}
