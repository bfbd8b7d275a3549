import LitCoderCore

/// Draws the grapheme clusters ncurses cannot hold in a cell: flags, emoji with skin tones and
/// ZWJ sequences such as a family.
///
/// An ncurses cell takes one spacing character and at most four zero-width ones, so a family
/// (four faces joined by ZWJ) became four faces, eight columns where the terminal draws one
/// glyph two columns wide. Here ncurses keeps a placeholder of the cluster's width in the cell
/// (so its idea of the screen stays right), and after each refresh the cluster itself is
/// written over it: save the cursor and attributes (DECSC), move, set attributes, write the
/// cluster, restore (DECRC), so ncurses' own cursor and attributes are untouched.
struct ClusterOverlay {
    /// What is drawn over a cell.
    struct Cluster: Equatable {
        var text: String
        var attributes: [UInt8]
    }

    /// By position (row, column) on screen.
    private(set) var clusters: [Position: Cluster] = [:]
    /// Rows ncurses may have rewritten since the overlay was last written.
    private var touchedRows: Set<Int> = []

    struct Position: Hashable {
        var row: Int
        var column: Int
    }

    /// The text ncurses should put in the cell instead of `text`, or nil when ncurses draws
    /// `text` faithfully (one spacing scalar of the cluster's width and zero-width ones).
    static func placeholder(for text: String) -> String? {
        guard let cluster = text.first, text.unicodeScalars.count > 1 else { return nil }
        let scalars = text.unicodeScalars
        let width = DisplayWidth.of(cluster: cluster)
        let first = scalars.first.map { DisplayWidth.of($0) } ?? 0
        if scalars.count <= 5, first == width, scalars.dropFirst().allSatisfy({ DisplayWidth.of($0) == 0 }) { return nil }
        if width == 2 { return first == 2 ? scalars.first.map { String($0) } : "\u{3000}" }
        return first == 1 ? scalars.first.map { String($0) } : " "
    }

    /// A cell was drawn: remember a cluster to write over it, or forget one it replaced.
    mutating func drew(_ text: String, row: Int, column: Int, attributes: [UInt8]) {
        touchedRows.insert(row)
        let position = Position(row: row, column: column)
        if Self.placeholder(for: text) != nil {
            clusters[position] = Cluster(text: text, attributes: attributes)
        } else {
            clusters[position] = nil
        }
    }

    /// Everything is drawn afresh (a resize).
    mutating func forgetAll() {
        clusters.removeAll()
        touchedRows.removeAll()
    }

    /// The bytes that write the clusters on the rows touched since the last call.
    mutating func bytesAfterRefresh() -> [UInt8] {
        defer { touchedRows.removeAll() }
        guard !clusters.isEmpty, !touchedRows.isEmpty else { return [] }
        var bytes: [UInt8] = []
        for (position, cluster) in clusters where touchedRows.contains(position.row) {
            bytes += Array("\u{1B}7\u{1B}[\(position.row + 1);\(position.column + 1)H".utf8)
            bytes += cluster.attributes
            bytes += Array(cluster.text.utf8)
            bytes += Array("\u{1B}8".utf8)
        }
        return bytes
    }

    /// SGR bytes for the attributes of a cell (0: none; 1 bold, 2 dim, 4 underline, 7 reverse;
    /// 31–36 the colour pairs `Curses.start` sets up).
    static func attributes(bold: Bool, dim: Bool, underline: Bool, reverse: Bool, colorPair: Int16) -> [UInt8] {
        var codes = ["0"]
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if underline { codes.append("4") }
        if reverse { codes.append("7") }
        switch colorPair {
        case 1: codes.append("33")
        case 2: codes.append("31")
        case 3: codes.append("32")
        case TintColors.firstPair..<(TintColors.firstPair + Int16(TintColors.ansi.count)):
            codes.append(String(TintColors.sgr[Int(colorPair - TintColors.firstPair)]))
        default: break
        }
        return Array("\u{1B}[\(codes.joined(separator: ";"))m".utf8)
    }
}
