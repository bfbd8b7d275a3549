import Foundation

/// The `methods` export: a Markdown paragraph for a paper's methods section, every number
/// taken from `ProjectReport` (so from the code behind `agree` and `summary`).
///
/// It states what a reviewer asks for (Krippendorff 2004, ch. 11; O'Connor & Joffe 2020):
/// how many papers were coded and by whom, how many were coded twice, α per dimension with
/// its 95% interval and the distance used, how disagreements were settled and how many, and
/// which codebook (version and content hash) the codings were made under.
public enum MethodsParagraph {
    /// The paragraph, ending with a newline.
    public static func render(_ report: ProjectReport) -> String {
        var sentences: [String] = []
        let codebook = report.codebook
        let coderNames = report.coders.map(\.coder)
        sentences.append(
            "We coded \(count(report.papersCoded, "paper")) of the \(number(report.corpusPapers)) in the corpus "
                + "against the codebook \u{201C}\(codebook.title)\u{201D} (version \(codebook.version); SHA-256 content hash "
                + "`\(codebook.shortHash)`), with \(codebook.dimensions.count) \(codebook.dimensions.count == 1 ? "dimension" : "dimensions").")
        if coderNames.isEmpty {
            sentences.append("No coder has coded any paper yet.")
        } else {
            sentences.append(
                "\(capitalised(count(coderNames.count, "coder"))) (\(list(coderNames))) coded the abstracts independently; "
                    + "\(count(report.doubleCoded, "paper")) \(report.doubleCoded == 1 ? "was" : "were") coded by two or more coders.")
        }
        if let agreement = report.agreement, !agreement.dimensions.isEmpty {
            let level = Int((agreement.options.level * 100).rounded())
            let distances = Set(agreement.dimensions.map(\.distance))
            var how = "Inter-coder agreement was measured with Krippendorff\u{2019}s \u{3B1}"
            how += distances.count == 1
                ? " (\(distanceName(distances.first ?? "nominal")) distance)"
                : " (nominal distance for single-choice dimensions, \(distanceName(agreement.options.setDistance.rawValue)) distance for multi-select ones)"
            if agreement.options.resamples > 0 {
                how += ", with \(level)% confidence intervals from \(number(agreement.options.resamples)) bootstrap replicates "
                    + "(Hayes & Krippendorff 2007; seed \(agreement.options.seed))"
            }
            let parts = agreement.dimensions.map { dimension -> String in
                var part = "\(dimension.label) "
                if let alpha = dimension.alpha.value {
                    part += "\u{3B1} = \(decimal(alpha))"
                    if let lower = dimension.bootstrap.lower.value, let upper = dimension.bootstrap.upper.value {
                        part += " [\(decimal(lower)), \(decimal(upper))]"
                    }
                } else {
                    part += "\u{3B1} undefined (\(dimension.alpha.undefinedReason ?? "no data"))"
                }
                return part + " (\(distanceName(dimension.distance)), \(count(dimension.units, "paper")))"
            }
            sentences.append(how + ": " + parts.joined(separator: "; ") + ".")
        } else if coderNames.count < 2 {
            sentences.append("Agreement could not be measured: it needs at least two coders.")
        }
        if let adjudication = report.adjudication, adjudication.papers > 0 {
            var s = "Disagreements were resolved by adjudication into a consensus coding of "
                + "\(count(report.consensus?.coded ?? adjudication.papers, "paper")): "
                + "\(count(adjudication.automatic, "decision")) on a paper\u{2019}s dimension \(adjudication.automatic == 1 ? "was" : "were") "
                + "taken where all coders agreed, and \(number(adjudication.byHand)) \(adjudication.byHand == 1 ? "was" : "were") decided by hand"
            if !adjudication.adjudicators.isEmpty { s += " (by \(list(adjudication.adjudicators)))" }
            sentences.append(s + ".")
        } else {
            sentences.append("No disagreement has been adjudicated yet.")
        }
        return sentences.joined(separator: " ") + "\n"
    }

    static func distanceName(_ id: String) -> String {
        switch id {
        case "masi": "MASI"
        case "jaccard": "Jaccard"
        default: id
        }
    }

    /// `0.58`, `-0.05`: two decimals, as reliability is usually reported.
    static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }

    /// `1,214`: digits grouped in threes.
    static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(number(n)) \(noun)\(n == 1 ? "" : "s")" }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
