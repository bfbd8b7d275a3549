import ArgumentParser
import LitCoderCore

/// `litcoder summary`: alignment verdicts, cross-tabs and code counts for one scope or every coder.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Count aligned, mismatched and undetermined papers, and every code's use.",
        discussion: "The JSON form is documented in docs/summary.md; the rules in docs/codebook-format.md.")

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var scope: ScopeOptions

    @Flag(name: .long, help: "One block per coder with a log in codings/.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Only this alignment (and the two dimensions it joins).", valueName: "ID"))
    var alignment: String?

    @Option(name: .long, help: "table, markdown, csv, json or latex.")
    var format: ReportFormat = .table

    @Flag(name: .long, help: "In markdown and latex, keep the rows and columns that are all zero (hidden by default).")
    var allCodes = false

    func validate() throws {
        if all && (scope.consensus || scope.coderOption.coder != nil) {
            throw ValidationError("--all reads every coder; leave out --coder and --consensus")
        }
    }

    func run() throws {
        // One coder's log is read while the corpus loads.
        let workspace = try projectOptions.workspace { _ in
            all ? nil : (try? scope.logOwner()).flatMap { $0 == CoderName.consensus ? nil : [$0] }
        }
        defer { ProcessLifetime.keepUntilExit(workspace) }
        try ScopeLoader.checkAlignment(alignment, in: workspace.codebook)
        let owners: [String]
        if all {
            owners = try workspace.project.codersWithCodings()
            if owners.isEmpty {
                throw Failure.data("no coder has a log in \(workspace.project.display(workspace.project.codingsURL)) yet; "
                    + "code some papers first ('litcoder code')")
            }
        } else {
            owners = [try scope.logOwner()]
        }
        var summaries: [Summary] = []
        let plan = workspace.plan().0
        for owner in owners {
            // The consensus as it stands: its open disputes are open, not "not coded".
            let standing = owner == CoderName.consensus ? try ScopeLoader.consensus(in: workspace) : nil
            let state = try standing?.state ?? ScopeLoader.state(of: owner, in: workspace)
            let corpus = standing == nil ? Self.papers(assignedTo: owner, plan: plan, in: workspace.corpus, state: state) : workspace.corpus
            let counts = SummaryCounts(codebook: workspace.codebook, corpus: corpus, state: state)
            var summary = counts.summary(scope: Summary.scope(coder: owner))
                .addingNumbers(from: state, codebook: workspace.codebook, corpus: corpus)
            if corpus.count != workspace.corpus.count {
                // Papers that are someone else's are left out above; only those outside the corpus are reported as such.
                summary.codedPapersOutsideCorpus = Self.codedPapers(of: state).count { !workspace.corpus.contains($0) }
            }
            if let standing {
                summary = summary.markingOpen(standing.progress.open, consensus: state, evaluator: counts.evaluator,
                                              corpus: corpus)
            }
            summaries.append(alignment.flatMap { summary.restricted(toAlignment: $0) } ?? summary)
        }
        Console.write(SummaryReport.render(summaries, format: format, hidingZeros: !allCodes), as: format)
    }

    /// With assignments, a coder's summary counts the papers they are to code (their own and
    /// the calibration papers), as `status` and `agree` do, and says so; else every paper.
    static func papers(assignedTo coder: String, plan: CodingPlan, in corpus: Corpus, state: CodingState) -> Corpus {
        guard let ids = plan.papers(assignedTo: coder, in: corpus) else { return corpus }
        let assigned = Set(ids)
        let others = codedPapers(of: state).count { corpus.contains($0) && !assigned.contains($0) }
        Console.error("note: \(coder)'s \(ids.count) assigned paper\(ids.count == 1 ? "" : "s") of \(corpus.count) (assignments.jsonl)"
            + (others == 0 ? "" : "; left out: \(others) paper\(others == 1 ? "" : "s") \(coder) coded that \(others == 1 ? "is" : "are") assigned to other coders"))
        return Corpus(papers: ids.compactMap(corpus.paper))
    }

    /// The papers `state` gives any code (as `SummaryCounts` counts them).
    static func codedPapers(of state: CodingState) -> [String] {
        var papers: [String] = []
        state.forEachPaper { paper, coding in if !coding.codes.isEmpty { papers.append(paper) } }
        return papers
    }
}
