import Foundation

/// The files beside the corpus and the logs: assignments, rounds and the import history.
extension ProjectValidation {
    /// Each file that exists: lines litcoder cannot read, and papers it names that the corpus
    /// does not have (a warning: such papers are nobody's work).
    mutating func checkPlanAndHistory(of project: Project, corpus: Corpus) {
        let fm = FileManager.default
        if fm.fileExists(atPath: project.assignmentsURL.path) {
            let name = project.display(project.assignmentsURL)
            let (assignments, problems) = Assignments.load(url: project.assignmentsURL, displayPath: name)
            diagnostics += problems
            let missing = assignments.entries.filter { !corpus.contains($0.paper) }.map(\.paper)
            if let first = missing.first {
                diagnostics.append(Diagnostic(file: name, severity: .warning,
                                              message: "\(missing.count) assigned paper(s) are not in the corpus (first: '\(first)')",
                                              hint: "they are nobody's work; were they removed from the corpus on purpose?"))
            }
            let unassigned = corpus.papers.count { !assignments.contains($0.id) }
            checked.append("\(name) (\(assignments.entries.count) papers" + (unassigned > 0 && !assignments.isEmpty ? ", \(unassigned) without coders" : "") + ")")
        }
        if fm.fileExists(atPath: project.roundsURL.path) {
            let name = project.display(project.roundsURL)
            let (rounds, problems) = CalibrationRounds.load(url: project.roundsURL, displayPath: name)
            diagnostics += problems
            for round in rounds.rounds {
                let missing = round.papers.filter { !corpus.contains($0) }
                if let first = missing.first {
                    diagnostics.append(Diagnostic(file: name, severity: .warning,
                                                  message: "round '\(round.name)' names \(missing.count) paper(s) not in the corpus (first: '\(first)')",
                                                  hint: "no coder can code them; they are left out of the round's queue"))
                }
            }
            checked.append("\(name) (\(rounds.rounds.count) round\(rounds.rounds.count == 1 ? "" : "s"))")
        }
        if fm.fileExists(atPath: project.importRecordURL.path) {
            let name = project.display(project.importRecordURL)
            let (history, problems) = ImportHistory.load(url: project.importRecordURL, displayPath: name)
            diagnostics += problems
            checked.append("\(name) (\(history.imports.count) file\(history.imports.count == 1 ? "" : "s") imported, \(history.merges.count) merge\(history.merges.count == 1 ? "" : "s"))")
        }
    }
}
