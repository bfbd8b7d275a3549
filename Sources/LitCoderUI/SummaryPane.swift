import LitCoderCore

/// The summary pane (`s`): the current coder's alignment counts, kept current as they code.
///
/// For each alignment, a line per `from` code with its papers, mismatched papers and a bar;
/// the crosstab of `from` codes × contexts provided as a heat map when the pane is wide
/// enough, as a list when not; then the counts of the other dimensions. Only the coder's own
/// codings are counted (blind coding). Counting is incremental: each render re-judges only
/// the papers marked changed and the paper on screen, so a keystroke costs microseconds
/// whatever the corpus size.
public final class SummaryPane: WorkbenchPanel {
    /// Judges one paper's alignment for the paper pane's line; cheap to build, so eager.
    private let evaluator: AlignmentEvaluator
    /// Counted on the first `summary(for:)`, not at start: counting 100,000 papers takes
    /// longer than the first frame may, and the pane starts hidden.
    private var counts: SummaryCounts?
    private var changed: Set<String> = []

    /// Prepares the pane; the workbench's confirmed codings are counted once, when the pane
    /// is first shown, and later changes arrive through `paperChanged(_:)` and the paper on
    /// screen.
    public init(for workbench: Workbench) {
        evaluator = AlignmentEvaluator(codebook: workbench.codebook)
    }

    /// Marks a paper whose coding changed (the store wrote an event about it).
    public func paperChanged(_ id: String) { changed.insert(id) }

    /// Re-judges the marked papers and the paper on screen as the workbench sees them now
    /// (counting every paper the first time).
    public func sync(with workbench: Workbench) {
        var current = counts ?? SummaryCounts(codebook: workbench.codebook, corpus: Corpus(papers: workbench.papers),
                                              state: workbench.confirmed)
        // Freshly counted from the confirmed state, only the paper on screen can differ (its
        // writes may still be on their way); re-judging the marked papers again is harmless.
        counts = nil  // so the update below mutates a unique copy, not a shared one
        if let paper = workbench.currentPaper?.id { changed.insert(paper) }
        for id in changed { current.update(paper: id, coding: workbench.coding(for: id)) }
        changed.removeAll(keepingCapacity: true)
        counts = current
    }

    /// The counts after `sync(with:)`.
    public func summary(for workbench: Workbench) -> Summary {
        sync(with: workbench)
        let scope = Summary.scope(coder: workbench.coder)
        return counts?.summary(scope: scope) ?? SummaryCounts(codebook: workbench.codebook, paperIDs: []).summary(scope: scope)
    }

    /// The paper pane's line: this paper's alignments, the most telling verdict first.
    /// `✗ health needs clinical or home — the dataset codes provide acted, lab`; with several
    /// alignments each is named by its `to` dimension, and alignments with the same verdict
    /// share one entry (`? dataset, emotion: motivation not coded yet`).
    public func alignmentLine(_ workbench: Workbench, _ paper: Paper) -> String? {
        let results = evaluator.evaluate(workbench.coding(for: paper.id))
        guard !results.isEmpty else { return nil }
        return Self.alignmentLine(results)
    }

    static func alignmentLine(_ results: [AlignmentResult]) -> String {
        func rank(_ outcome: AlignmentResult.Outcome) -> Int {
            switch outcome {
            case .mismatched: 0
            case .aligned: 1
            case .undetermined: 2
            }
        }
        // An alignment is named by its `to` dimension, or by its id when two share one.
        let targets = results.map(\.alignment.to)
        func name(_ result: AlignmentResult) -> String {
            targets.count { $0 == result.alignment.to } > 1 ? result.alignment.id : result.alignment.to
        }
        var entries: [(mark: String, sentence: String, names: [String], outcome: AlignmentResult.Outcome)] = []
        for result in results {
            let mark = Self.mark(result.outcome)
            if let at = entries.firstIndex(where: { $0.mark == mark && $0.sentence == result.sentence }) {
                entries[at].names.append(name(result))
            } else {
                entries.append((mark, result.sentence, [name(result)], result.outcome))
            }
        }
        let named = results.count > 1
        return entries.enumerated()
            .sorted { (rank($0.element.outcome), $0.offset) < (rank($1.element.outcome), $1.offset) }
            .map { _, entry in
                named ? "\(entry.mark) \(entry.names.joined(separator: ", ")): \(entry.sentence)"
                      : "\(entry.mark) \(entry.sentence)"
            }
            .joined(separator: "  ·  ")
    }

    static func mark(_ outcome: AlignmentResult.Outcome) -> String {
        switch outcome {
        case .aligned: "✓"
        case .mismatched: "✗"
        case .undetermined: "?"
        }
    }

    public func render(_ workbench: Workbench, in area: Rect, into canvas: inout Canvas) {
        let summary = summary(for: workbench)
        canvas.fill(area)
        canvas.drawBorder(area, title: "Summary · \(workbench.coder) · \(summary.papers) papers")
        var rows = area.inset()
        guard !rows.isEmpty else { return }
        for alignment in summary.alignments {
            guard !rows.isEmpty else { return }
            Self.drawAlignment(alignment, in: &rows, into: &canvas)
        }
        let fromDimensions = Set(summary.alignments.map(\.from))
        for dimension in summary.dimensions where !fromDimensions.contains(dimension.id) {
            guard !rows.isEmpty else { return }
            let used = dimension.counts.filter { $0.papers > 0 }.sorted { $0.papers > $1.papers }
            let list = used.isEmpty ? "—" : used.map { "\($0.code) \($0.papers)" }.joined(separator: " · ")
            canvas.write("\(dimension.id) (\(dimension.coded)): \(list)", in: Self.takeRow(&rows))
        }
        if !summary.stale.isEmpty, !rows.isEmpty {
            let papers = summary.stale.map(\.papers).reduce(0, +)
            canvas.write("stale codes on \(papers) coding\(papers == 1 ? "" : "s"): run 'litcoder validate'",
                         in: Self.takeRow(&rows), style: .warning)
        }
    }

    static func takeRow(_ rows: inout Rect) -> Rect {
        let (row, rest) = rows.splitTop(1)
        rows = rest
        return row
    }

    /// Headline, per-code lines with bars, and the crosstab beside them (wide) or below.
    static func drawAlignment(_ alignment: Summary.Alignment, in rows: inout Rect, into canvas: inout Canvas) {
        let full = "\(alignment.from) → \(alignment.to):  ✓ \(alignment.aligned) aligned  ✗ \(alignment.mismatched) mismatched  "
            + "? \(alignment.undetermined) undetermined"
        let short = "\(alignment.from) → \(alignment.to):  ✓ \(alignment.aligned)  ✗ \(alignment.mismatched)  ? \(alignment.undetermined)"
        canvas.write(DisplayWidth.of(full) <= rows.width ? full : short, in: takeRow(&rows), style: .bold)
        let used = alignment.byCode.filter { $0.papers > 0 }
        guard !used.isEmpty, !rows.isEmpty else {
            if !rows.isEmpty { canvas.write("(no \(alignment.from) coded yet)", in: takeRow(&rows), style: .dim) }
            return
        }
        let codes = used.map(\.code)
        let nameWidth = min(18, codes.map { DisplayWidth.of($0) }.max() ?? 0)
        let codeLinesWidth = nameWidth + 13 + barWidth
        if let heat = HeatMap(alignment.crosstab, rows: codes, nameWidth: nameWidth, room: rows.width - codeLinesWidth - 3) {
            // Side by side: the bars on the left, under the heat map's header row, level with its rows.
            let (block, rest) = rows.splitTop(min(rows.height, used.count + 1))
            rows = rest
            let (left, right) = block.splitLeft(codeLinesWidth + 3)
            drawCodeLines(used, nameWidth: nameWidth, in: left.splitTop(1).rest, into: &canvas)
            heat.draw(in: right, into: &canvas)
            return
        }
        let (block, rest) = rows.splitTop(min(rows.height, used.count))
        rows = rest
        drawCodeLines(used, nameWidth: nameWidth, in: block, into: &canvas)
        guard !rows.isEmpty else { return }
        if let heat = HeatMap(alignment.crosstab, rows: codes, nameWidth: nameWidth, room: rows.width) {
            let (heatBlock, after) = rows.splitTop(min(rows.height, used.count + 1))
            rows = after
            heat.draw(in: heatBlock, into: &canvas)
        } else {
            // Wrapped, not cut: these are the counts a coder reads the pane for.
            for line in HeatMap.listLines(alignment.crosstab, rows: codes) {
                for wrapped in TextLayout.wrap(Glyph.line(line), width: rows.width) {
                    guard !rows.isEmpty else { return }
                    let row = takeRow(&rows)
                    canvas.draw(wrapped, x: row.x, y: row.y, clip: row)
                }
            }
        }
    }

    static let barWidth = 12

    /// `health          4  1✗ █▒▒▒`: papers, mismatched, and a bar as long as the papers
    /// (relative to the most used code) whose solid part is the mismatched share.
    static func drawCodeLines(_ tallies: [Summary.CodeTally], nameWidth: Int, in area: Rect, into canvas: inout Canvas) {
        let most = max(1, tallies.map(\.papers).max() ?? 1)
        for (i, tally) in tallies.enumerated() where i < area.height {
            let row = area.row(i)
            let name = TextLayout.pad(TextLayout.fit(tally.code, width: nameWidth), width: nameWidth)
            var x = canvas.draw(name, x: row.x, y: row.y, clip: row)
            x = canvas.write(" " + pad(tally.papers, 5) + pad(tally.mismatched, 5) + "✗ ", x: x, y: row.y, clip: row)
            let length = max(1, tally.papers * barWidth / most)
            let solid = tally.papers > 0 ? (tally.mismatched * length + tally.papers - 1) / tally.papers : 0
            x = canvas.write(String(repeating: "█", count: solid), x: x, y: row.y, style: .warning, clip: row)
            canvas.write(String(repeating: "▒", count: length - solid), x: x, y: row.y, style: .dim, clip: row)
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
