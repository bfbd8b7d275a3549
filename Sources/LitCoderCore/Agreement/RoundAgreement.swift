/// Agreement round by round: α per calibration round and dimension, so a team sees whether
/// the codebook changes it made between rounds helped. What `litcoder agree --by-round` prints
/// and the HTML report shows.
///
/// Each round's report is an `AgreementReport` of the coders' codings of that round's papers
/// only: the numbers `agree --round NAME` gives.
public struct RoundAgreement: Sendable {
    /// One round's agreement.
    public struct Entry: Sendable {
        public var round: String
        public var papers: Int
        public var report: AgreementReport
    }

    public var coders: [String]
    public var rounds: [Entry]

    /// Agreement among `states` (one per coder, already limited to their assigned papers) on
    /// each round of `plan`.
    public init(codebook: Codebook, states: [CodingState], plan: CodingPlan, options: AgreementReport.Options) {
        coders = states.map(\.coder)
        rounds = plan.rounds.rounds.map { round in
            Entry(round: round.name, papers: round.papers.count,
                  report: AgreementReport(codebook: codebook, states: plan.compared(states, round: round), options: options))
        }
    }

    /// One row per round and dimension.
    private func rows(percent: (Coefficient) -> String, value: (Coefficient) -> String,
                      interval: (DimensionAgreement) -> String) -> TextTable {
        var table = TextTable(header: ["round", "papers", "dimension", "units", "agree %", "alpha", "95% CI"],
                              rightAligned: [1, 3, 4, 5, 6])
        for entry in rounds {
            for d in entry.report.dimensions {
                table.append([entry.round, String(entry.papers), d.id, String(d.units), percent(d.percentAgreement),
                              value(d.alpha), interval(d)])
            }
        }
        return table
    }

    private var footnote: String {
        "coders: \(coders.joined(separator: ", ")); units: papers of the round coded on the dimension by two or more of them"
    }

    /// The plain-text table, then the coders.
    public func table() -> String {
        guard !rounds.isEmpty else { return "No calibration rounds yet; add one with 'litcoder round add NAME --sample K'." }
        let table = rows(percent: AgreementReport.percent, value: AgreementReport.short, interval: \.intervalText)
        return table.rendered() + "\n\n" + footnote
    }

    public func markdown() -> String {
        let table = rows(percent: AgreementReport.percent, value: AgreementReport.short, interval: \.intervalText)
        return table.markdown() + "\n\n- " + footnote
    }

    /// One row per round and dimension, full precision, an undefined value empty.
    public func csv() -> String {
        var table = TextTable(header: ["round", "papers", "dimension", "units", "percent_agreement", "krippendorff_alpha",
                                       "alpha_ci95_low", "alpha_ci95_high"])
        for entry in rounds {
            for d in entry.report.dimensions {
                table.append([entry.round, String(entry.papers), d.id, String(d.units), AgreementReport.full(d.percentAgreement),
                              AgreementReport.full(d.alpha), AgreementReport.full(d.bootstrap.lower),
                              AgreementReport.full(d.bootstrap.upper)])
            }
        }
        return table.csv()
    }

    /// `{"coders": [...], "rounds": [{"round", "papers", "dimensions": [as in agree's JSON]}]}`.
    public func json() -> String {
        JSONValue.object([
            ("coders", .array(coders.map { .string($0) })),
            ("rounds", .array(rounds.map { entry in
                .object([("round", .string(entry.round)), ("papers", .int(entry.papers)),
                         ("dimensions", .array(entry.report.dimensions.map(\.jsonValue)))])
            })),
        ]).rendered()
    }
}
