import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder status`: papers, every coder's progress counts and the health of their logs.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show how far coding has come: progress per coder and the health of the logs (never anyone's codes).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var projectOptions: ProjectOptions
    @Option(help: "table or json.") var format: Format = .table

    func run() throws {
        // Every log is read while the corpus loads.
        let workspace = try projectOptions.workspace(replaying: ProjectStatus.logsRead(in:))
        defer { ProcessLifetime.keepUntilExit(workspace) }
        let status: ProjectStatus
        let problems: [Diagnostic]
        do {
            (status, problems) = try ProjectStatus.gather(workspace)
        } catch {
            throw Failure.data("\(error)")
        }
        for problem in problems { Console.error(problem.description) }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.writeJSON(String(decoding: try encoder.encode(status), as: UTF8.self) + "\n")
        case .table:
            Console.print(StatusTable.render(status))
        }
        // A log that cannot be read is an error (named above), even though the rest was shown.
        if !status.unreadableLogs.isEmpty { throw ExitCode(1) }
    }
}

/// The table form of `ProjectStatus`, for people.
enum StatusTable {
    static func render(_ status: ProjectStatus) -> String {
        var lines: [String] = []
        lines.append("\(status.project): \(status.papers.counted("paper")); codebook \(status.codebook.id) \(status.codebook.version) (\(status.codebook.hash))")
        var all = status.coders
        if let consensus = status.consensus { all.append(consensus) }
        if all.isEmpty && status.unreadableLogs.isEmpty {
            lines.append("")
            lines.append("No codings yet.")
        } else {
            // With assignments, each coder's counts are over their own papers.
            let assigned = all.contains { $0.assigned != nil }
            let header = ["coder"] + (assigned ? ["assigned"] : []) + ["events", "coded", "done", "flagged", "log"]
            var rows = [header]
            for coder in all {
                let of = coder.assigned ?? status.papers
                let state = coder.needsAttention ? "needs attention" : (coder.hasCodings ? "ok" : "no codings yet")
                rows.append([coder.coder] + (assigned ? [coder.assigned.map(String.init) ?? "-"] : [])
                            + ["\(coder.events)", "\(coder.coded)/\(of)", "\(coder.done)", "\(coder.flagged)", state])
            }
            for log in status.unreadableLogs {
                rows.append([log.coder, "?", "?", "?", "?", "cannot be read"])
            }
            lines.append("")
            lines += table(rows)
            if assigned {
                lines.append("")
                lines.append("coded, done and flagged count each coder's assigned and calibration papers (litcoder assignments)")
            }
            for coder in all where coder.needsAttention {
                lines.append("")
                lines.append("\(coder.coder):")
                lines += healthLines(coder).map { "  " + $0 }
            }
            if !status.unreadableLogs.isEmpty {
                lines.append("")
                lines.append("Logs that cannot be read are errors (see the messages above); they are not counted here.")
            }
            if let counts = status.consensusProgress {
                lines.append("")
                lines.append("Consensus (paper × dimension decisions, against \(counts.coders.isEmpty ? "no coders" : counts.coders.joined(separator: ", "))):")
                // Adjudicated and open add up to the disagreements; decisions by hand where the
                // coders now agree are counted apart.
                lines.append("  \(counts.agreed) agreed, \(counts.adjudicated) adjudicated by hand, \(counts.open) open "
                             + "(of \(counts.disagreements) disagreement\(counts.disagreements == 1 ? "" : "s"))")
                if counts.byHandOnAgreements > 0 {
                    lines.append("  \(counts.byHandOnAgreements) more decided by hand where the coders now agree")
                }
                if counts.staleByHand > 0 {
                    let n = counts.staleByHand
                    lines.append("  \(n) decided by hand with another value than the one the coders now agree on "
                                 + "(never changed automatically); to decide \(n == 1 ? "it" : "them") again: litcoder review")
                }
                if counts.agreedNotTaken > 0 {
                    lines.append("  \(counts.agreedNotTaken) agreement\(counts.agreedNotTaken == 1 ? "" : "s") not taken yet: litcoder consensus --auto-agreed")
                }
                if counts.open > 0 { lines.append("  to decide the open ones: litcoder review") }
            }
        }
        lines.append("")
        lines.append("To code:      litcoder code [--coder NAME]   (the workbench)")
        lines.append("From scripts: litcoder set PAPER DIM=CODE[,CODE…] [--note TEXT] [--flag] [--done] --coder NAME")
        return lines.joined(separator: "\n")
    }

    private static func healthLines(_ coder: ProjectStatus.CoderProgress) -> [String] {
        var lines: [String] = []
        if coder.unlisted {
            lines.append("not listed under 'coders:' in litcoder.yaml"
                + (coder.hasCodings ? ", yet compared as a coder" : "")
                + ": add '\(coder.coder)' there, or, if the name is a slip, move codings/\(coder.coder).jsonl out of codings/ "
                + "('litcoder validate' says more)")
        }
        let health = coder.health
        if let line = health.tornLine { lines.append("unfinished last line \(line) (set aside when \(coder.coder) next codes)") }
        if let aside = health.tornSetAsideTo { lines.append("an unfinished last line was moved to codings/\(aside)") }
        if health.malformedLines > 0 { lines.append("\(health.malformedLines.counted("malformed line")) kept in place (see the messages above)") }
        if health.newerSchemaLines > 0 { lines.append("\(health.newerSchemaLines.counted("event")) from a newer litcoder, left out; update litcoder") }
        if health.sequenceProblems > 0 { lines.append("\(health.sequenceProblems.counted("gap or repeat", plural: "gaps or repeats")) in seq") }
        if coder.unknownPapers > 0 {
            lines.append(coder.unknownPapers == 1 ? "1 coded paper is not in the corpus"
                                                  : "\(coder.unknownPapers) coded papers are not in the corpus")
        }
        if coder.stale.papers > 0 {
            let papers = coder.stale.papers == 1 ? "1 paper holds" : "\(coder.stale.papers) papers hold"
            lines.append("\(papers) codes the codebook does not have (dimensions: \(coder.stale.dimensions.joined(separator: ", "))); "
                         + "'litcoder validate' lists them; a renamed code says 'replaces: [old-id]' in the codebook, others are recoded")
        }
        if coder.doneWithRequiredEmpty > 0 {
            let papers = coder.doneWithRequiredEmpty == 1 ? "1 paper is" : "\(coder.doneWithRequiredEmpty) papers are"
            lines.append("\(papers) marked done with a required dimension empty; 'litcoder validate' lists them")
        }
        return lines
    }

    private static func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 || column == row.count - 1 ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
