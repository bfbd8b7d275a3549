import LitCoderCore

/// The codebook list as the keys see it: its rows, which are on screen, and which code each
/// number key stands for. `CodebookPane` draws from the same, so a number key always acts on
/// the code shown beside that number.
extension Workbench {
    /// The list's rows, and the row of the cursor.
    public func codeListRows() -> (rows: [CodeListRow], cursor: Int) {
        var rows: [CodeListRow] = []
        var cursor = 0
        let coding = currentCoding
        for (index, dimension) in codebook.dimensions.enumerated() {
            guard index == dimensionIndex else {
                rows.append(.dimension(index))
                continue
            }
            cursor = rows.count
            rows.append(.header(index))
            if !dimension.takesCodes {
                let lines = CodebookPane.textLines(coding.texts[dimension.id] ?? "", width: codeListArea.width, kind: dimension.kind).count
                rows += (0..<max(1, lines)).map { .text($0) }
                continue
            }
            if let finding = findingCodes {
                if finding.matches.isEmpty { rows.append(.noMatch(finding.query)) }
                for (place, code) in finding.matches.enumerated() {
                    if place == finding.choice { cursor = rows.count }
                    rows.append(.code(code))
                }
                continue
            }
            for code in dimension.codes.indices {
                if code == codeCursor { cursor = rows.count }
                rows.append(.code(code))
            }
            for id in coding.codes(for: dimension.id) where dimension.code(id) == nil {
                rows.append(.staleCode(id))
            }
        }
        return (rows, cursor)
    }

    /// The codes found so far while finding a code: the query, matching codes (indices in the
    /// focused dimension) best first, and the one chosen; nil when not finding.
    var findingCodes: (query: String, matches: [Int], choice: Int)? {
        guard case .prompt(let prompt) = mode, case .findCode(let choice) = prompt.purpose,
              let dimension = focusedDimension else { return nil }
        let matches = CodeFinder.matches(prompt.string, in: dimension)
        return (prompt.string, matches, min(choice, max(0, matches.count - 1)))
    }

    /// Where the list is drawn: the codebook pane above the details of the code under the cursor.
    var codeListArea: Rect {
        let layout = WorkbenchLayout(width: screenSize.width, height: screenSize.height,
                                     showSummary: showSummary, promptOpen: usesBottomLine)
        return CodebookPane.listArea(for: self, in: layout.codebook)
    }

    /// The rows on screen now.
    public var codeListViewport: ListViewport {
        let (rows, cursor) = codeListRows()
        return ListViewport(total: rows.count, height: codeListArea.height, cursor: cursor, preferredTop: codeListTop)
    }

    /// Scrolls the list so the cursor is on screen, keeping it still when it already is.
    mutating func keepCodeCursorVisible() {
        codeListTop = codeListViewport.top
    }

    /// The codes shown on screen, in order: number key 1 is the first, 0 the tenth.
    public var numberedCodes: [Int] {
        let (rows, _) = codeListRows()
        let viewport = codeListViewport
        var codes: [Int] = []
        for row in viewport.shownRows where row < rows.count {
            if case .code(let index) = rows[row] { codes.append(index) }
            if codes.count == 10 { break }
        }
        return codes
    }
}
