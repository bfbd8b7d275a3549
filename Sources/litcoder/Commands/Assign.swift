import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder assign`: shares the corpus out among the coders, or hands a leaving coder's
/// uncoded papers to another.
struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Give each paper to some of the coders, with an overlap every coder codes; or --reassign a coder's uncoded papers.",
        discussion: """
            Each paper goes to --per-paper of the --coders, balanced so that every coder's load is within one of \
            the others' where the numbers allow; --overlap percent of the papers (rounded) go to all of them, for \
            agreement. The same papers, coders and --seed give the same assignments on every machine. Running it \
            again (after an import) assigns only the papers that have no coders yet, with the options last used \
            unless new ones are given; an assigned paper never moves. Calibration papers (litcoder round) are every \
            coder's and are left out. Writes assignments.jsonl (docs/file-formats.md).
            """)

    @OptionGroup var projectOptions: ProjectOptions

    @Option(help: ArgumentHelp("The coders to share the papers among (default: the last run's, else 'coders' in litcoder.yaml).", valueName: "A,B,…"))
    var coders: String?

    @Option(name: .customLong("per-paper"), help: ArgumentHelp("How many of them code each paper (default: the last run's, else 2).", valueName: "N"))
    var perPaper: Int?

    @Option(help: ArgumentHelp("Percent of the papers every one of them codes (default: the last run's, else 0).", valueName: "PERCENT"))
    var overlap: Int?

    @Option(help: ArgumentHelp("Seed of the draw (default: the last run's, else 1).", valueName: "N"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Hand this coder's papers they have not coded to --to (papers they coded stay theirs).", valueName: "CODER"))
    var reassign: String?

    @Option(help: ArgumentHelp("Who takes over the papers of --reassign.", valueName: "CODER"))
    var to: String?

    @OptionGroup var newCoderOption: NewCoderOption

    func validate() throws {
        if reassign != nil || to != nil {
            guard let reassign, let to else { throw ValidationError("--reassign FROM needs --to TO, and --to needs --reassign") }
            if coders != nil || perPaper != nil || overlap != nil || seed != nil {
                throw ValidationError("--reassign moves papers already assigned; give --coders, --per-paper, --overlap and --seed in a separate run")
            }
            for name in [reassign, to] { if let problem = CoderName.problem(with: name) { throw ValidationError(problem) } }
            if reassign == to { throw ValidationError("--reassign and --to name the same coder") }
        }
        if let perPaper, perPaper < 1 { throw ValidationError("--per-paper must be 1 or more") }
        if let overlap, !(0...100).contains(overlap) { throw ValidationError("--overlap is a percentage, from 0 to 100") }
    }

    func run() throws {
        let workspace = try projectOptions.workspace()
        let project = workspace.project
        let plan = workspace.loadPlan()
        let file = project.display(project.assignmentsURL)
        if let reassign, let to {
            try workspace.check(coder: to, for: .writing(allowingNew: newCoderOption.newCoder))
            try handOver(from: reassign, to: to, plan: plan, workspace: workspace, file: file)
            return
        }
        let last = plan.assignments.settings
        let names: [String]
        if let coders {
            names = coders.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            // A mistyped name would be given papers nobody codes.
            try workspace.check(coders: names.filter { CoderName.problem(with: $0) == nil },
                                for: .writing(allowingNew: newCoderOption.newCoder))
        } else if let last {
            names = last.coders
        } else if let listed = project.coders, !listed.isEmpty {
            names = listed
        } else {
            throw ValidationError("name the coders: --coders ann,bob,cy (or list them under 'coders:' in litcoder.yaml)")
        }
        let request = AssignmentPlanner.Request(
            coders: names, perPaper: perPaper ?? last?.perPaper ?? min(2, names.count),
            overlap: overlap ?? last?.overlap ?? 0, seed: seed ?? last?.seed ?? 1)
        if let problem = AssignmentPlanner.problem(with: request) { throw ValidationError(problem) }

        let papers = workspace.corpus.papers.map(\.id)
        let outcome = AssignmentPlanner.assign(request, papers: papers, existing: plan.assignments,
                                               skipping: Set(plan.rounds.papers))
        let changed = outcome.assignments != plan.assignments
        if changed {
            do { try outcome.assignments.write(to: project.assignmentsURL) } catch { throw Failure.data("\(error)") }
        }
        let how = "\(request.perPaper) per paper, overlap \(request.overlap)%, seed \(request.seed)"
        if outcome.assigned.isEmpty {
            Console.print("\(file): every paper has its coders already; nothing to assign"
                + (changed ? " (the new settings, \(how), apply to papers imported later)" : ""))
        } else {
            let count = outcome.assigned.count
            let shared = outcome.overlapping.count
            var line = "\(file): assigned \(count) paper\(count == 1 ? "" : "s") among \(request.coders.joined(separator: ", ")) (\(how))"
            if shared > 0, request.perPaper < request.coders.count {
                line += ": \(shared) to all \(request.coders.count) for the overlap, \(count - shared) to \(request.perPaper) each"
            }
            Console.print(line)
        }
        let calibration = plan.rounds.papers.filter { workspace.corpus.contains($0) && !plan.assignments.contains($0) }.count
        if calibration > 0 {
            Console.print("\(calibration) calibration paper\(calibration == 1 ? " is" : "s are") every coder's and not assigned (litcoder round list)")
        }
        Console.print("papers per coder: " + Self.loads(outcome.assignments, corpus: workspace.corpus))
    }

    /// `ann 30, bob 29, cy 29`: each coder's assigned papers in the corpus.
    static func loads(_ assignments: Assignments, corpus: Corpus) -> String {
        var load: [String: Int] = [:]
        for entry in assignments.entries where corpus.contains(entry.paper) {
            for coder in entry.coders { load[coder, default: 0] += 1 }
        }
        let order = (assignments.settings?.coders ?? []) + load.keys.sorted().filter { !(assignments.settings?.coders ?? []).contains($0) }
        return order.map { "\($0) \(load[$0] ?? 0)" }.joined(separator: ", ")
    }

    private func handOver(from: String, to: String, plan: CodingPlan, workspace: Workspace, file: String) throws {
        guard plan.assignments.coders.contains(from) else {
            let known = plan.assignments.coders
            throw ValidationError("'\(from)' has no assigned papers; "
                + (known.isEmpty ? "nothing is assigned yet (run 'litcoder assign --coders …' first)"
                                 : (DidYouMean.phrase(for: from, among: known).map { "\($0); " } ?? "")
                                   + "the assigned coders are \(known.joined(separator: ", "))"))
        }
        var coded: Set<String> = []
        if FileManager.default.fileExists(atPath: workspace.project.logURL(coder: from).path) {
            let (state, problems) = try workspace.state(coder: from)
            for problem in problems { Console.error(problem.description) }
            state.forEachPaper { paper, coding in if coding.isCoded || coding.done { coded.insert(paper) } }
        }
        let result = AssignmentPlanner.reassign(from: from, to: to, in: plan.assignments) { coded.contains($0) }
        if result.assignments != plan.assignments {
            do { try result.assignments.write(to: workspace.project.assignmentsURL) } catch { throw Failure.data("\(error)") }
        }
        var line = "\(file): handed \(result.moved.count) of \(from)'s uncoded papers to \(to)"
        if !result.left.isEmpty { line += "; \(from) left \(result.left.count) that \(to) codes already" }
        line += "; \(from) keeps the \(result.kept.count) paper\(result.kept.count == 1 ? "" : "s") \(from) has coded"
        Console.print(line)
        Console.print("papers per coder: " + Self.loads(result.assignments, corpus: workspace.corpus))
    }
}
