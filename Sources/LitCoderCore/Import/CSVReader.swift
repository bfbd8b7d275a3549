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
    }

    /// All rows of `bytes`, whose line endings are already `\n`.
    ///
    /// A quote that opens a cell and never closes is reported as the returned problem; the
    /// rows before it are still returned.
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
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            cellStarted = false
        }
        while i < n, rows.count < limit {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < n, bytes[i + 1] == 0x22 {
                        cell.append(0x22)
                        i += 2
                        continue
                    }
                    quoted = false
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
                endCell()
                rows.append(Row(cells: cells, line: rowLine))
                cells.removeAll(keepingCapacity: true)
                line += 1
                rowLine = line
            default:
                cell.append(b)
                cellStarted = true
            }
            i += 1
        }
        if quoted { return (rows, quoteLine) }
        if cellStarted || !cell.isEmpty || !cells.isEmpty, rows.count < limit {
            endCell()
            rows.append(Row(cells: cells, line: rowLine))
        }
        return (rows, nil)
    }
}
