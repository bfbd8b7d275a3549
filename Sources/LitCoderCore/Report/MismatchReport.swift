/// Prints a `MismatchList` as a table to read, CSV or JSON.
public enum MismatchReport {
    public static func render(_ list: MismatchList, format: ReportFormat) -> String {
        switch format {
        case .table, .markdown, .latex: return plain(list)
        case .csv: return csv(list)
        case .json: return json(list).rendered() + "\n"
        }
    }

    /// Each paper with its id, year and title, then one line per mismatched alignment.
    static func plain(_ list: MismatchList) -> String {
        let papers = Set(list.entries.map(\.paper.id)).count
        var out = "Mismatches for \(list.scope) — \(papers) \(papers == 1 ? "paper" : "papers")\n"
        if list.entries.isEmpty { return out + "\nNo mismatched papers.\n" }
        var previous: String?
        for entry in list.entries {
            if entry.paper.id != previous {
                let year = entry.paper.year.map { " (\($0))" } ?? ""
                out += "\n" + SummaryReport.wrap("\(entry.paper.id)\(year)  ", entry.paper.title)
                previous = entry.paper.id
            }
            out += SummaryReport.wrap("    \(entry.result.alignment.id): ", entry.result.sentence)
            for quoted in entry.evidence {
                for quote in quoted.quotes {
                    out += SummaryReport.wrap("      \(quoted.code.dimension) \(quoted.code.code): ", quote.displayed)
                }
            }
        }
        return out
    }

    /// Quotes on one line each, joined with ` | ` (as `csv-long`'s `evidence` column).
    static func joined(_ quotes: [EvidenceQuote]) -> String {
        quotes.map { EvidenceQuote.displayText($0.text) }.joined(separator: LongCSVExport.quoteSeparator)
    }

    /// One line per unserved code: `scope,alignment,paper,year,title,code,needs,unmet,provided,to_codes,
    /// code_evidence,to_evidence`. Needs are written as in messages (`natural and (clinical or home)`);
    /// lists joined with `;`; quotes with ` | `, each `to` quote after its code (`iemocap: words`).
    static func csv(_ list: MismatchList) -> String {
        var rows: [[String]] = []
        for entry in list.entries {
            for unserved in entry.result.unserved {
                rows.append([
                    list.scope, entry.result.alignment.id, entry.paper.id, entry.paper.year.map(String.init) ?? "",
                    entry.paper.title, unserved.code, AlignmentResult.phrase(unserved.needs),
                    unserved.isPatchwork ? "(no single code provides all)" : AlignmentResult.phrase(unserved.unmet),
                    entry.result.provided.joined(separator: ";"), entry.result.toCodes.joined(separator: ";"),
                    joined(entry.evidence.filter { $0.code == EvidenceCode(dimension: entry.result.alignment.from, code: unserved.code) }
                        .flatMap(\.quotes)),
                    entry.evidence.filter { $0.code.dimension == entry.result.alignment.to }
                        .flatMap { quoted in quoted.quotes.map { "\(quoted.code.code): \(EvidenceQuote.displayText($0.text))" } }
                        .joined(separator: LongCSVExport.quoteSeparator),
                ])
            }
        }
        var writer = CSVWriter()
        writer.writeRow(["scope", "alignment", "paper", "year", "title", "code", "needs", "unmet", "provided", "to_codes",
                         "code_evidence", "to_evidence"])
        for row in rows { writer.writeRow(row) }
        return writer.text
    }

    /// A need as JSON: the list of its alternatives.
    static func json(_ needs: [Requirement]) -> JSONValue {
        .array(needs.map { .array($0.alternatives.map(JSONValue.string)) })
    }

    public static func json(_ list: MismatchList) -> JSONValue {
        .object([
            ("scope", .string(list.scope)),
            ("mismatches", .array(list.entries.map { entry in
                .object([
                    ("paper", .string(entry.paper.id)),
                    ("title", .string(entry.paper.title)),
                    ("year", entry.paper.year.map(JSONValue.int) ?? .null),
                    ("alignment", .string(entry.result.alignment.id)),
                    ("unserved", .array(entry.result.unserved.map {
                        .object([
                            ("code", .string($0.code)), ("needs", json($0.needs)), ("unmet", json($0.unmet)),
                            ("patchwork", .bool($0.isPatchwork)),
                        ])
                    })),
                    ("served", .array(entry.result.served.map(JSONValue.string))),
                    ("to_codes", .array(entry.result.toCodes.map(JSONValue.string))),
                    ("provided", .array(entry.result.provided.map(JSONValue.string))),
                    ("sentence", .string(entry.result.sentence)),
                    ("evidence", .array(entry.evidence.map { quoted in
                        .object([
                            ("dimension", .string(quoted.code.dimension)), ("code", .string(quoted.code.code)),
                            ("quotes", .array(quoted.quotes.map {
                                .object([("field", .string($0.field.rawValue)), ("start", .int($0.start)),
                                         ("end", .int($0.end)), ("quote", .string($0.text))])
                            })),
                        ])
                    })),
                ])
            })),
        ])
    }
}
