import ArgumentParser
import LitCoderCore

/// `litcoder agree`: inter-coder agreement per dimension (see docs/agreement.md).
struct Agree: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Inter-coder agreement per dimension: % agreement, Krippendorff's α with a bootstrap 95% CI, Cohen's/Fleiss' κ; --pairs for every pair of coders.",
        discussion: "Definitions, missing data and the bootstrap procedure: docs/agreement.md.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, csv, json }
    enum Distance: String, ExpressibleByArgument, CaseIterable { case masi, jaccard }

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var codersOption: CodersOption
    @OptionGroup var dimensionOption: DimensionOption
    @Option(help: "Set distance for multi-select dimensions.")
    var distance: Distance = .masi
    @Option(name: .customLong("bootstrap"), help: ArgumentHelp("Bootstrap replicates for α's 95% CI; 0 for none.", valueName: "N"))
    var resamples = 1_000
    @Option(help: ArgumentHelp("Seed of the bootstrap's random numbers; the same seed gives the same interval.", valueName: "S"))
    var seed: UInt64 = 1
    @Option(help: "Output format.")
    var format: Format = .table
    @Option(name: .customLong("codebook-version"), help: CodersOption.codebookVersionHelp)
    var codebookVersion: String?
    @Flag(help: "Also every pair of the coders: α, and Cohen's κ on single-choice dimensions (with --format csv, the pairs' table alone).")
    var pairs = false
    @OptionGroup var roundOption: RoundOption
    @Flag(name: .customLong("by-round"), help: "α per calibration round and dimension (litcoder round list), to see whether codebook changes between rounds helped.")
    var byRound = false

    func validate() throws {
        guard resamples >= 0 else { throw ValidationError("--bootstrap must be 0 or more") }
        if byRound && roundOption.round != nil { throw ValidationError("give either --round NAME or --by-round, not both") }
        if byRound && pairs { throw ValidationError("--by-round gives α per round for all coders together; leave out --pairs") }
        _ = try codersOption.given()
    }

    func run() throws {
        // Agreement is computed from the codebook and the logs alone: the papers are not read.
        let workspace = try projectOptions.workspaceWithoutCorpus()
        let dimensions = try dimensionOption.chosen(in: workspace.codebook)
        let plan = workspace.loadPlan()
        let round = try roundOption.chosen(in: plan)
        let loaded = try codersOption.states(in: workspace, codebookVersion: codebookVersion)
        let options = AgreementReport.Options(
            dimensions: dimensions, setDistance: distance == .masi ? .masi : .jaccard, resamples: resamples, seed: seed,
            pairs: pairs)
        if plan.hasAssignments {
            Console.error("note: each paper's codings are compared among the coders assigned to it (assignments.jsonl)")
        }
        if byRound {
            guard !plan.rounds.isEmpty else {
                throw Failure.data("there are no calibration rounds; add one with 'litcoder round add NAME --sample K'")
            }
            let rounds = RoundAgreement(codebook: workspace.codebook, states: plan.compared(loaded), plan: plan, options: options)
            switch format {
            case .table: Console.print(rounds.table())
            case .markdown: Console.print(rounds.markdown())
            case .csv: Console.writeCSV(rounds.csv() + "\n")
            case .json: Console.writeJSON(rounds.json() + "\n")
            }
            return
        }
        let states = plan.compared(loaded, round: round)
        let report = AgreementReport(codebook: workspace.codebook, states: states, options: options)
        switch format {
        case .table: Console.print(report.table())
        case .markdown: Console.print(report.markdown())
        case .csv: Console.writeCSV(report.csv() + "\n")
        case .json: Console.writeJSON(report.json() + "\n")
        }
    }
}
