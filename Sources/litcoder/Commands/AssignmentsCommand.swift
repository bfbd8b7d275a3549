import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder assignments`: which coders code each paper.
struct AssignmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assignments",
        abstract: "List which coders code each paper (assignments.jsonl).",
        discussion: "JSON: {\"assignments\": [{\"paper\": ID, \"coders\": [NAME, …]}, …]}, in the order the papers were assigned.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var projectOptions: ProjectOptions
    @Option(help: "table or json.") var format: Format = .table

    func run() throws {
        let workspace = try projectOptions.workspace()
        let plan = workspace.loadPlan()
        let assignments = plan.assignments
        let corpus = workspace.corpus
        let outside = assignments.entries.filter { !corpus.contains($0.paper) }.map(\.paper)
        if let first = outside.first {
            Console.error("note: \(outside.count) assigned paper\(outside.count == 1 ? " is" : "s are") not in the corpus (first: '\(first)'); they are nobody's work")
        }
        switch format {
        case .json:
            let value = JSONValue.object([("assignments", .array(assignments.entries.map { entry in
                .object([("paper", .string(entry.paper)), ("coders", .array(entry.coders.map { .string($0) }))])
            }))])
            Console.writeJSON(value.rendered() + "\n")
        case .table:
            guard !assignments.isEmpty else {
                Console.print("No paper is assigned: every coder codes every paper. Share them out with 'litcoder assign --coders A,B,C --per-paper 2'.")
                return
            }
            var table = TextTable(header: ["paper", "coders", "title"], maxWidths: [0: 36, 2: 40], rows: [])
            for entry in assignments.entries {
                table.append([entry.paper, entry.coders.joined(separator: ", "), corpus.paper(entry.paper)?.title ?? "(not in the corpus)"])
            }
            var lines = [table.rendered(), ""]
            let unassigned = corpus.papers.filter { !assignments.contains($0.id) && !plan.isCalibration($0.id) }.count
            lines.append("\(assignments.entries.count - outside.count) of \(corpus.count) papers assigned; papers per coder: "
                + Assign.loads(assignments, corpus: corpus))
            if unassigned > 0 { lines.append("\(unassigned) paper\(unassigned == 1 ? " has" : "s have") no coders yet: run 'litcoder assign' to share them out") }
            Console.print(lines.joined(separator: "\n"))
        }
    }
}
