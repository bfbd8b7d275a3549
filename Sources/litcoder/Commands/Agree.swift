import ArgumentParser
import LitCoderCore

/// `litcoder agree`: inter-coder agreement per dimension (see docs/agreement.md).
struct Agree: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    func validate() throws {
        guard resamples >= 0 else { throw ValidationError("--bootstrap must be 0 or more") }
        _ = try codersOption.given()
    }

    func run() throws {
        let workspace = try projectOptions.workspace()
        let dimensions = try dimensionOption.chosen(in: workspace.codebook)
        let states = try codersOption.states(in: workspace, codebookVersion: codebookVersion)
        if let codebookVersion {
            Console.error("note: only codings made under codebook \(codebookVersion) are compared")
        }
        let options = AgreementReport.Options(
            dimensions: dimensions, setDistance: distance == .masi ? .masi : .jaccard, resamples: resamples, seed: seed,
            pairs: pairs)
        let report = AgreementReport(codebook: workspace.codebook, states: states, options: options)
        switch format {
        case .table: Console.print(report.table())
        case .markdown: Console.print(report.markdown())
        case .csv: Console.print(report.csv())
        case .json: Console.print(report.json())
        }
    }
}
