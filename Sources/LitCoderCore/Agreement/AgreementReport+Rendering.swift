import Foundation

/// The report as `litcoder agree` prints it: table, Markdown, CSV or JSON.
extension AgreementReport {
    /// The statistics table and, below it, the per-code α of multi-select dimensions and the
    /// reason for every undefined value.
    public func table() -> String {
        var sections = [summaryTable().rendered()]
        let codes = perCodeTable()
        if !codes.rows.isEmpty { sections.append(codes.rendered()) }
        if options.pairs { sections.append(pairTable().rendered()) }
        sections.append(footnotes())
        return sections.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    public func markdown() -> String {
        var sections = [summaryTable().markdown()]
        let codes = perCodeTable()
        if !codes.rows.isEmpty { sections.append(codes.markdown()) }
        if options.pairs { sections.append(pairTable().markdown()) }
        let notes = footnotes()
        if !notes.isEmpty {
            sections.append(notes.split(separator: "\n").map { "- " + $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n")
    }

    /// One row per dimension, then one per code of each multi-select dimension (`code` filled,
    /// only `krippendorff_alpha` set); full precision; an undefined value is empty with its
    /// reason in `undefined`. With `pairs`, the pairs' table instead (`pairCSV()`).
    public func csv() -> String {
        if options.pairs { return pairCSV() }
        var table = TextTable(header: [
            "dimension", "code", "kind", "distance", "units", "pairable_values", "not_coded", "off_scale",
            "percent_agreement", "krippendorff_alpha", "alpha_ci95_low", "alpha_ci95_high", "cohen_kappa", "scott_pi",
            "fleiss_kappa", "undefined",
        ])
        for d in dimensions {
            table.append([
                d.id, "", d.kind.rawValue, d.distance, String(d.units), String(d.pairableValues), String(d.notCoded),
                String(d.offScale),
                Self.full(d.percentAgreement), Self.full(d.alpha), Self.full(d.bootstrap.lower),
                Self.full(d.bootstrap.upper), Self.full(d.cohenKappa), Self.full(d.scottPi),
                Self.full(d.fleissKappa),
                d.undefinedReasons.map { "\($0.field): \($0.reason)" }.joined(separator: "; "),
            ])
            for c in d.perCode {
                table.append([d.id, c.code, d.kind.rawValue, "nominal", "", "", "", "", "", Self.full(c.alpha),
                              "", "", "", "", "", c.alpha.undefinedReason ?? ""])
            }
        }
        return table.csv()
    }

    /// Every pair of coders on every dimension: `dimension,kind,distance,coder_a,coder_b,units,
    /// percent_agreement,krippendorff_alpha,cohen_kappa,undefined`, full precision.
    public func pairCSV() -> String {
        var table = TextTable(header: [
            "dimension", "kind", "distance", "coder_a", "coder_b", "units", "percent_agreement", "krippendorff_alpha",
            "cohen_kappa", "undefined",
        ])
        for d in dimensions {
            for p in d.pairs {
                table.append([d.id, d.kind.rawValue, d.distance, p.first, p.second, String(p.units), Self.full(p.percentAgreement),
                              Self.full(p.alpha), Self.full(p.cohenKappa),
                              p.undefinedReasons.map { "\($0.field): \($0.reason)" }.joined(separator: "; ")])
            }
        }
        return table.csv()
    }

    /// The JSON form documented in `docs/agreement.md`.
    public func json() -> String { jsonValue.rendered() }

    /// The JSON form, keys in the documented order.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("coders", .array(coders.map { .string($0) })),
            ("bootstrap", .object([
                ("method", .string("Hayes & Krippendorff (2007): pairs drawn from the coincidence matrix")),
                ("resamples", .int(options.resamples)),
                ("seed", Int(exactly: options.seed).map { .int($0) } ?? .string(String(options.seed))),
                ("level", .number(options.level)),
            ])),
            ("dimensions", .array(dimensions.map(\.jsonValue))),
        ]
        if options.pairs {
            members.append(("pairs", .array(dimensions.flatMap { d in
                d.pairs.map { p in
                    JSONValue.object([
                        ("dimension", .string(d.id)), ("distance", .string(d.distance)),
                        ("coder_a", .string(p.first)), ("coder_b", .string(p.second)), ("units", .int(p.units)),
                        ("percent_agreement", .number(p.percentAgreement.value)),
                        ("krippendorff_alpha", .number(p.alpha.value)), ("cohen_kappa", .number(p.cohenKappa.value)),
                        ("undefined", .object(p.undefinedReasons.map { ($0.field, .string($0.reason)) })),
                    ])
                }
            })))
        }
        return .object(members)
    }

    private func summaryTable() -> TextTable {
        let twoCoders = coders.count == 2
        var header = ["dimension", "kind", "units", "values", "not coded", "agree %", "alpha", "95% CI"]
        header += twoCoders ? ["Cohen k", "Scott pi"] : ["Fleiss k"]
        var table = TextTable(header: header, rightAligned: Set(2..<header.count))
        for d in dimensions {
            var row = [d.id, d.kindText, String(d.units), String(d.pairableValues), String(d.notCoded),
                       Self.percent(d.percentAgreement), Self.short(d.alpha), d.intervalText]
            row += twoCoders ? [Self.short(d.cohenKappa), Self.short(d.scottPi)] : [Self.short(d.fleissKappa)]
            table.append(row)
        }
        return table
    }

    private func pairTable() -> TextTable {
        var table = TextTable(header: ["dimension", "coders", "units", "agree %", "alpha", "Cohen k"], rightAligned: [2, 3, 4, 5])
        for d in dimensions {
            for p in d.pairs {
                table.append([d.id, "\(p.first)–\(p.second)", String(p.units), Self.percent(p.percentAgreement),
                              Self.short(p.alpha), Self.short(p.cohenKappa)])
            }
        }
        return table
    }

    private func perCodeTable() -> TextTable {
        var table = TextTable(header: ["dimension", "code", "alpha (present/absent)"], rightAligned: [2])
        for d in dimensions { for c in d.perCode { table.append([d.id, c.code, Self.short(c.alpha)]) } }
        return table
    }

    /// The coders, the bootstrap procedure, and why each undefined value is undefined.
    private func footnotes() -> String {
        var lines = ["coders: " + coders.joined(separator: ", ")]
        let draws = dimensions.map(\.bootstrap.draws).filter { $0 > 0 }
        if options.resamples > 0 {
            lines.append("95% CI: Hayes & Krippendorff (2007) bootstrap, X = \(options.resamples) replicates, "
                + "M = \(draws.isEmpty ? "-" : draws.map(String.init).joined(separator: "/")) draws, seed \(options.seed)")
        }
        if dimensions.contains(where: { $0.notCoded > 0 }) {
            lines.append("not coded: papers where some coders of the paper left the dimension empty while another coded it; "
                + "the empty codings count as missing values ('litcoder disagreements' lists them)")
        }
        for d in dimensions where d.offScale > 0 {
            lines.append("\(d.id): \(d.offScale) coding\(d.offScale == 1 ? "" : "s") left out as missing: "
                + (d.kind == .number ? "not a number" : "not one code of the scale") + " ('litcoder validate' lists them)")
        }
        for d in dimensions {
            for (field, reason) in d.undefinedReasons where !reason.hasPrefix("n/a: needs exactly 2 coders")
                && !reason.hasPrefix("n/a: free-text dimension") && !reason.hasPrefix("n/a: number dimension") {
                lines.append("\(d.id) \(field): \(reason)")
            }
        }
        if options.pairs {
            for d in dimensions {
                for p in d.pairs {
                    for (field, reason) in p.undefinedReasons where !reason.hasPrefix("n/a") {
                        lines.append("\(d.id) \(p.first)–\(p.second) \(field): \(reason)")
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func short(_ c: Coefficient) -> String {
        guard let v = c.value else { return c.undefinedReason?.hasPrefix("n/a") == true ? "n/a" : "undef" }
        return String(format: "%.3f", v)
    }

    static func percent(_ c: Coefficient) -> String {
        guard let v = c.value else { return "undef" }
        return String(format: "%.1f", v * 100)
    }

    static func full(_ c: Coefficient) -> String {
        guard let v = c.value else { return "" }
        return "\(v)"
    }
}

extension DimensionAgreement {
    /// Each undefined statistic by its JSON field name, with the reason.
    public var undefinedReasons: [(field: String, reason: String)] {
        var out: [(String, String)] = []
        func note(_ field: String, _ c: Coefficient) { if let r = c.undefinedReason { out.append((field, r)) } }
        note("percent_agreement", percentAgreement)
        note("krippendorff_alpha", alpha)
        if alpha.value != nil { note("alpha_ci95", bootstrap.lower) }
        note("cohen_kappa", cohenKappa)
        note("scott_pi", scottPi)
        note("fleiss_kappa", fleissKappa)
        for c in perCode { note("per_code.\(c.code)", c.alpha) }
        return out
    }

    /// One dimension's JSON object; an undefined statistic is null and named in `undefined`.
    public var jsonValue: JSONValue {
        let interval: JSONValue
        if let lo = bootstrap.lower.value, let hi = bootstrap.upper.value {
            interval = .array([.number(lo), .number(hi)])
        } else {
            interval = .null
        }
        return .object([
            ("id", .string(id)),
            ("kind", .string(kind.rawValue)),
            ("distance", .string(distance)),
            ("ordered", .bool(ordered)),
            ("units", .int(units)),
            ("pairable_values", .int(pairableValues)),
            ("not_coded", .int(notCoded)),
            ("off_scale", .int(offScale)),
            ("percent_agreement", .number(percentAgreement.value)),
            ("krippendorff_alpha", .number(alpha.value)),
            ("alpha_ci95", interval),
            ("bootstrap_draws", .int(bootstrap.draws)),
            ("cohen_kappa", .number(cohenKappa.value)),
            ("scott_pi", .number(scottPi.value)),
            ("fleiss_kappa", .number(fleissKappa.value)),
            ("per_code", .array(perCode.map { .object([("code", .string($0.code)), ("alpha", .number($0.alpha.value))]) })),
            ("undefined", .object(undefinedReasons.map { ($0.field, .string($0.reason)) })),
        ])
    }

    /// `single`, `single/ordinal`, `multi/masi`, `text`, `number/interval`: the kind, and the
    /// distance where it is not the kind's plain nominal one.
    var kindText: String {
        switch kind {
        case .single: ordered ? "single/ordinal" : "single"
        case .multi: "multi/\(distance)"
        case .text: "text"
        case .number: "number/interval"
        }
    }

    /// `[0.612, 0.781]`, or `-` when there is no interval.
    var intervalText: String {
        guard let lo = bootstrap.lower.value, let hi = bootstrap.upper.value else { return "-" }
        return String(format: "[%.3f, %.3f]", lo, hi)
    }
}
