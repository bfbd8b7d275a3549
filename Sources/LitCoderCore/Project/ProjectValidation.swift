import Foundation

/// Every problem in a project's files: the codebook, the corpus, the coding logs, and codings
/// the current codebook or corpus no longer accounts for. What `litcoder validate` reports.
public struct ProjectValidation: Sendable {
    /// Every problem found, file by file, in the order the files were checked.
    public var diagnostics: [Diagnostic] = []
    /// What was checked, for the summary line ("codebooks/ser.yaml (8 dimensions, 136 codes)").
    public var checked: [String] = []

    public init() {}

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var hasErrors: Bool { errorCount > 0 }

    /// One line: what was checked and how many errors and warnings it has.
    public var summary: String {
        let what = checked.isEmpty ? "" : "checked " + checked.joined(separator: ", ") + ": "
        if errorCount == 0, warningCount == 0 { return what + "no problems" }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return what + count(errorCount, "error") + ", " + count(warningCount, "warning")
    }

    /// Validates a codebook file on its own.
    public static func codebook(at url: URL, displayName: String? = nil) -> (ProjectValidation, Codebook?) {
        var validation = ProjectValidation()
        let codebook = validation.checkCodebook(at: url, displayName: displayName ?? url.path)
        return (validation, codebook)
    }

    /// Validates everything a project holds.
    public static func project(_ project: Project) -> ProjectValidation {
        var validation = ProjectValidation()
        validation.checked.append(Project.fileName)
        let codebook = validation.checkCodebook(at: project.codebookURL, displayName: project.display(project.codebookURL))
        // The logs are read while the corpus loads (they need it only at the end); the
        // diagnostics still come file by file, in the order the files are checked.
        let listing = project.logListing()
        var coders = listing.coders
        if !listing.unreadableOwners.contains(CoderName.consensus), project.hasLogFile(CoderName.consensus) {
            coders.append(CoderName.consensus)
        }
        nonisolated(unsafe) var loaded: (Corpus, [Diagnostic])?
        let logs = ParallelChunks.map(count: coders.count + 1, minimumChunk: 1) { index -> Result<LogCheck, any Error>? in
            guard index > 0 else {
                loaded = Corpus.load(files: project.corpusURLs, displayName: project.display)
                return nil
            }
            let url = project.logURL(coder: coders[index - 1])
            return Result {
                try LogCheck(url, coder: coders[index - 1], displayPath: project.display(url), codebook: codebook,
                             snapshots: project.snapshots)
            }
        }.dropFirst().compactMap { $0 }
        let (corpus, corpusDiagnostics) = loaded ?? (Corpus(), [])
        validation.diagnostics += corpusDiagnostics
        let files = project.corpusURLs.count
        validation.checked.append("\(files) corpus file\(files == 1 ? "" : "s") (\(corpus.count.counted("paper")))")
        validation.checkLogs(of: project, listing: listing, coders: coders, logs: logs, codebook: codebook, corpus: corpus)
        validation.checkPlanAndHistory(of: project, corpus: corpus)
        return validation
    }

    private mutating func checkCodebook(at url: URL, displayName: String) -> Codebook? {
        let (codebook, found) = CodebookLoader.load(url: url, displayName: displayName)
        diagnostics += found
        if let codebook {
            let codes = codebook.dimensions.reduce(0) { $0 + $1.codes.count }
            checked.append("\(displayName) (\(codebook.dimensions.count) dimensions, \(codes) codes)")
        } else {
            checked.append(displayName)
        }
        return codebook
    }

    /// The coders' logs and the consensus log (`coders`, each read into `logs`): malformed
    /// lines, torn tails, stale codings.
    private mutating func checkLogs(of project: Project, listing: LogListing, coders: [String],
                                    logs: [Result<LogCheck, any Error>], codebook: Codebook?, corpus: Corpus) {
        diagnostics += listing.unreadable
        let roster = CoderRoster(listed: project.coders, withLogs: listing.coders, assigned: [])
        var eventCount = 0
        for (coder, read) in zip(coders, logs) {
            let url = project.logURL(coder: coder)
            let name = project.display(url)
            let log: LogCheck
            do {
                log = try read.get()
            } catch let error as CodingLogError {
                diagnostics.append(Diagnostic(file: name, message: "the log cannot be read: \(error.problem)"))
                continue
            } catch {
                diagnostics.append(Diagnostic(file: name, message: "the log cannot be read: \(error)"))
                continue
            }
            let contents = log.contents
            eventCount += log.events
            if let warning = roster.unlistedWarning(coder: coder, file: name, hasCodings: log.hasCodings) {
                diagnostics.append(warning)
            }
            for var diagnostic in contents.diagnostics {
                if diagnostic.file == url.path { diagnostic.file = name }
                diagnostics.append(diagnostic)
            }
            guard let codebook, let finder = log.finder else { continue }
            for stale in finder.stale(corpus: corpus) {
                let recode = "recode it (litcoder set \(stale.paper) \(stale.dimension)=… --coder \(coder)); the old event is kept"
                let hint: String
                switch stale.problem {
                case .unknownPaper:
                    hint = "was the paper's id changed or its corpus file removed from litcoder.yaml? the coding is kept"
                case .unknownCodes(let codes):
                    hint = "if the code was renamed, add 'replaces: [\(codes.joined(separator: ", "))]' to the code that took its place in the codebook; otherwise "
                        + recode
                default:
                    hint = recode
                }
                diagnostics.append(Diagnostic(file: name, line: contents.line(ofEventAt: stale.position), severity: .warning,
                                              message: "\(stale.message) (event seq \(stale.seq))", hint: hint))
            }
            if coder != CoderName.consensus {
                checkRequiredDimensions(log, coder: coder, file: name, codebook: codebook, corpus: corpus)
            }
            checkEvidence(log, coder: coder, file: name, codebook: codebook, corpus: corpus)
            if log.olderEvents > 0 {
                let counts = log.olderCodebooks
                let versions = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                    .map { "\($0.key.prefix(12)): \($0.value)" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    file: name, severity: .note,
                    message: "\(log.olderEvents) of \(log.events) events were made under \(counts.count) earlier version\(counts.count == 1 ? "" : "s") of the codebook (\(versions))",
                    hint: "'litcoder agree --codebook-version HASH' compares the codings made under one version"))
            }
        }
        let logs = coders.count + listing.unreadable.count
        let unread = listing.unreadable.isEmpty ? "" : ", \(listing.unreadable.count) unreadable"
        checked.append("\(logs) coding log\(logs == 1 ? "" : "s") (\(eventCount.counted("event"))\(unread))")
    }

    /// Papers the coder marked done with a required dimension still empty, each at the line
    /// of the event that marked it done.
    private mutating func checkRequiredDimensions(_ log: LogCheck, coder: String, file: String, codebook: Codebook,
                                                  corpus: Corpus) {
        guard let state = log.state else { return }
        let gaps = RequiredGap.find(in: state, codebook: codebook, corpus: corpus)
        guard !gaps.isEmpty else { return }
        let contents = log.contents
        let markedDone = log.markedDone
        for gap in gaps {
            let values = gap.dimensions.map { "\($0)=…" }.joined(separator: " ")
            diagnostics.append(Diagnostic(
                file: file, line: markedDone[gap.paper].flatMap(contents.line(ofEventAt:)), severity: .warning,
                message: gap.message,
                hint: "code it (litcoder set \(gap.paper) \(values) --coder \(coder)), or mark it not done (--undone)"))
        }
    }
}
