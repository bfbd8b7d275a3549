import Foundation

/// The `methods` export: a Markdown paragraph for a paper's methods section, every number
/// taken from `ProjectReport` (so from the code behind `agree` and `summary`).
///
/// It states what a reviewer asks for (Krippendorff 2004, ch. 11; O'Connor & Joffe 2020):
/// how many papers were coded and by whom, how many were coded twice, α per dimension with
/// its 95% interval and the distance used, how missing codings were treated, how far the
/// disagreements were settled (never "resolved" while any is open), and which codebook
/// (version and content hash) the codings were made under.
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
                    + "\(count(report.doubleCoded, "paper")) \(report.doubleCoded == 1 ? "was" : "were") coded by two or more "
                    + (report.followsAssignments ? "of the coders assigned to \(report.doubleCoded == 1 ? "it" : "them")." : "coders."))
        }
        let measured = report.agreement?.dimensions.filter { $0.units > 0 } ?? []
        if let agreement = report.agreement, !measured.isEmpty {
            let level = Int((agreement.options.level * 100).rounded())
            var how = "Inter-coder agreement was measured with Krippendorff\u{2019}s \u{3B1}"
            how += " (" + distancePhrase(measured) + ")"
            if agreement.options.resamples > 0 {
                how += ", with \(level)% confidence intervals from \(number(agreement.options.resamples)) bootstrap replicates "
                    + "(Hayes & Krippendorff 2007; seed \(agreement.options.seed))"
            }
            let parts = measured.map { dimension -> String in
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
            if measured.contains(where: { $0.kind == .text }) {
                sentences.append("Free-text answers were compared after Unicode (NFC) normalisation, case folding and collapsing white space.")
            }
            let notCoded = measured.reduce(0) { $0 + $1.notCoded }
            if notCoded > 0 {
                sentences.append("On \(number(notCoded)) paper × dimension pair\(notCoded == 1 ? "" : "s") a coder left the dimension empty "
                    + "while another coder of the paper coded it; \(notCoded == 1 ? "this empty coding was" : "these empty codings were") counted as missing values.")
            }
        } else if coderNames.count < 2 {
            sentences.append("Agreement could not be measured: it needs at least two coders.")
        }
        if let agreement = report.agreement {
            let unmeasured = agreement.dimensions.filter { $0.units == 0 }.map(\.label)
            if !unmeasured.isEmpty {
                sentences.append("\(capitalised(list(unmeasured))) \(unmeasured.count == 1 ? "was" : "were") not coded by two coders on any paper, so no agreement is reported for \(unmeasured.count == 1 ? "it" : "them").")
            }
        }
        if let progress = report.consensusProgress {
            if let consensus = report.consensus, progress.decided > 0 {
                // The consensus is always measured against every coder with codings; when the
                // agreement above compares others, say against whom.
                let against = Set(report.consensusCoders) == Set(coderNames) ? ""
                    : ", measured against every coder with codings (\(list(report.consensusCoders))),"
                var s = "The consensus coding\(against) covers \(count(consensus.coded, "paper")): "
                    + "\(count(progress.agreed, "decision")) on a paper\u{2019}s dimension \(progress.agreed == 1 ? "was" : "were") "
                    + "taken where all coders agreed, and \(number(progress.byHand)) \(progress.byHand == 1 ? "was" : "were") made by an adjudicator"
                if !progress.adjudicators.isEmpty { s += " (\(list(progress.adjudicators)))" }
                sentences.append(s + ".")
            } else {
                sentences.append("No consensus has been adjudicated yet.")
            }
            sentences.append(progress.disagreementSentence)
            if progress.agreedNotTaken > 0 {
                sentences.append("\(capitalised(count(progress.agreedNotTaken, "agreement"))) \(progress.agreedNotTaken == 1 ? "is" : "are") not yet in the consensus.")
            }
        }
        return sentences.joined(separator: " ") + "\n"
    }

    /// `nominal distance`, or which distance each kind of dimension got: `nominal distance for
    /// single-choice and free-text dimensions, MASI distance for multi-select ones`.
    static func distancePhrase(_ dimensions: [DimensionAgreement]) -> String {
        var kinds: [(distance: String, kinds: [String])] = []
        for dimension in dimensions {
            let kind = switch dimension.kind {
            case .single: dimension.ordered ? "ordered scales" : "single-choice"
            case .multi: "multi-select"
            case .text: "free-text"
            case .number: "numbers"
            }
            if let i = kinds.firstIndex(where: { $0.distance == dimension.distance }) {
                if !kinds[i].kinds.contains(kind) { kinds[i].kinds.append(kind) }
            } else {
                kinds.append((dimension.distance, [kind]))
            }
        }
        if kinds.count == 1, let only = kinds.first { return "\(distanceName(only.distance)) distance" }
        return kinds.enumerated().map { i, entry in
            let named = list(entry.kinds)
            let noun = entry.kinds.last.map { $0 == "ordered scales" || $0 == "numbers" ? "" : (i == 0 ? " dimensions" : " ones") } ?? ""
            return "\(distanceName(entry.distance)) distance for \(named)\(noun)"
        }.joined(separator: ", ")
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
