import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder show PAPER`: the paper and one coder's codings of it.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a paper and one coder's codings of it (notes, flag, done); and the codes its aliases suggest.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var coderOption: CoderOption
    @Argument(help: ArgumentHelp("The paper's id.", valueName: "PAPER")) var paper: String
    @Option(help: "text or json.") var format: Format = .text

    func run() throws {
        let coder = try coderOption.resolve()
        let workspace = try projectOptions.workspace()
        guard let found = workspace.corpus.paper(paper) else {
            let error = CodingRequestError.unknownPaper(
                paper, suggestions: DidYouMean.closest(to: paper, among: workspace.corpus.papers.map(\.id), limit: 5),
                known: workspace.corpus.count <= 20 ? workspace.corpus.papers.map(\.id) : nil, count: workspace.corpus.count)
            throw Console.usageError(error.description)
        }
        try workspace.check(coder: coder, for: .reading)
        let (state, problems) = try workspace.state(coder: coder)
        for problem in problems { Console.error(problem.description) }
        let report = PaperReport(paper: found, coder: coder, coding: state.coding(for: paper), codebook: workspace.codebook)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.writeJSON(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
        case .text:
            Console.print(text(report, codebook: workspace.codebook))
        }
    }

    /// `    evidence for CODE: “words” (abstract 12–40)`, one line per quote, with why a stale
    /// one is left out of highlights and exports.
    private func evidenceLines(_ coding: PaperReport.Coding, dimension: LitCoderCore.Dimension, paper: Paper) -> [String] {
        guard let byCode = coding.evidence?[dimension.id] else { return [] }
        var lines: [String] = []
        for code in coding.codes[dimension.id] ?? [] {
            for record in byCode[code] ?? [] {
                var line = "    evidence for \(code): “\(EvidenceQuote.displayText(record.quote))” (\(record.field) \(record.start)–\(record.end))"
                if record.stale {
                    let quote = EvidenceQuote(field: PaperField(rawValue: record.field) ?? .abstract, start: record.start,
                                              end: record.end, text: record.quote, fieldHash: record.hash)
                    line += " — STALE: " + QuoteCheck.staleMessage(quote, standing: QuoteCheck(paper: paper).standing(of: quote), paper: paper.id)
                } else if record.fieldChanged {
                    line += " (the \(record.field) changed since; these words are still there)"
                }
                lines.append(line)
            }
        }
        return lines
    }

    private func text(_ report: PaperReport, codebook: Codebook) -> String {
        let p = report.paper
        var lines = ["\(p.id): \(p.title)"]
        let byline = [p.authors.joined(separator: "; "), p.year.map(String.init), p.venue].compactMap { $0 }.filter { !$0.isEmpty }
        if !byline.isEmpty { lines.append(byline.joined(separator: " · ")) }
        if let doi = p.doi { lines.append("doi: \(doi)") }
        if !p.abstract.isEmpty { lines += ["", p.abstract] }
        if !p.keywords.isEmpty { lines += ["", "keywords: " + p.keywords.joined(separator: ", ")] }
        lines += ["", "Coded by \(report.coder):"]
        let coding = report.coding
        for dimension in codebook.dimensions {
            let value: String
            if !dimension.takesCodes {
                value = coding.texts[dimension.id] ?? "—"
            } else {
                let codes = coding.codes[dimension.id] ?? []
                value = codes.isEmpty ? "—" : codes.joined(separator: ", ")
            }
            lines.append("  \(dimension.id): \(value)")
            lines += evidenceLines(coding, dimension: dimension, paper: p)
        }
        for (dimension, codes) in coding.codes.sorted(by: { $0.key < $1.key }) where codebook.dimension(dimension) == nil {
            lines.append("  \(dimension): \(codes.joined(separator: ", ")) (not in the codebook any more)")
        }
        if !coding.note.isEmpty { lines.append("  note: \(coding.note)") }
        lines.append("  flagged: \(coding.flagged ? "yes" : "no"), done: \(coding.done ? "yes" : "no")")
        let suggested = codebook.dimensions.compactMap { dimension in
            report.suggestions[dimension.id].flatMap { $0.isEmpty ? nil : "  \(dimension.id): \($0.joined(separator: ", "))" }
        }
        if !suggested.isEmpty {
            lines += ["", "Suggested by the codebook's aliases (not codings):"] + suggested
        }
        return lines.joined(separator: "\n")
    }
}
