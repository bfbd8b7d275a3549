/// A grid of styled cells that views draw into; the terminal shows one, the tests read one.
///
/// Writing outside the canvas or outside the given clip rectangle is ignored, never a trap.
/// Overwriting either half of a wide character blanks its other half, so the grid never
/// holds half a character.
public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(width: width, height: height) }

    /// The cell at a position; a blank cell outside the canvas.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Puts one glyph at a position, clipped to `clip`; returns the column after it.
    @discardableResult
    public mutating func put(_ glyph: Glyph, x: Int, y: Int, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard glyph.width > 0, area.contains(x: x, y: y) else { return x + max(glyph.width, 0) }
        if glyph.width == 2 {
            guard area.contains(x: x + 1, y: y) else {
                // Half a wide character would not fit: leave the cell blank in its style.
                store(Cell(" ", style: glyph.style), x: x, y: y)
                return x + 2
            }
            store(Cell(glyph.text, style: glyph.style), x: x, y: y)
            store(Cell("", style: glyph.style, isContinuation: true), x: x + 1, y: y)
            return x + 2
        }
        store(Cell(glyph.text, style: glyph.style), x: x, y: y)
        return x + 1
    }

    /// Draws glyphs on one row from `x`, clipped to `clip`; returns the column after them.
    @discardableResult
    public mutating func draw(_ glyphs: [Glyph], x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for glyph in glyphs where !glyph.isLineBreak {
            column = put(glyph, x: column, y: y, clip: clip)
        }
        return column
    }

    /// Writes one line of text (sanitised, never wrapped) from `x`, clipped to `clip`.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        draw(Glyph.line(text, style: style), x: x, y: y, clip: clip)
    }

    /// Writes text on the first row of `area`, truncated with an ellipsis to fit it.
    public mutating func write(_ text: String, in area: Rect, style: Style = .plain) {
        guard !area.isEmpty else { return }
        draw(TextLayout.fit(text, width: area.width, style: style), x: area.x, y: area.y, clip: area)
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(_ area: Rect, style: Style = .plain) {
        let clipped = area.intersection(bounds)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { store(Cell(" ", style: style), x: x, y: y) }
        }
    }

    /// Adds a style to every cell of a rectangle (selection bars, reverse video).
    public mutating func addStyle(_ style: Style, to area: Rect) {
        let clipped = area.intersection(bounds)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x].style.formUnion(style) }
        }
    }

    private mutating func store(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if !old.isContinuation, x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: old.style)
        }
        cells[index] = cell
    }

    /// Each row as plain text, trailing spaces removed: the golden-screen form.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width {
                let cell = cells[y * width + x]
                if !cell.isContinuation { line += cell.text }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The screen as text, one row per line.
    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// The cells that differ from `previous` (every cell when sizes differ or there is none).
    ///
    /// A changed continuation cell also sends its lead cell, so a backend always draws a wide
    /// character whole.
    public func changes(from previous: Canvas?) -> [CellChange] {
        var result: [CellChange] = []
        let old = previous.flatMap { $0.width == width && $0.height == height ? $0.cells : nil }
        cells.withUnsafeBufferPointer { now in
            // Hoisted out of the loop: binding the optional per cell cost a retain each time.
            let before = old ?? []
            let full = old == nil
            before.withUnsafeBufferPointer { was in
                for y in 0..<height {
                    for x in 0..<width {
                        let index = y * width + x
                        let cell = now[index]
                        if !full, was[index] == cell { continue }
                        if cell.isContinuation {
                            if x > 0, result.last?.x != x - 1 || result.last?.y != y {
                                result.append(CellChange(x: x - 1, y: y, cell: now[index - 1]))
                            }
                            continue
                        }
                        result.append(CellChange(x: x, y: y, cell: cell))
                    }
                }
            }
        }
        return result
    }
}

/// One cell to redraw, as a backend receives it.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}
