import Foundation

/// The `html` export: one self-contained page for the team, with no script and nothing
/// fetched from the network: project, coders and progress, the agreement table, per alignment
/// a bar chart of its `from` codes with their mismatched share and a heat map of codes against
/// the contexts the data provides, and the list of mismatched papers with the quotes a coder
/// attached to their motivation and data codes. Charts are inline SVG.
public enum HTMLReport {
    /// The page.
    public static func render(_ report: ProjectReport) -> String {
        let e = SVGCharts.escape
        let codebook = report.codebook
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(report.projectName)) — litcoder report</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <h1>\(e(report.projectName))</h1>
            <p class="codebook">Codebook <strong>\(e(codebook.title))</strong>, version \(e(codebook.version)), \
            content hash <code>\(e(codebook.shortHash))</code> · \(report.corpusPapers) papers in the corpus</p>
            </header>

            """
        html += progressSection(report)
        html += prismaSection(report)
        html += agreementSection(report)
        html += roundsSection(report)
        html += alignmentSections(report)
        html += mismatchSection(report)
        html += "<footer>Made by <code>litcoder export --format html</code> from the project’s files; "
            + "every number can be rebuilt from the coding logs and the codebook.</footer>\n</body>\n</html>\n"
        return html
    }

    private static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }

    private static func progressSection(_ report: ProjectReport) -> String {
        let e = SVGCharts.escape
        var s = "<section id=\"progress\">\n<h2>Coders and progress</h2>\n"
        s += "<p>\(report.papersCoded) of \(report.corpusPapers) papers coded by at least one coder; "
            + "\(report.doubleCoded) coded by two or more"
            + (report.followsAssignments ? " (each paper counted among the coders assigned to it)" : "") + ".</p>\n"
        // With assignments, a coder's share is of their own papers, as `status` gives it.
        let share = report.followsAssignments ? "Of their papers" : "Of the corpus"
        s += "<table class=\"progress\">\n<thead><tr><th>Coder</th><th>Coded</th><th>Done</th><th>Flagged</th><th>\(share)</th></tr></thead>\n<tbody>\n"
        var rows = report.coders
        if let consensus = report.consensus { rows.append(consensus) }
        if rows.isEmpty { s += "<tr><td colspan=\"5\">No coder has a log yet.</td></tr>\n" }
        for p in rows {
            let name = p.coder == CoderName.consensus ? "consensus" : p.coder
            let of = p.assigned ?? report.corpusPapers
            let width = of == 0 ? 0 : p.coded * 120 / of
            s += "<tr><td>\(e(name))</td><td class=\"n\">\(p.coded)</td><td class=\"n\">\(p.done)</td><td class=\"n\">\(p.flagged)</td>"
            s += "<td><svg class=\"meter\" viewBox=\"0 0 120 10\" width=\"120\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\">"
            s += "<rect class=\"track\" width=\"120\" height=\"10\"/><rect class=\"fill\" width=\"\(width)\" height=\"10\"/></svg> "
            s += "\(percent(p.coded, of))" + (p.assigned.map { " of \($0)" } ?? "") + "</td></tr>\n"
        }
        s += "</tbody>\n</table>\n"
        if let progress = report.consensusProgress {
            s += "<p class=\"consensus\">" + consensusSentence(progress, hasConsensus: report.consensus != nil)
            // The consensus is always measured against every coder with codings (`ProjectReport.consensusCoders`).
            if Set(report.consensusCoders) != Set(report.coders.map(\.coder)) {
                s += " Measured against every coder with codings: \(SVGCharts.escape(report.consensusCoders.joined(separator: ", ")))."
            }
            s += "</p>\n"
        }
        return s + "</section>\n"
    }

    /// The consensus in paper × dimension decisions: agreed, by hand, still open.
    static func consensusSentence(_ progress: ConsensusProgress, hasConsensus: Bool) -> String {
        let e = SVGCharts.escape
        let disagreements = "\(progress.disagreements) disagreement\(progress.disagreements == 1 ? "" : "s")"
        var s = "Consensus, in paper × dimension decisions: "
        if hasConsensus {
            // Adjudicated and open add up to the disagreements; decisions by hand where the
            // coders now agree are said apart.
            s += "\(progress.agreed) agreed, \(progress.adjudicated) adjudicated by hand"
            if progress.byHandOnAgreements > 0 {
                s += ", \(progress.byHandOnAgreements) more decided by hand where the coders now agree"
                let stale = progress.staleByHand.count
                if stale > 0 {
                    s += " (<strong class=\"open\">\(stale) with another value than theirs, to decide again</strong>)"
                }
            }
            if !progress.adjudicators.isEmpty { s += " (by \(e(progress.adjudicators.joined(separator: ", "))))" }
            s += ", "
        } else {
            s += "none taken yet, "
        }
        s += progress.open.isEmpty ? "none open" : "<strong class=\"open\">\(progress.open.count) still open</strong>"
        s += " (of \(disagreements))"
        if progress.agreedNotTaken > 0 {
            s += "; \(progress.agreedNotTaken) agreement\(progress.agreedNotTaken == 1 ? "" : "s") not in the consensus yet"
        }
        return s + "."
    }

    private static func agreementSection(_ report: ProjectReport) -> String {
        let e = SVGCharts.escape
        var s = "<section id=\"agreement\">\n<h2>Agreement</h2>\n"
        guard let agreement = report.agreement else {
            return s + "<p>Agreement needs at least two coders with codings.</p>\n</section>\n"
        }
        let level = Int((agreement.options.level * 100).rounded())
        s += "<p>Coders: \(e(agreement.coders.joined(separator: ", "))). Krippendorff’s α with a \(level)% bootstrap interval "
            + "(\(agreement.options.resamples) replicates, seed \(agreement.options.seed)), as <code>litcoder agree</code> reports it"
            + (report.followsAssignments ? "; each paper’s codings are compared among the coders assigned to it" : "") + ".</p>\n"
        s += "<table class=\"agreement\">\n<thead><tr><th>Dimension</th><th>Distance</th><th>Papers</th>"
            + "<th title=\"papers some coders of the paper left empty while another coded it; counted as missing\">Not coded</th>"
            + "<th>% agreement</th><th>α</th><th>\(level)% CI</th></tr></thead>\n<tbody>\n"
        func show(_ c: Coefficient, percent: Bool = false) -> String {
            guard let v = c.value else { return "<span class=\"undefined\" title=\"\(e(c.undefinedReason ?? ""))\">undefined</span>" }
            return percent ? String(format: "%.1f%%", v * 100) : String(format: "%.3f", v)
        }
        for d in agreement.dimensions {
            let interval = d.bootstrap.lower.value != nil && d.bootstrap.upper.value != nil
                ? "[\(show(d.bootstrap.lower)), \(show(d.bootstrap.upper))]" : show(d.bootstrap.lower)
            s += "<tr><td>\(e(d.label))</td><td>\(e(MethodsParagraph.distanceName(d.distance)))</td><td class=\"n\">\(d.units)</td>"
                + "<td class=\"n\">\(d.notCoded)</td><td class=\"n\">\(show(d.percentAgreement, percent: true))</td><td class=\"n\">\(show(d.alpha))</td>"
                + "<td class=\"n\">\(interval)</td></tr>\n"
        }
        return s + "</tbody>\n</table>\n</section>\n"
    }

    /// The PRISMA 2020 flow diagram, when the codebook names its screening decision.
    private static func prismaSection(_ report: ProjectReport) -> String {
        guard let flow = report.prisma else { return "" }
        let e = SVGCharts.escape
        var s = "<section id=\"prisma\">\n<h2>PRISMA 2020 flow</h2>\n"
        s += "<figure>" + PrismaDiagram.render(flow)
        s += "<figcaption>Records as the imports recorded them (<code>corpus/_imports.jsonl</code>); screening decisions of "
            + "\(e(flow.scopeWords)) on <code>\(e(flow.dimension))</code>, as <code>litcoder prisma</code> counts them. "
            + "litcoder records one decision per record, from its title and abstract: the dashed full-text boxes are for you "
            + "to fill in, or to remove if no full texts were assessed.</figcaption></figure>\n"
        if let removed = flow.importedSinceRemovedPhrase {
            s += "<p>\(removed), so the records identified less those removed exceed those screened and not yet screened "
                + "by as many.</p>\n"
        }
        return s + "</section>\n"
    }

    /// α per calibration round and dimension.
    private static func roundsSection(_ report: ProjectReport) -> String {
        guard let rounds = report.rounds, !rounds.rounds.isEmpty else { return "" }
        let e = SVGCharts.escape
        let dimensions = rounds.rounds[0].report.dimensions.map { ($0.id, $0.label) }
        var s = "<section id=\"rounds\">\n<h2>Agreement by calibration round</h2>\n"
        s += "<p>Krippendorff’s α of the coders on each round’s papers, as <code>litcoder agree --by-round</code> reports it "
            + "(papers coded by two or more of them in brackets).</p>\n"
        s += "<table class=\"rounds\">\n<thead><tr><th>Dimension</th>"
        for entry in rounds.rounds { s += "<th>\(e(entry.round)) (\(entry.papers) papers)</th>" }
        s += "</tr></thead>\n<tbody>\n"
        for (id, label) in dimensions {
            s += "<tr><td>\(e(label))</td>"
            for entry in rounds.rounds {
                guard let d = entry.report.dimensions.first(where: { $0.id == id }) else {
                    s += "<td class=\"n\">–</td>"
                    continue
                }
                let alpha = d.alpha.value.map { String(format: "%.3f", $0) }
                    ?? "<span class=\"undefined\" title=\"\(e(d.alpha.undefinedReason ?? ""))\">undefined</span>"
                s += "<td class=\"n\">\(alpha) (\(d.units))</td>"
            }
            s += "</tr>\n"
        }
        return s + "</tbody>\n</table>\n</section>\n"
    }

    private static func alignmentSections(_ report: ProjectReport) -> String {
        let e = SVGCharts.escape
        let scopeName = report.scope == "consensus" ? "the consensus" : report.scope.replacingOccurrences(of: "coder:", with: "coder ")
        var s = ""
        for alignment in report.summary.alignments {
            let from = report.codebook.dimension(alignment.from)
            func label(_ code: String) -> String { from?.code(code)?.label ?? code }
            s += "<section class=\"alignment\" id=\"alignment-\(e(alignment.id))\">\n<h2>\(e(alignment.label))</h2>\n"
            s += "<p>Codings of \(e(scopeName)): \(MethodsParagraph.count(alignment.aligned, "paper")) aligned, "
                + "\(alignment.mismatched) mismatched, \(alignment.undetermined) undetermined"
                + (alignment.open > 0 ? " (\(alignment.open) of them open disagreements, not decided yet)" : "") + ".</p>\n"
            let bars = alignment.byCode.filter { $0.papers > 0 }.map {
                SVGCharts.Bar(label: $0.label.isEmpty ? $0.code : $0.label, total: $0.papers, highlighted: $0.mismatched)
            }
            s += "<h3>\(e(from?.label ?? alignment.from)): papers and the share mismatched</h3>\n"
            s += "<figure>" + SVGCharts.bars(bars, title: "\(from?.label ?? alignment.from) by papers, mismatched share highlighted",
                                             highlightName: "mismatched")
            s += "<figcaption><span class=\"key total\"></span> papers <span class=\"key highlighted\"></span> mismatched</figcaption></figure>\n"
            let table = alignment.crosstab
            s += "<h3>\(e(from?.label ?? alignment.from)) × context provided by \(e(report.codebook.dimension(alignment.to)?.label ?? alignment.to))</h3>\n"
            s += "<figure>" + SVGCharts.heatMap(
                rows: table.rows.map(label), columns: table.columns, count: { table.count(row: $0, column: $1) },
                title: "\(from?.label ?? alignment.from) by context, papers per cell", maximumWidth: SVGCharts.pageWidth) + "</figure>\n"
            s += "</section>\n"
        }
        return s
    }

    private static func mismatchSection(_ report: ProjectReport) -> String {
        let e = SVGCharts.escape
        var s = "<section id=\"mismatches\">\n<h2>Mismatched papers (\(report.mismatched.count))</h2>\n"
        guard !report.mismatched.isEmpty else { return s + "<p>No paper is mismatched.</p>\n</section>\n" }
        s += "<table class=\"mismatches\">\n<thead><tr><th>Paper</th><th>Year</th><th>Title</th><th>Alignment</th><th>Why</th></tr></thead>\n<tbody>\n"
        for m in report.mismatched {
            s += "<tr><td><code>\(e(m.id))</code></td><td class=\"n\">\(m.year.map(String.init) ?? "")</td><td>\(e(m.title))</td>"
                + "<td>\(e(m.alignment))</td><td>\(e(m.explanation))\(evidenceList(m.evidence, codebook: report.codebook))</td></tr>\n"
        }
        return s + "</tbody>\n</table>\n</section>\n"
    }

    /// The paper's own words for its codes: one list item per quote, after the code's label.
    private static func evidenceList(_ evidence: [QuotedCode], codebook: Codebook) -> String {
        guard !evidence.isEmpty else { return "" }
        let e = SVGCharts.escape
        var s = "<ul class=\"evidence\">"
        for quoted in evidence {
            let dimension = codebook.dimension(quoted.code.dimension)
            let label = "\(dimension?.label ?? quoted.code.dimension): \(dimension?.code(quoted.code.code)?.label ?? quoted.code.code)"
            for quote in quoted.quotes {
                s += "<li><span class=\"code\">\(e(label))</span> <q>\(e(EvidenceQuote.displayText(quote.text)))</q></li>"
            }
        }
        return s + "</ul>"
    }

    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;margin:2rem auto;max-width:62rem;padding:0 1rem}
        h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}h3{font-size:1rem;margin-top:1.4rem}
        .codebook{color:#555;margin-top:0}table{border-collapse:collapse;margin:.6rem 0}th,td{padding:.25rem .7rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
        th{background:#f5f5f7}td.n{text-align:right;font-variant-numeric:tabular-nums}.undefined{color:#999;font-style:italic}
        figure{margin:.5rem 0}figure svg{display:block;max-width:100%;height:auto}figcaption{font-size:.85rem;color:#555}
        .consensus .open{color:#b3261e}
        ul.evidence{margin:.3rem 0 0;padding-left:1.1rem;font-size:.9rem;color:#333}ul.evidence .code{color:#555;font-weight:600}
        .chart text{font-size:13px;fill:#1d1d1f}.chart .value{fill:#555}.chart .empty{fill:#999}
        .bar-chart rect.total,.key.total{fill:#c9d6ea;background:#c9d6ea}.bar-chart rect.highlighted,.key.highlighted{fill:#d9480f;background:#d9480f}
        .key{display:inline-block;width:.8rem;height:.8rem;vertical-align:middle;margin:0 .25rem 0 .8rem}
        .heat-map rect{fill:#1c4e9c;stroke:#e4e7ee;stroke-width:1}.heat-map .column{font-size:12px}.heat-map .count{font-size:12px}.heat-map .count.dark{fill:#fff}
        .meter .track{fill:#eee}.meter .fill{fill:#1c4e9c}footer{margin-top:3rem;color:#777;font-size:.85rem}
        @media print{body{margin:0}section{break-inside:avoid}}
        """ + "\n" + PrismaDiagram.style
}
