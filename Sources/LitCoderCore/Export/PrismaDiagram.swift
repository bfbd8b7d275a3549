/// The PRISMA 2020 flow diagram as inline SVG, for the HTML report: the boxes and arrows of
/// the template for new reviews that searched databases (Page et al. 2021, figure 1), with
/// litcoder's counts filled in.
///
/// litcoder records one screening decision per record (its title and abstract), so the
/// template's full-text boxes (reports sought, not retrieved, assessed, excluded) are drawn
/// dashed with no count, for the team to fill in by hand or remove; the exclusion reasons go
/// under "Records excluded", where the decisions were made.
public enum PrismaDiagram {
    /// One box: its lines (the first is the heading) and whether litcoder has no count for it.
    struct Box {
        var lines: [String]
        var unrecorded = false
    }

    static let width = 760, phaseWidth = 34, boxWidth = 330, lineHeight = 18, padding = 10, rowGap = 34
    static let leftX = phaseWidth + 16
    static let rightX = leftX + boxWidth + 36
    /// Characters that fit on a box's line at 13px.
    static let lineLength = 46

    /// The diagram of `flow`.
    public static func render(_ flow: PrismaFlow) -> String {
        let e = SVGCharts.escape
        func n(_ count: Int) -> String { "(n = \(count))" }
        let rows: [(phase: String, left: Box, right: Box?)] = [
            ("Identification",
             Box(lines: ["Records identified \(n(flow.identified)) from:"] + flow.bySource.map { "\($0.name) \(n($0.records))" }),
             Box(lines: ["Records removed before screening:", "Duplicate records removed \(n(flow.duplicatesRemoved))",
                         "Records removed for other reasons \(n(flow.removedOther))"])),
            ("Screening",
             Box(lines: ["Records screened \(n(flow.screened))"] + (flow.awaiting > 0 ? ["Not yet screened \(n(flow.awaiting))"] : [])),
             Box(lines: ["Records excluded \(n(flow.excluded))"] + flow.excludedByReason.map { "\($0.label) \(n($0.records))" })),
            ("Screening", Box(lines: ["Reports sought for retrieval", "(not recorded in litcoder)"], unrecorded: true),
             Box(lines: ["Reports not retrieved", "(not recorded in litcoder)"], unrecorded: true)),
            ("Screening", Box(lines: ["Reports assessed for eligibility", "(not recorded in litcoder)"], unrecorded: true),
             Box(lines: ["Reports excluded:", "(not recorded in litcoder)"], unrecorded: true)),
            ("Included", Box(lines: ["Studies included in review \(n(flow.included))"]), nil),
        ]
        func height(_ box: Box?) -> Int { (box?.lines.count ?? 1) * lineHeight + 2 * padding }
        // Both boxes of a row are as tall as the taller; a phase's rows are stretched (the
        // last of them) until the phase's name, written upwards, fits beside them.
        var heights = rows.map { max(height($0.left), height($0.right)) }
        var first = 0
        while first < rows.count {
            var last = first
            while last + 1 < rows.count, rows[last + 1].phase == rows[first].phase { last += 1 }
            let span = heights[first...last].reduce(0, +) + (last - first) * rowGap
            let needed = rows[first].phase.count * 8 + 24
            if span < needed { heights[last] += needed - span }
            first = last + 1
        }
        var tops: [Int] = []
        var y = 8
        for index in rows.indices {
            tops.append(y)
            y += heights[index] + rowGap
        }
        let total = y - rowGap + 8
        var svg = "<svg class=\"prisma\" role=\"img\" aria-label=\"PRISMA 2020 flow diagram\" viewBox=\"0 0 \(width) \(total)\" "
            + "width=\"\(width)\" height=\"\(total)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title>PRISMA 2020 flow diagram: \(PrismaFlow.records(flow.identified)) identified, "
            + "\(PrismaFlow.records(flow.duplicatesRemoved, "duplicate")) removed, "
            + "\(flow.screened) screened, \(flow.excluded) excluded, \(flow.included) included</title>\n"
        svg += "<defs><marker id=\"prisma-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
            + "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n"
        // The phase bands on the left, one per run of rows in the same phase.
        var start = 0
        while start < rows.count {
            var end = start
            while end + 1 < rows.count, rows[end + 1].phase == rows[start].phase { end += 1 }
            let top = tops[start]
            let bottom = tops[end] + heights[end]
            let middle = (top + bottom) / 2
            svg += "<g class=\"phase\"><rect x=\"0\" y=\"\(top)\" width=\"\(phaseWidth)\" height=\"\(bottom - top)\" rx=\"6\"/>"
                + "<text transform=\"translate(\(phaseWidth / 2 + 5),\(middle)) rotate(-90)\" text-anchor=\"middle\">\(e(rows[start].phase))</text></g>\n"
            start = end + 1
        }
        func draw(_ box: Box, x: Int, top: Int, height: Int) -> String {
            var s = "<g class=\"box\(box.unrecorded ? " unrecorded" : "")\"><rect x=\"\(x)\" y=\"\(top)\" width=\"\(boxWidth)\" height=\"\(height)\"/>"
            for (i, line) in box.lines.enumerated() {
                let shown = line.count > lineLength ? String(line.prefix(lineLength - 1)) + "…" : line
                s += "<text x=\"\(x + padding)\" y=\"\(top + padding + (i + 1) * lineHeight - 5)\"\(i == 0 ? " class=\"heading\"" : "")>\(e(shown))</text>"
            }
            return s + "</g>\n"
        }
        for (index, row) in rows.enumerated() {
            let top = tops[index]
            svg += draw(row.left, x: leftX, top: top, height: heights[index])
            if let right = row.right {
                svg += draw(right, x: rightX, top: top, height: heights[index])
                let middle = top + heights[index] / 2
                svg += "<line class=\"arrow\" x1=\"\(leftX + boxWidth)\" y1=\"\(middle)\" x2=\"\(rightX)\" y2=\"\(middle)\" marker-end=\"url(#prisma-arrow)\"/>\n"
            }
            if index + 1 < rows.count {
                let x = leftX + boxWidth / 2
                svg += "<line class=\"arrow\" x1=\"\(x)\" y1=\"\(top + heights[index])\" x2=\"\(x)\" y2=\"\(tops[index + 1])\" marker-end=\"url(#prisma-arrow)\"/>\n"
            }
        }
        return svg + "</svg>"
    }

    /// The CSS the diagram needs, for the report's style sheet.
    static let style = """
        .prisma text{font-size:13px;fill:#1d1d1f}.prisma .heading{font-weight:600}.prisma .box rect{fill:#fff;stroke:#1d1d1f;stroke-width:1.2}
        .prisma .box.unrecorded rect{stroke:#999;stroke-dasharray:5 4}.prisma .box.unrecorded text{fill:#777}
        .prisma .phase rect{fill:#c9d6ea}.prisma .phase text{font-weight:600}.prisma .arrow{stroke:#1d1d1f;stroke-width:1.2}
        """
}
