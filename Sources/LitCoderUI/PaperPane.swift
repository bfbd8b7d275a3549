import LitCoderCore

/// The paper on screen: id, title, authors, year and venue, and the scrollable abstract
/// with alias matches highlighted, quotes underlined in their dimension's tint, and the words
/// being selected as a quote in reverse video.
public struct PaperPane {
    /// One line under the header for this paper's alignment result (filled by the summary code).
    public var alignmentLine: String?

    public init(alignmentLine: String? = nil) { self.alignmentLine = alignmentLine }

    /// Rows above the abstract: meta, title (up to two lines), authors, state, alignment, rule.
    /// Depends only on the paper and the width, so paging knows the abstract's height.
    static func headerHeight(for paper: Paper, width: Int, compact: Bool) -> Int {
        compact ? 3 : 4 + min(2, titleLines(paper, width: width).count) + 1
    }

    /// Where the abstract goes inside a paper pane.
    public static func abstractArea(for paper: Paper, in pane: Rect) -> Rect {
        let compact = pane.height < 16
        return pane.splitTop(headerHeight(for: paper, width: pane.width, compact: compact)).rest
    }

    static func titleLines(_ paper: Paper, width: Int) -> [[Glyph]] {
        TextLayout.wrap(Glyph.line(paper.title, style: .bold), width: width)
    }

    /// The abstract wrapped to `width`, alias matches in the accent style.
    public static func abstractLines(for paper: Paper, matches: [AliasMatch], width: Int) -> [[Glyph]] {
        var layout = AbstractLayout(paper: paper, width: width,
                                    highlights: .known(matches.map(\.range).sorted { $0.lowerBound < $1.lowerBound }))
        layout.layOutAll()
        return layout.lines
    }

    public func render(_ workbench: Workbench, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        guard let paper = workbench.currentPaper else {
            canvas.write(workbench.queue.isEmpty ? "No papers in the \(workbench.queueKind.rawValue) queue." : "", in: area)
            return
        }
        let compact = area.height < 16
        let coding = workbench.currentCoding
        var rows = area
        func nextRow() -> Rect {
            let (row, rest) = rows.splitTop(1)
            rows = rest
            return row
        }
        var meta = [paper.id]
        if let year = paper.year { meta.append(String(year)) }
        if let venue = paper.venue, !venue.isEmpty { meta.append(venue) }
        var state: [String] = []
        if coding.done { state.append("✓ done") }
        if coding.flagged { state.append("⚑ flagged") }
        if !coding.note.isEmpty { state.append("note: \(coding.note)") }
        let marks = workbench.quoteMarks
        var selection: (field: PaperField, span: Range<Int>)?
        if case .selecting(let selected) = workbench.mode { selection = (selected.field, selected.span) }
        func marked(_ glyphs: [Glyph], _ field: PaperField) -> [Glyph] {
            marks.apply(to: glyphs, field: field, selection: selection?.field == field ? selection?.span : nil)
        }
        // A quote whose words moved is shown nowhere, so say that it exists.
        let stale = marks.staleCount
        if stale > 0 { state.insert("\(stale.counted("stale quote")) (litcoder validate)", at: 0) }
        if compact {
            canvas.draw(TextLayout.truncate(Glyph.line(paper.id + "  ", style: .dim) + marked(Glyph.line(paper.title, style: .bold), .title),
                                            width: area.width),
                        x: area.x, y: nextRow().y, clip: area)
            canvas.write(state.isEmpty ? "not done" : state.joined(separator: "  "), in: nextRow(), style: stale > 0 ? .warning : .dim)
        } else {
            canvas.write(meta.joined(separator: " · "), in: nextRow(), style: .dim)
            let title = Self.titleLines(paper, width: area.width)
            let shown = min(2, title.count)
            for (i, line) in title.prefix(shown).enumerated() {
                let row = nextRow()
                var glyphs = marked(line, .title)
                if i == shown - 1, title.count > shown {
                    // More title than rows: end the last row with an ellipsis.
                    while !glyphs.isEmpty, TextLayout.width(glyphs) + 1 > area.width { glyphs.removeLast() }
                    glyphs.append(TextLayout.ellipsis)
                }
                canvas.draw(glyphs, x: row.x, y: row.y, clip: row)
            }
            canvas.write(paper.authors.isEmpty ? "(no authors)" : paper.authors.joined(separator: "; "), in: nextRow())
            canvas.write(state.isEmpty ? "not done" : state.joined(separator: "  "), in: nextRow(),
                         style: coding.flagged || stale > 0 ? .warning : .dim)
            canvas.write(alignmentLine ?? "", in: nextRow(), style: .accent)
        }
        let rule = nextRow()
        let abstract = rows
        var layout = workbench.abstractLayout
        if layout.width != area.width {
            // Drawn at a size the workbench was not told of: lay out what this size shows.
            layout = workbench.shownPrepared?.laidOut(paper, width: area.width, matcher: workbench.matcher)
                ?? AbstractLayout(paper: paper, width: area.width, highlights: .known(workbench.abstractMatches.map(\.range).sorted { $0.lowerBound < $1.lowerBound }))
            layout.layOut(through: workbench.scroll + abstract.height)
        }
        let lines = layout.lines
        let first = min(workbench.scroll, max(0, lines.count - abstract.height))
        canvas.drawRule(rule, vertical: false)
        if lines.count > abstract.height || !layout.isComplete {
            let last = min(lines.count, first + abstract.height)
            let total = layout.isComplete ? "\(lines.count)" : "\(lines.count)+"
            canvas.write(" lines \(first + 1)–\(last) of \(total), PgDn/PgUp ", x: rule.x + 1, y: rule.y, style: .dim, clip: rule)
        }
        for row in 0..<abstract.height {
            let index = first + row
            guard index < lines.count else { break }
            // The placeholder of an empty abstract is no text to mark.
            let line = paper.abstract.isEmpty ? lines[index] : marked(lines[index], .abstract)
            canvas.draw(line, x: abstract.x, y: abstract.y + row, clip: abstract)
        }
    }
}
