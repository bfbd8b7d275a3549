/// Prints summaries in every `ReportFormat`: what `litcoder summary` writes and export reuses.
public enum SummaryReport {
    /// Terminal width the plain-text form is laid out for.
    public static let plainWidth = 80

    /// One block per summary (one per coder with `--all`). With `hidingZeros`, the Markdown and
    /// LaTeX forms leave out rows and columns that are all zero and say how many; the other
    /// forms are always complete.
    public static func render(_ summaries: [Summary], format: ReportFormat, hidingZeros: Bool = false) -> String {
        switch format {
        case .table: return summaries.map(plain).joined(separator: "\n")
        case .markdown:
            return summaries.map { summary in
                guard hidingZeros else { return markdown(summary) }
                let trimmed = ZeroTrimmedSummary(summary)
                return markdown(trimmed.summary) + (trimmed.note.map { "\n_\(Markdown.cell($0))_\n" } ?? "")
            }.joined(separator: "\n")
        case .latex:
            return summaries.map { summary in
                guard hidingZeros else { return latex(summary) }
                let trimmed = ZeroTrimmedSummary(summary)
                return latex(trimmed.summary) + (trimmed.note.map { "\n% \($0)\n" } ?? "")
            }.joined(separator: "\n")
        case .csv: return csv(summaries)
        case .json:
            let value = summaries.count == 1 ? json(summaries[0]) : .array(summaries.map(json))
            return value.rendered() + "\n"
        }
    }

    /// `3 (25%)`.
    static func share(_ count: Int, of total: Int) -> String {
        total > 0 ? "\(count) (\(percent(count, of: total)))" : "\(count)"
    }

    static func percent(_ count: Int, of total: Int) -> String {
        total > 0 ? "\(Int((Double(count) * 100 / Double(total)).rounded()))%" : "–"
    }

    static func reasonText(_ reason: AlignmentResult.UndeterminedReason, _ alignment: Summary.Alignment) -> String {
        switch reason {
        case .fromNotCoded: "\(alignment.from) not coded"
        case .nothingNeeded: "nothing needed"
        case .toNotCoded: "no known \(alignment.to)"
        }
    }

    static func byCodeTable(_ alignment: Summary.Alignment) -> TextTable {
        TextTable(
            header: [alignment.from, "papers", "mismatched", "share"], rightAligned: [1, 2, 3], maxWidths: [0: 30],
            rows: alignment.byCode.map { [$0.code, "\($0.papers)", "\($0.mismatched)", percent($0.mismatched, of: $0.papers)] })
    }

    static func crosstabTable(_ alignment: Summary.Alignment) -> TextTable {
        let table = alignment.crosstab
        return TextTable(
            header: [alignment.from] + table.columns, rightAligned: Set(1...max(1, table.columns.count)), maxWidths: [0: 30],
            rows: table.rows.indices.map { r in [table.rows[r]] + table.columns.indices.map { "\(table.count(row: r, column: $0))" } })
    }

    static func dimensionTable(_ dimension: Summary.Dimension) -> TextTable {
        TextTable(
            header: ["code", "label", "papers"], rightAligned: [2], maxWidths: [0: 30, 1: 36],
            rows: dimension.counts.map { [$0.code, $0.label, "\($0.papers)"] })
    }

    static func staleTable(_ stale: [Summary.Stale]) -> TextTable {
        TextTable(header: ["dimension", "code", "papers"], rightAligned: [2],
                  rows: stale.map { [$0.dimension, $0.code, "\($0.papers)"] })
    }

    // MARK: Plain text

    static func plain(_ summary: Summary) -> String {
        var out = "Summary for \(summary.scope) — \(summary.papers.counted("paper"))\n"
        for alignment in summary.alignments {
            out += "\n" + wrap("", "\(alignment.label.isEmpty ? alignment.id : alignment.label)  (\(alignment.id): \(alignment.from) → \(alignment.to))")
            out += "  aligned \(share(alignment.aligned, of: summary.papers))"
                + " · mismatched \(share(alignment.mismatched, of: summary.papers))"
                + " · undetermined \(share(alignment.undetermined, of: summary.papers))\n"
            var reasons = AlignmentResult.UndeterminedReason.allCases.compactMap { reason -> String? in
                let n = alignment.undeterminedBecause[reason] ?? 0
                return n > 0 ? "\(reasonText(reason, alignment)) \(n)" : nil
            }
            if alignment.open > 0 { reasons.append("open disagreement \(alignment.open)") }
            if !reasons.isEmpty { out += wrap("  undetermined: ", reasons.joined(separator: " · ")) }
            out += "\n" + byCodeTable(alignment).rendered(indent: "  ") + "\n"
            out += "\n" + wrap("  ", "Papers by \(alignment.from) and context provided by the \(alignment.to) codes:")
            let crosstab = crosstabTable(alignment)
            if alignment.crosstab.columns.isEmpty {
                out += "  (no \(alignment.to) code provides any context)\n"
            } else if crosstab.width + 2 <= plainWidth {
                out += crosstab.rendered(indent: "  ") + "\n"
            } else {
                out += crosstabList(alignment)
            }
        }
        for dimension in summary.dimensions {
            out += "\n\(dimension.label.isEmpty ? dimension.id : dimension.label) (\(dimension.id)): "
                + codedText(dimension.coded, open: dimension.open, of: summary) + "\n"
            out += dimensionTable(dimension).rendered(indent: "  ") + "\n"
        }
        for numbers in summary.numbers {
            out += "\n\(numbers.label.isEmpty ? numbers.id : numbers.label) (\(numbers.id)): "
                + codedText(numbers.coded, open: numbers.open, of: summary) + "\n"
            if let spread = spreadText(numbers) { out += "  \(spread)\n" }
        }
        if !summary.stale.isEmpty {
            out += "\n" + wrap("", "Stale codes (no longer in the codebook; left out of the counts above, recode these papers):")
            out += staleTable(summary.stale).rendered(indent: "  ") + "\n"
        }
        if summary.codedPapersOutsideCorpus > 0 {
            let n = summary.codedPapersOutsideCorpus
            out += "\n\(n) coded \(n == 1 ? "paper is" : "papers are") not in the corpus and \(n == 1 ? "was" : "were") left out.\n"
        }
        return out
    }

    /// `8 of 12 papers coded`; for the consensus also how many are open disputes and how many
    /// not coded at all, which are not the same thing.
    static func codedText(_ coded: Int, open: Int, of summary: Summary) -> String {
        var text = "\(coded) of \(summary.papers) papers coded"
        if summary.scope == Summary.scope(coder: CoderName.consensus) {
            text += ", \(open) open, \(max(0, summary.papers - coded - open)) not coded"
        }
        return text
    }

    /// `min 1, median 3, max 7, mean 3.4`, nil when no paper has a value.
    static func spreadText(_ numbers: Summary.Numbers) -> String? {
        guard let lo = numbers.minimum, let median = numbers.median, let hi = numbers.maximum, let mean = numbers.mean else { return nil }
        return "min \(NumberValue.text(lo)), median \(NumberValue.text(median)), max \(NumberValue.text(hi)), mean \(String(format: "%.2f", mean))"
    }

    /// The crosstab as one line per row, for when its table is wider than the terminal.
    static func crosstabList(_ alignment: Summary.Alignment) -> String {
        let table = alignment.crosstab
        var out = ""
        for r in table.rows.indices {
            let cells = table.columns.indices.compactMap { c -> String? in
                let n = table.count(row: r, column: c)
                return n > 0 ? "\(table.columns[c]) \(n)" : nil
            }
            out += wrap("  \(table.rows[r]): ", cells.isEmpty ? "—" : cells.joined(separator: ", "))
        }
        return out
    }

    /// `lead` then `text` wrapped at spaces to `plainWidth`, continuation lines indented.
    static func wrap(_ lead: String, _ text: String) -> String {
        let hanging = String(repeating: " ", count: min(DisplayWidth.of(lead), 24))
        var lines: [String] = []
        var line = lead
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty || line.hasSuffix(" ") ? line + word : line + " " + word
            if DisplayWidth.of(candidate) > plainWidth, !line.isEmpty, line != lead, line != hanging {
                lines.append(line)
                line = hanging + word
            } else {
                line = candidate
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown

    static func markdown(_ summary: Summary) -> String {
        var out = "## Summary: \(Markdown.cell(summary.scope)) (\(summary.papers) papers)\n"
        for alignment in summary.alignments {
            out += "\n### \(Markdown.cell(alignment.label.isEmpty ? alignment.id : alignment.label))\n\n"
            let outcomes = TextTable(
                header: ["outcome", "papers", "share"], rightAligned: [1, 2],
                rows: [("aligned", alignment.aligned), ("mismatched", alignment.mismatched), ("undetermined", alignment.undetermined)]
                    .map { [$0.0, "\($0.1)", percent($0.1, of: summary.papers)] })
            out += outcomes.markdown() + "\n\n" + byCodeTable(alignment).markdown() + "\n"
            if !alignment.crosstab.columns.isEmpty {
                out += "\nPapers by \(Markdown.cell(alignment.from)) and context provided by the \(Markdown.cell(alignment.to)) codes:\n\n"
                out += crosstabTable(alignment).markdown() + "\n"
            }
        }
        for dimension in summary.dimensions {
            out += "\n### \(Markdown.cell(dimension.label.isEmpty ? dimension.id : dimension.label))"
                + " (\(codedText(dimension.coded, open: dimension.open, of: summary)))\n\n"
            out += dimensionTable(dimension).markdown() + "\n"
        }
        for numbers in summary.numbers {
            out += "\n### \(Markdown.cell(numbers.label.isEmpty ? numbers.id : numbers.label))"
                + " (\(codedText(numbers.coded, open: numbers.open, of: summary)))\n"
            if let spread = spreadText(numbers) { out += "\n\(spread)\n" }
        }
        if !summary.stale.isEmpty {
            out += "\n### Stale codes (no longer in the codebook)\n\n" + staleTable(summary.stale).markdown() + "\n"
        }
        return out
    }

    // MARK: LaTeX

    static func latex(_ summary: Summary) -> String {
        var out = "% litcoder summary for \(summary.scope), \(summary.papers) papers. Needs \\usepackage{booktabs}.\n"
        func table(_ caption: String, _ label: String, _ body: TextTable) -> String {
            "\\begin{table}[ht]\n\\centering\n\\caption{\(LaTeX.escape(caption))}\n\\label{tab:\(labelSafe(label))}\n"
                + body.latex() + "\n\\end{table}\n"
        }
        for alignment in summary.alignments {
            let name = alignment.label.isEmpty ? alignment.id : alignment.label
            var caption = "\(name) (\(summary.scope), \(summary.papers) papers): aligned \(alignment.aligned), "
                + "mismatched \(alignment.mismatched), undetermined \(alignment.undetermined)"
            if alignment.open > 0 { caption += " (\(alignment.open) of them open disagreements)" }
            caption += "."
            out += "\n" + table(caption, "\(alignment.id)-by-code", byCodeTable(alignment))
            if !alignment.crosstab.columns.isEmpty {
                out += "\n" + table("Papers by \(alignment.from) and context provided by the \(alignment.to) codes (\(summary.scope)).",
                                    "\(alignment.id)-crosstab", crosstabTable(alignment))
            }
        }
        for dimension in summary.dimensions {
            let name = dimension.label.isEmpty ? dimension.id : dimension.label
            out += "\n" + table("\(name): \(codedText(dimension.coded, open: dimension.open, of: summary)) (\(summary.scope)).",
                                "\(dimension.id)-counts", dimensionTable(dimension))
        }
        return out
    }

    /// Letters, digits, `-` and `:` only: safe inside `\label{}` and `\ref{}`.
    static func labelSafe(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" ? $0 : "-" })
    }

    // MARK: CSV

    /// Long form, one count a line: `scope,table,id,row,column,count`.
    static func csv(_ summaries: [Summary]) -> String {
        var rows: [[String]] = []
        for s in summaries {
            rows.append([s.scope, "corpus", "", "", "papers", "\(s.papers)"])
            for a in s.alignments {
                for (name, n) in [("aligned", a.aligned), ("mismatched", a.mismatched), ("undetermined", a.undetermined)] {
                    rows.append([s.scope, "outcome", a.id, "", name, "\(n)"])
                }
                for reason in AlignmentResult.UndeterminedReason.allCases {
                    rows.append([s.scope, "undetermined", a.id, "", reason.rawValue, "\(a.undeterminedBecause[reason] ?? 0)"])
                }
                rows.append([s.scope, "undetermined", a.id, "", "open", "\(a.open)"])
                for tally in a.byCode {
                    rows.append([s.scope, "by_code", a.id, tally.code, "papers", "\(tally.papers)"])
                    rows.append([s.scope, "by_code", a.id, tally.code, "mismatched", "\(tally.mismatched)"])
                }
                for r in a.crosstab.rows.indices {
                    for c in a.crosstab.columns.indices {
                        rows.append([s.scope, "crosstab", a.id, a.crosstab.rows[r], a.crosstab.columns[c],
                                     "\(a.crosstab.count(row: r, column: c))"])
                    }
                }
            }
            for d in s.dimensions {
                rows.append([s.scope, "dimension", d.id, "", "coded", "\(d.coded)"])
                rows.append([s.scope, "dimension", d.id, "", "open", "\(d.open)"])
                for count in d.counts { rows.append([s.scope, "dimension", d.id, count.code, "papers", "\(count.papers)"]) }
            }
            for n in s.numbers {
                rows.append([s.scope, "number", n.id, "", "coded", "\(n.coded)"])
                rows.append([s.scope, "number", n.id, "", "open", "\(n.open)"])
                for (name, value) in [("min", n.minimum), ("median", n.median), ("max", n.maximum), ("mean", n.mean)] {
                    rows.append([s.scope, "number", n.id, "", name, value.map(NumberValue.text) ?? ""])
                }
            }
            for stale in s.stale { rows.append([s.scope, "stale", stale.dimension, stale.code, "papers", "\(stale.papers)"]) }
        }
        var writer = CSVWriter(reservingCapacity: rows.count * 48)
        writer.writeRow(["scope", "table", "id", "row", "column", "count"])
        for row in rows { writer.writeRow(row) }
        return writer.text
    }

    // MARK: JSON

    /// The documented JSON form of one summary (`docs/summary.md`).
    public static func json(_ summary: Summary) -> JSONValue {
        .object([
            ("scope", .string(summary.scope)),
            ("papers", .int(summary.papers)),
            ("alignments", .array(summary.alignments.map { a in
                .object([
                    ("id", .string(a.id)), ("label", .string(a.label)),
                    ("from", .string(a.from)), ("to", .string(a.to)),
                    ("aligned", .int(a.aligned)), ("mismatched", .int(a.mismatched)),
                    ("undetermined", .int(a.undetermined)),
                    ("undetermined_because", .object(AlignmentResult.UndeterminedReason.allCases.map {
                        ($0.rawValue, .int(a.undeterminedBecause[$0] ?? 0))
                    } + [("open", .int(a.open))])),
                    ("by_code", .array(a.byCode.map {
                        .object([("code", .string($0.code)), ("papers", .int($0.papers)), ("mismatched", .int($0.mismatched))])
                    })),
                    ("crosstab", .object([
                        ("rows", .array(a.crosstab.rows.map(JSONValue.string))),
                        ("columns", .array(a.crosstab.columns.map(JSONValue.string))),
                        ("counts", .array(a.crosstab.counts.map { .array($0.map(JSONValue.int)) })),
                    ])),
                ])
            })),
            ("dimensions", .array(summary.dimensions.map { d in
                .object([
                    ("id", .string(d.id)), ("coded", .int(d.coded)), ("open", .int(d.open)),
                    ("counts", .object(d.counts.map { ($0.code, .int($0.papers)) })),
                ])
            })),
            ("numbers", .array(summary.numbers.map { n in
                .object([
                    ("id", .string(n.id)), ("coded", .int(n.coded)), ("open", .int(n.open)),
                    ("min", .number(n.minimum)), ("median", .number(n.median)), ("max", .number(n.maximum)),
                    ("mean", .number(n.mean)),
                ])
            })),
            ("stale", .array(summary.stale.map {
                .object([("dimension", .string($0.dimension)), ("code", .string($0.code)), ("papers", .int($0.papers))])
            })),
            ("coded_papers_outside_corpus", .int(summary.codedPapersOutsideCorpus)),
        ])
    }
}
