import LitCoderCore

extension Workspace {
    /// Opens a coder's (or the consensus) log for a command that writes to it: the lock taken,
    /// what loading found (a torn tail set aside, malformed lines) printed to standard error,
    /// and a log that cannot be opened turned into a data error naming it.
    func openLogForWriting(coder: String) throws -> CodingLog {
        let log: CodingLog
        do {
            log = try openLog(coder: coder)
        } catch {
            throw Failure.data("\(error)")
        }
        for diagnostic in log.diagnostics { Console.error(diagnostic.description) }
        return log
    }
}

extension Workspace {
    /// The coding plan (assignments, rounds, order), its files' problems printed to standard error.
    func loadPlan() -> CodingPlan {
        let (plan, problems) = plan()
        for problem in problems { Console.error(problem.description) }
        return plan
    }
}
