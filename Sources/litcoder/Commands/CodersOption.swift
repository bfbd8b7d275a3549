import ArgumentParser
import LitCoderCore

/// `--coders A,B,…`: whose codings to compare; by default every coder whose log records a decision.
struct CodersOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The coders to compare, comma-separated (default: every coder whose log in codings/ records a decision).", valueName: "A,B,…"))
    var coders: String?

    /// The names given, checked as names; nil when none were given.
    func given() throws -> [String]? {
        guard let coders else { return nil }
        let names = coders.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for name in names {
            if let problem = CoderName.problem(with: name) { throw ValidationError(problem) }
        }
        guard Set(names).count == names.count else { throw ValidationError("--coders names a coder twice") }
        guard names.count >= 2 else { throw ValidationError("--coders needs at least 2 coders to compare") }
        return names
    }

    /// The chosen coders' names, each checked to be a coder of the project (else exit status
    /// 64 with a did-you-mean) and to have codings (a log of views alone is none).
    func names(in workspace: Workspace) throws -> [String] {
        let withCodings = try workspace.project.codersWithCodings()
        if let given = try given() { try workspace.check(coders: given, for: .reading) }
        let names = try given() ?? (try workspace.defaultComparedCoders())
        let missing = names.filter { !withCodings.contains($0) }
        if !missing.isEmpty {
            throw Failure.data("no codings by \(missing.joined(separator: ", ")) in codings/; coders with codings: "
                + (withCodings.isEmpty ? "none" : withCodings.joined(separator: ", ")))
        }
        guard names.count >= 2 else {
            throw Failure.data("agreement needs at least 2 coders with codings in codings/; found "
                + (names.isEmpty ? "none" : names.joined(separator: ", ")))
        }
        return names
    }

    /// The chosen coders' replayed states; log problems go to standard error.
    ///
    /// - Parameter codebookVersion: only the events made under this codebook (a prefix of its
    ///   content hash, or `current`); a version no chosen coder's events carry is a usage error
    ///   listing those they do.
    func states(in workspace: Workspace, codebookVersion: String? = nil) throws -> [CodingState] {
        let names = try names(in: workspace)
        guard let codebookVersion else {
            // Read at once; problems are printed, and a failure thrown, in the order named.
            return try workspace.states(coders: names).map { result in
                let (state, diagnostics) = try result.get()
                for d in diagnostics { Console.error(d.description) }
                return state
            }
        }
        let version = codebookVersion == "current" ? workspace.codebook.contentHash : codebookVersion.lowercased()
        let (states, versions, diagnostics) = try workspace.states(coders: names, codebookVersion: version)
        for d in diagnostics { Console.error(d.description) }
        let listed = versions.map { "\($0.hash.prefix(12)) (\($0.events.counted("event"))\($0.hash == workspace.codebook.contentHash ? ", current" : ""))" }
            .joined(separator: ", ")
        guard version.count >= 6, version.allSatisfy(\.isHexDigit) else {
            throw ValidationError("--codebook-version takes 'current' or at least 6 hex digits of a codebook hash; these coders' events were made under: \(listed)")
        }
        let matching = versions.filter { $0.hash.hasPrefix(version) }
        guard matching.count == 1, let resolved = matching.first?.hash else {
            throw ValidationError((matching.isEmpty ? "no event of \(names.joined(separator: ", ")) was made under codebook \(version)"
                                                    : "\(version) is the start of more than one codebook hash; give more digits")
                                  + "; their events were made under: \(listed)")
        }
        // The hash the version resolved to, so the output says which codebook it describes.
        Console.error("note: only codings made under codebook \(resolved.prefix(12))"
            + (resolved == workspace.codebook.contentHash ? " (the current one)" : "") + " are compared")
        return states
    }

    /// `--codebook-version`, shared by the commands that compare coders.
    static let codebookVersionHelp = ArgumentHelp(
        "Only the codings made under this version of the codebook: 'current', or the first digits (6 or more) of its hash as 'litcoder status' and the logs show it; compares agreement before and after a codebook change.",
        valueName: "HASH")
}

/// `--dimension ID`: one coded dimension of the codebook.
struct DimensionOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only this dimension (its id in the codebook).", valueName: "ID"))
    var dimension: String?

    /// The dimension ids to use, nil for all; a usage error (with a did-you-mean) when the id is unknown.
    func chosen(in codebook: Codebook) throws -> [String]? {
        guard let dimension else { return nil }
        let ids = codebook.dimensions.map(\.id)
        guard codebook.dimension(dimension) != nil else {
            throw ValidationError("no dimension '\(dimension)' in the codebook"
                + (DidYouMean.phrase(for: dimension, among: ids).map { "; \($0)" } ?? "")
                + "; its dimensions are \(ids.joined(separator: ", "))")
        }
        return [dimension]
    }
}

/// `--round NAME`: only the papers of one calibration round.
struct RoundOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only the papers of this calibration round (litcoder round list).", valueName: "NAME"))
    var round: String?

    /// The round named, nil when none was; a usage error naming the rounds there are.
    func chosen(in plan: CodingPlan) throws -> CalibrationRounds.Round? {
        guard let round else { return nil }
        guard let found = plan.rounds.round(named: round) else {
            let names = plan.rounds.rounds.map(\.name)
            throw ValidationError("there is no round '\(round)'"
                + (names.isEmpty ? "; add one with 'litcoder round add \(round) --sample K'"
                                 : "\(DidYouMean.phrase(for: round, among: names).map { "; \($0)" } ?? ""); the rounds are \(names.joined(separator: ", "))"))
        }
        return found
    }
}
