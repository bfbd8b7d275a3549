/// The flow as `litcoder prisma` prints it: text, Markdown or JSON.
extension PrismaFlow {
    /// Whose decisions, in words: `the consensus`, `coder ann`.
    public var scopeWords: String {
        scope == "consensus" ? "the consensus" : scope.replacingOccurrences(of: "coder:", with: "coder ")
    }

    /// The rows of the flow: phase, label, count, indented or not.
    private var rows: [(phase: String, label: String, count: Int, detail: Bool)] {
        var rows: [(String, String, Int, Bool)] = [("Identification", "Records identified", identified, false)]
        rows += bySource.map { ("Identification", $0.name, $0.records, true) }
        rows.append(("Identification", "Duplicate records removed", duplicatesRemoved, false))
        rows.append(("Identification", "Records removed for other reasons", removedOther, false))
        rows.append(("Screening", "Records screened", screened, false))
        rows.append(("Screening", "Records excluded", excluded, false))
        rows += excludedByReason.map { ("Screening", "\($0.label) (\($0.code))", $0.records, true) }
        rows.append(("Screening", "Records not yet screened", awaiting, false))
        rows.append(("Included", "Studies included in review", included, false))
        return rows
    }

    private var caveats: [String] {
        var lines = ["Screening decisions of \(scopeWords) on '\(dimension)'; records from corpus/_imports.jsonl.",
                     "Removed for other reasons: entries that could not be read, or had neither a title nor an abstract."]
        if let removed = importedSinceRemovedPhrase {
            lines.append("\(removed): identified minus removed exceeds screened plus not yet screened by that many.")
        }
        return lines
    }

    /// `1 imported record is no longer in the corpus`, `3 imported records are …`; nil for none.
    public var importedSinceRemovedPhrase: String? {
        guard importedSinceRemoved > 0 else { return nil }
        return "\(importedSinceRemoved) imported record\(importedSinceRemoved == 1 ? " is" : "s are") no longer in the corpus"
    }

    /// `1 record`, `2 records`.
    static func records(_ n: Int, _ noun: String = "record") -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Aligned text, one phase after another.
    public func text() -> String {
        var table = TextTable(header: ["", "records"], rightAligned: [1])
        var phase = ""
        for row in rows {
            if row.phase != phase {
                if !phase.isEmpty { table.append(["", ""]) }
                table.append([row.phase, ""])
                phase = row.phase
            }
            table.append([(row.detail ? "    " : "  ") + row.label, String(row.count)])
        }
        let lines = table.rendered().split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
            .map { $0.isEmpty ? "" : String($0) }
        return "PRISMA 2020 flow\n\n" + lines.joined(separator: "\n") + "\n\n" + caveats.joined(separator: "\n")
    }

    /// A Markdown table, then the notes.
    public func markdown() -> String {
        var table = TextTable(header: ["Phase", "Step", "Records"], rightAligned: [2])
        for row in rows { table.append([row.phase, (row.detail ? "– " : "") + row.label, String(row.count)]) }
        return "**PRISMA 2020 flow**\n\n" + table.markdown() + "\n\n" + caveats.map { "- " + $0 }.joined(separator: "\n")
    }

    /// The JSON form documented in `docs/collaboration.md`.
    public func json() -> String { jsonValue.rendered() }

    public var jsonValue: JSONValue {
        .object([
            ("identified", .int(identified)),
            ("by_source", .object(bySource.map { ($0.name, .int($0.records)) })),
            ("duplicates_removed", .int(duplicatesRemoved)),
            ("removed_other", .int(removedOther)),
            ("screened", .int(screened)),
            ("excluded", .int(excluded)),
            ("excluded_by_reason", .object(excludedByReason.map { ($0.code, .int($0.records)) })),
            ("included", .int(included)),
            ("awaiting", .int(awaiting)),
            ("screening", .object([("dimension", .string(dimension)), ("decisions", .string(scope))])),
            ("imported_not_in_corpus", .int(importedSinceRemoved)),
        ])
    }
}
