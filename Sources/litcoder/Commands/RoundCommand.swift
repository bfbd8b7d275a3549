import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder round`: calibration rounds, sets of papers every coder codes first.
struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: "Calibration rounds: papers every coder codes first, to compare agreement round by round.",
        discussion: "Rounds are kept in rounds.jsonl (docs/file-formats.md). 'litcoder agree --round NAME' and '--by-round' compare them.",
        subcommands: [RoundAddCommand.self, RoundListCommand.self])
}

/// `litcoder round add NAME --papers ID,… | --sample K [--seed S]`.
struct RoundAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Name a set of papers every coder codes first (they lead every queue until done).")

    @OptionGroup var projectOptions: ProjectOptions

    @Argument(help: ArgumentHelp("The round's name: lower-case letters, digits and . _ : -.", valueName: "NAME"))
    var name: String

    @Option(help: ArgumentHelp("The round's papers, comma-separated.", valueName: "ID,ID,…"))
    var papers: String?

    @Option(help: ArgumentHelp("Draw K papers at random from those in no round yet, instead of --papers.", valueName: "K"))
    var sample: Int?

    @Option(help: ArgumentHelp("Seed of the --sample draw; the same seed draws the same papers.", valueName: "S"))
    var seed: UInt64 = 1

    func validate() throws {
        if let problem = CalibrationRounds.problem(withName: name) { throw ValidationError(problem) }
        switch (papers, sample) {
        case (nil, nil): throw ValidationError("give the round's papers with --papers ID,ID,… or draw them with --sample K")
        case (.some, .some): throw ValidationError("give either --papers or --sample, not both")
        default: break
        }
        if let sample, sample < 1 { throw ValidationError("--sample must be 1 or more") }
    }

    func run() throws {
        let workspace = try projectOptions.workspace()
        let project = workspace.project
        let plan = workspace.loadPlan()
        let corpus = workspace.corpus
        if plan.rounds.round(named: name) != nil {
            throw ValidationError("there is a round '\(name)' already; choose another name (litcoder round list)")
        }
        let taken = Set(plan.rounds.papers)
        let chosen: [String]
        var drawn: CalibrationRounds.Round.Sample?
        if let sample {
            let candidates = corpus.papers.map(\.id).filter { !taken.contains($0) }
            guard sample <= candidates.count else {
                throw ValidationError("--sample \(sample) is more than the \(candidates.count) papers in no round yet")
            }
            chosen = CalibrationRounds.sample(sample, from: candidates, seed: seed)
            drawn = .init(size: sample, seed: seed)
        } else {
            let listed = (papers ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !listed.isEmpty else { throw ValidationError("--papers lists no paper") }
            var seen = Set<String>()
            for id in listed {
                guard corpus.contains(id) else {
                    let hint = DidYouMean.phrase(for: id, among: corpus.papers.map(\.id)).map { "; \($0)" } ?? ""
                    throw ValidationError("no paper '\(id)' in the corpus\(hint)")
                }
                guard seen.insert(id).inserted else { throw ValidationError("--papers names '\(id)' twice") }
                if taken.contains(id) {
                    throw ValidationError("paper '\(id)' is in round '\(plan.rounds.rounds(containing: id).first ?? "")' already; a paper belongs to one round")
                }
            }
            chosen = listed
        }
        var rounds = plan.rounds
        rounds.add(CalibrationRounds.Round(name: name, papers: chosen, sample: drawn))
        do { try rounds.write(to: project.roundsURL) } catch { throw Failure.data("\(error)") }
        Console.print("\(project.display(project.roundsURL)): round '\(name)' with \(chosen.count) paper\(chosen.count == 1 ? "" : "s")"
            + (drawn.map { " drawn with seed \($0.seed)" } ?? "")
            + "; they lead every coder's queue until the coder marks them done")
        Console.print("compare the coders on them with: litcoder agree --round \(name)")
    }
}

/// `litcoder round list`.
struct RoundListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the calibration rounds and how far each coder has come in them.",
        discussion: "JSON: {\"rounds\": [{\"round\": NAME, \"papers\": [ID, …], \"done\": {CODER: N, …}}, …]}.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var projectOptions: ProjectOptions
    @Option(help: "table or json.") var format: Format = .table

    func run() throws {
        let workspace = try projectOptions.workspace()
        let plan = workspace.loadPlan()
        let coders = try workspace.project.codersWithCodings()
        var states: [CodingState] = []
        for coder in coders {
            do { states.append(try workspace.state(coder: coder).0) } catch { throw Failure.data("\(error)") }
        }
        func done(_ round: CalibrationRounds.Round, _ state: CodingState) -> Int {
            round.papers.count { state.coding(for: $0).done }
        }
        switch format {
        case .json:
            let value = JSONValue.object([("rounds", .array(plan.rounds.rounds.map { round in
                .object([("round", .string(round.name)), ("papers", .array(round.papers.map { .string($0) })),
                         ("done", .object(states.map { ($0.coder, .int(done(round, $0))) }))])
            }))])
            Console.writeJSON(value.rendered() + "\n")
        case .table:
            guard !plan.rounds.isEmpty else {
                Console.print("No calibration rounds yet. Add one with 'litcoder round add pilot --sample 20'.")
                return
            }
            var table = TextTable(header: ["round", "papers", "chosen"] + states.map { "\($0.coder) done" },
                                  rightAligned: Set([1] + states.indices.map { $0 + 3 }))
            for round in plan.rounds.rounds {
                let chosen = round.sample.map { "drawn, seed \($0.seed)" } ?? "listed"
                table.append([round.name, String(round.papers.count), chosen] + states.map { String(done(round, $0)) })
            }
            Console.print(table.rendered())
        }
    }
}
